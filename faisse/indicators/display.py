"""Numbers of indicators written the French way: "1 234,5", "−12 (−7,9 %)"."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

MINUS = "\u2212"  # the minus sign, not a hyphen
NBSP = "\u00a0"


def format_number(value: Decimal | float | int | None, decimals: int = 0) -> str:
    """The value rounded half up to `decimals` places, grouped by thousands, with a
    decimal comma and a true minus sign; "—" for no value."""
    if value is None:
        return "—"
    exponent = Decimal(1).scaleb(-decimals)
    rounded = Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "−0"
    text = number_format(rounded, decimal_pos=decimals, force_grouping=True)
    return text.replace("-", MINUS)


def with_unit(text: str, unit: str) -> str:
    """ "1 234 km", "12 %": the number tied to its unit."""
    return f"{text}{NBSP}{unit}" if unit else text


def format_value(value, indicator) -> str:
    """A value of the indicator, with its decimals and unit."""
    if value is None:
        return "—"
    return with_unit(format_number(value, indicator.decimals), indicator.unit)


def format_exact(value, indicator) -> str:
    """A value as entered, with every decimal it has (at least the indicator's): what
    the person who enters values sees, where the public pages round."""
    if value is None:
        return "—"
    places = max(0, -Decimal(value).normalize().as_tuple().exponent)
    return with_unit(format_number(value, max(indicator.decimals, places)), indicator.unit)


def signed(value: Decimal, decimals: int) -> str:
    text = format_number(value, decimals)
    return f"+{text}" if value > 0 and text.strip("0,") else text


def format_gap(status, indicator) -> str:
    """ "−12 km (−7,9 %)": the gap to the expected value, in units and in %."""
    if status.gap is None:
        return "—"
    text = with_unit(signed(status.gap, indicator.decimals), indicator.unit)
    if status.gap_percent is not None:
        text += f" ({signed(status.gap_percent, 1)}{NBSP}%)"
    return text


def verdict(status) -> str:
    """In words: on the trajectory or off it, or why there is no verdict."""
    if status.off_target is True:
        return _("En retard sur la trajectoire")
    if status.off_target is False:
        return _("Sur la trajectoire")
    if status.expected is None:
        return _("Pas de cible pour cette année")
    return _("Pas de valeur mesurée cette année")
