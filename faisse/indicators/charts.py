"""The chart of an indicator, drawn on the server as SVG: measured values as a line with
points, targets as hollow marks on a dashed line (the trajectory, flat after the last
target), the baseline as a square. Pure functions of a `targets.Series`: no query.

Time runs left to right in year slots: a target, the baseline and the only value of a
year sit in the middle of their year, so that the eye compares what the verdict compares
(several values of a year spread across it, in date order). Horizontal positions are
percentages of the width, which follows the container, while texts keep their size (as in
questionnaires/charts.py): the chart stays legible from a phone to a wide screen, without
any script. The chart is an image (role="img") named by its <title> and described by its
<desc>, which says every value in words; the table beside it on the pages gives them too.

`indicator_chart` gives the SVG to put in a page; `indicator_svg` a standalone SVG
document (namespace, fixed width) for the yearly report: typst embeds it in the PDF and
turns it into PNG for DOCX.
"""

import math
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from faisse.indicators.display import format_gap, format_number, format_value, verdict
from faisse.indicators.targets import Series, anchor_points

VALUE = "#1c5a3a"  # the site's link green, 8:1 on white
TARGET = "#8a4b08"  # brown, 6:1 on white
INK = "#1d1f1c"
MUTED = "#54585a"
GRID = "#d9d4c8"
FONT = 'font-family="system-ui, sans-serif"'
LEFT, RIGHT = 3.0, 97.0  # % of the width the years span
LISTED = 6  # values named one by one in the description, beyond: a summary


@dataclass(frozen=True)
class Size:
    height: int
    top: int  # y of the highest gridline
    bottom: int  # y of the lowest gridline
    radius: float
    font: int
    legend: bool
    year_labels: int  # at most


FULL = Size(height=270, top=44, bottom=232, radius=4.5, font=13, legend=True, year_labels=9)
SMALL = Size(height=120, top=18, bottom=92, radius=3.5, font=12, legend=False, year_labels=2)


def _x(moment: float, first: int, last: int) -> float:
    """The % of the width of a moment in years (2022.5: the middle of 2022)."""
    return LEFT + (RIGHT - LEFT) * (moment - first) / (last + 1 - first)


def value_moments(values) -> list[float]:
    """Where each value sits, in years: in the middle of its year when it is the only one
    of that year, right above or below the year's expected value, which is what the
    verdict compares; several values of a year spread across it in date order."""
    per_year = Counter(value.on.year for value in values)
    seen: Counter = Counter()
    moments = []
    for value in values:
        year = value.on.year
        seen[year] += 1
        moments.append(year + seen[year] / (per_year[year] + 1))
    return moments


def _pct(value: float) -> str:
    return f"{round(value, 2):g}%"


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round gridline values covering [low, high]: steps of 1, 2, 2.5 or 5 × 10ⁿ."""
    if high <= low:
        spread = abs(high) * 0.1 or 1.0
        low, high = low - spread, high + spread
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    start = math.floor(low / step + 1e-9) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _tick_decimals(ticks: list[float]) -> int:
    """The decimals the gridlines' step needs: 0 for 25, 1 for 0.5, 2 for 0.25."""
    if len(ticks) < 2:
        return 0
    step = Decimal(str(round(ticks[1] - ticks[0], 10))).normalize()
    return max(0, min(4, -step.as_tuple().exponent))


def _plotted(series: Series) -> list[float]:
    numbers = [float(v) for v in series.targets.values()]
    numbers += [float(value.value) for value in series.values]
    if series.baseline:
        numbers.append(float(series.baseline[1]))
    return numbers


def _open(id_prefix: str, title: str, description: str, size: Size, standalone: int) -> str:
    ids = f"{id_prefix}-titre {id_prefix}-desc"
    if standalone:
        frame = f'xmlns="http://www.w3.org/2000/svg" width="{standalone}"'
    else:
        frame = 'class="chart indicator-chart" width="100%"'
    return (
        f'<svg {frame} height="{size.height}" role="img" aria-labelledby="{ids}" '
        f'{FONT} font-size="{size.font}">'
        f'<title id="{id_prefix}-titre">{escape(title)}</title>'
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>'
    )


def _legend(has_baseline: bool) -> str:
    """Values, targets, baseline: symbols and words in a row, 340 px at most (a phone)."""
    parts = [
        f'<line x1="0" x2="20" y1="10" y2="10" stroke="{VALUE}" stroke-width="2.5"/>'
        f'<circle cx="10" cy="10" r="4" fill="{VALUE}"/>'
        f'<text x="26" y="14" fill="{INK}">{escape(_("Valeurs mesurées"))}</text>',
        f'<line x1="160" x2="180" y1="10" y2="10" stroke="{TARGET}" stroke-width="2" '
        'stroke-dasharray="5 3"/>'
        f'<circle cx="170" cy="10" r="5" fill="#ffffff" stroke="{TARGET}" stroke-width="2"/>'
        f'<text x="186" y="14" fill="{INK}">{escape(_("Cibles"))}</text>',
    ]
    if has_baseline:
        parts.append(
            f'<rect x="252" y="5" width="10" height="10" fill="{INK}"/>'
            f'<text x="268" y="14" fill="{INK}">{escape(_("Référence"))}</text>'
        )
    return '<g class="chart-legend">' + "".join(parts) + "</g>"


def _years(first: int, last: int, size: Size, y: int) -> str:
    count = last - first + 1
    if size.year_labels <= 2:
        shown = sorted({first, last})
    else:
        every = math.ceil(count / size.year_labels)
        shown = list(range(first, last + 1, every))
    return "".join(
        f'<text x="{_pct(_x(year + 0.5, first, last))}" y="{y}" text-anchor="middle" '
        f'fill="{MUTED}">{year}</text>'
        for year in shown
    )


def _segments(points: list[tuple[float, float]], colour: str, width: float, dashed: bool) -> str:
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return "".join(
        f'<line x1="{_pct(x1)}" y1="{y1:.1f}" x2="{_pct(x2)}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width}"{dash}/>'
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False)
    )


def _body(series: Series, size: Size) -> str:
    years = series.years()
    first, last = years[0], years[-1]
    ticks = nice_ticks(min(_plotted(series)), max(_plotted(series)))
    if ticks[0] > 0 and ticks[0] <= ticks[-1] / 2:  # close enough to 0: start from 0
        ticks = nice_ticks(0, ticks[-1])
    low, high = ticks[0], ticks[-1]

    def y(value) -> float:
        return size.bottom - (size.bottom - size.top) * (float(value) - low) / (high - low)

    decimals = _tick_decimals(ticks)
    unit = series.indicator.unit
    out = []
    shown_ticks = ticks if size.legend else [low, high]
    for index, tick in enumerate(ticks):
        out.append(
            f'<line x1="0" x2="100%" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="{GRID}"/>'
        )
        if tick in shown_ticks:
            label = format_number(Decimal(str(tick)), decimals)
            if index == len(ticks) - 1 and unit:
                label = f"{label} {unit}"
            out.append(
                f'<text x="0" y="{y(tick) - 4:.1f}" fill="{MUTED}" font-size="{size.font - 1}">'
                f"{escape(label)}</text>"
            )
    out.append(_years(first, last, size, size.height - 6))
    # The trajectory: baseline and targets, then flat after the last target.
    anchors = [
        (_x(year + 0.5, first, last), y(value))
        for year, value in anchor_points(series.targets, series.baseline)
    ]
    if anchors and anchors[-1][0] < _x(last + 0.5, first, last):
        anchors.append((_x(last + 0.5, first, last), anchors[-1][1]))
    out.append(_segments(anchors, TARGET, 2, dashed=True))
    if series.baseline:  # under a value of the same year, larger than its point
        year, value = series.baseline
        side = size.radius * 2 + 3
        out.append(
            f'<rect class="chart-baseline" x="{_pct(_x(year + 0.5, first, last))}" '
            f'y="{y(value) - side / 2:.1f}" width="{side:g}" height="{side:g}" fill="{INK}" '
            f'transform="translate({-side / 2:g} 0)"/>'
        )
    points = [
        (_x(moment, first, last), y(value.value))
        for moment, value in zip(value_moments(series.values), series.values, strict=True)
    ]
    out.append(_segments(points, VALUE, 2.5, dashed=False))
    out.extend(
        f'<circle class="chart-value" cx="{_pct(x)}" cy="{cy:.1f}" r="{size.radius:g}" '
        f'fill="{VALUE}"/>'
        for x, cy in points
    )
    # Targets last, hollow: a value that meets its target shows inside the ring.
    out.extend(
        f'<circle class="chart-target" cx="{_pct(_x(year + 0.5, first, last))}" '
        f'cy="{y(value):.1f}" r="{size.radius + 1.5:g}" fill="none" stroke="{TARGET}" '
        'stroke-width="2"/>'
        for year, value in series.targets.items()
    )
    return "".join(out)


def description(series: Series) -> str:
    """Every value of the chart in words, then where the indicator stands."""
    indicator = series.indicator
    parts = []
    values = series.values
    if not values:
        parts.append(_("Aucune valeur mesurée."))
    elif len(values) <= LISTED:
        listed = ", ".join(
            _("%(value)s au %(date)s")
            % {"value": format_value(v.value, indicator), "date": v.on.strftime("%d/%m/%Y")}
            for v in values
        )
        parts.append(_("Valeurs mesurées : %(values)s.") % {"values": listed})
    else:
        numbers = [value.value for value in values]
        parts.append(
            _(
                "%(count)s valeurs mesurées du %(first)s au %(last)s, de %(low)s à %(high)s ; "
                "la dernière : %(latest)s."
            )
            % {
                "count": len(values),
                "first": values[0].on.strftime("%d/%m/%Y"),
                "last": values[-1].on.strftime("%d/%m/%Y"),
                "low": format_value(min(numbers), indicator),
                "high": format_value(max(numbers), indicator),
                "latest": format_value(values[-1].value, indicator),
            }
        )
    if series.targets:
        listed = ", ".join(
            _("%(value)s en %(year)s") % {"value": format_value(value, indicator), "year": year}
            for year, value in series.targets.items()
        )
        parts.append(_("Cibles : %(targets)s.") % {"targets": listed})
    else:
        parts.append(_("Aucune cible."))
    if series.baseline:
        year, value = series.baseline
        parts.append(
            _("Référence : %(value)s en %(year)s.")
            % {"value": format_value(value, indicator), "year": year}
        )
    status = series.status()
    if status.has_verdict:
        parts.append(
            _("En %(year)s, valeur attendue %(expected)s : %(verdict)s (écart %(gap)s).")
            % {
                "year": status.year,
                "expected": format_value(status.expected, indicator),
                "verdict": verdict(status).lower(),
                "gap": format_gap(status, indicator),
            }
        )
    return " ".join(parts)


def _svg(series: Series, size: Size, id_prefix: str, standalone: int = 0) -> str:
    if not series.years():
        return ""
    head = _open(id_prefix, series.indicator.title, description(series), size, standalone)
    legend = _legend(series.baseline is not None) if size.legend else ""
    return f"{head}{legend}{_body(series, size)}</svg>"


def indicator_chart(series: Series, *, id_prefix: str = "", small: bool = False) -> SafeString:
    """The chart to put in a page (its width follows the page); the small one, for lists
    and an element's page, has no legend and names only the first and last years. Empty
    when the indicator has neither value, target nor baseline."""
    prefix = id_prefix or f"indicateur-{series.indicator.pk}"
    return mark_safe(_svg(series, SMALL if small else FULL, prefix))  # noqa: S308 - escaped


def indicator_svg(series: Series, *, width: int = 640, small: bool = False) -> str:
    """A standalone SVG document of `width` px, for the yearly report (typst)."""
    size = SMALL if small else FULL
    return _svg(series, size, f"indicateur-{series.indicator.pk}", standalone=width)
