"""French figures of the yearly report: amounts, percentages, dates.

The report is read by council members, not by accountants: amounts are whole euros
grouped by thousands ("1 234 567 €"), or rounded in the key figures ("2,4 M€"); progress
is a whole percentage ("42 %"); dates are written out ("31 décembre 2025").
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from faisse.plans.exporting.typography import MONTHS, NBSP, french_date, french_number

DASH = "—"


def percent(value: float | None) -> str:
    """ "42 %", or a dash for something that has nothing to measure."""
    if value is None:
        return DASH
    return f"{round(value)}{NBSP}%"


def euros(amount: Decimal | None) -> str:
    """ "1 234 567 €" (rounded to the euro); a dash for nothing."""
    if not amount:
        return DASH
    whole = int(Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{french_number(whole)}{NBSP}€"


def euros_short(amount: Decimal | None) -> str:
    """ "2,4 M€", "350 k€", "12 500 €": the order of magnitude at a glance."""
    if not amount:
        return "0" + NBSP + "€"
    value = Decimal(amount)
    for size, unit in ((Decimal(1_000_000), "M€"), (Decimal(10_000), "k€")):
        if abs(value) >= size:
            divisor = size if unit == "M€" else Decimal(1000)
            rounded = (value / divisor).quantize(
                Decimal("0.1") if unit == "M€" else Decimal(1), rounding=ROUND_HALF_UP
            )
            text = f"{rounded}".replace(".", ",").removesuffix(",0")
            return f"{text}{NBSP}{unit}"
    return euros(value)


def long_date(day: date) -> str:
    return french_date(day)


def short_date(day: date) -> str:
    """ "12 mars", "1er juin": inside a year already named."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}{NBSP}{MONTHS[day.month - 1]}"


def plural(singular: str, plural_form: str, number: int) -> str:
    """The French form for `number`: 0 and 1 take the singular ("0 action réalisée")."""
    return singular if number <= 1 else plural_form


def count(number: int, singular: str, plural_form: str) -> str:
    """ "1 action", "12 actions" (0 is singular in French)."""
    return f"{french_number(number)}{NBSP}{plural(singular, plural_form, number)}"


def yes_no(value: bool) -> str:
    return _("oui") if value else _("non")
