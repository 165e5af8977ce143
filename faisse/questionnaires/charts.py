"""Server-drawn SVG charts of the results pages: horizontal bars, and the stacked grade
bars of majority judgment. Pure functions: no request, no query.

The bars' lengths are percentages of the SVG's width, which follows its container, while
texts keep their size: the chart stays legible from a phone to a wide screen without any
script. Each chart is an image (role="img") named by its <title> and described by its
<desc>; the table beside it gives every value, so the chart is never the only way in.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#1c5a3a"  # the site's link green: 8:1 on white
TRACK = "#ebe6dc"
INK = "#1d1f1c"
MUTED = "#54585a"
FONT = 'font-family="system-ui, sans-serif"'
# Grades best first: green to purple (PRGn, readable by colour-blind people).
GRADE_RAMP = ("#1b7837", "#5aae61", "#a6dba0", "#e0e0e0", "#c2a5cf", "#9970ab", "#762a83")
LINE_CHARS = 38  # per line of a label
LINE = 18  # px between the lines of a label
INSIDE = 55  # % of the width from which a bar holds its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as written at the end of the bar ("12 (40 %)")
    strong: bool = False  # drawn darker: the option in the lead


@dataclass(frozen=True)
class Stack:
    label: str
    counts: list[int]  # per grade, best first
    note: str  # under the bar: the majority grade


def wrap(label: str, width: int = LINE_CHARS, lines: int = 2) -> list[str]:
    """The label on `lines` lines of `width` characters at most, cut with "…" beyond
    (the table gives it whole). Sized for a phone: 38 characters of 15 px fit 330 px."""
    found: list[str] = []
    for word in label.split():
        if found and len(found[-1]) + 1 + len(word) <= width:
            found[-1] += " " + word
        else:
            found.append(word[:width])
    if len(found) > lines:
        found = [*found[: lines - 1], found[lines - 1][: width - 1].rstrip() + "…"]
    return found or [""]


def _pct(value: float) -> str:
    return f"{round(value, 2):g}%"


def _open(id_prefix: str, title: str, description: str, height: int) -> list[str]:
    ids = f"{id_prefix}-titre {id_prefix}-desc"
    return [
        f'<svg class="chart" width="100%" height="{height}" role="img" aria-labelledby="{ids}" '
        f'{FONT} font-size="15">',
        f'<title id="{id_prefix}-titre">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
    ]


def _label(label: str, y: int, weight: str = "") -> tuple[str, int]:
    """A label on one or two lines from `y` (its first baseline): the SVG and the height
    it takes."""
    lines = wrap(label)
    tspans = "".join(
        f'<tspan x="0" dy="{0 if index == 0 else LINE}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text y="{y}" fill="{INK}"{weight}>{tspans}</text>', LINE * (len(lines) - 1)


def bar_chart(bars: list[Bar], *, id_prefix: str, title: str, description: str) -> SafeString:
    """One bar per row: its label above, the bar below with its value at its end."""
    top = max((bar.value for bar in bars), default=0) or 1
    out, y = [], 0
    for bar in bars:
        width = 100 * bar.value / top
        fill = BAR if not bar.strong else "#0f3b25"
        label, extra = _label(bar.label, y + 16, ' font-weight="700"' if bar.strong else "")
        y += extra
        # The value is written inside a long bar (white on green), after a short one.
        value_at = (
            f'x="{_pct(width)}" dx="-6" text-anchor="end" fill="#ffffff"'
            if width >= INSIDE
            else f'x="{_pct(width)}" dx="6" fill="{INK}"'
        )
        out.append(
            f"{label}"
            f'<rect x="0" y="{y + 22}" width="100%" height="20" fill="{TRACK}"/>'
            f'<rect x="0" y="{y + 22}" width="{_pct(width)}" height="20" fill="{fill}"/>'
            f'<text {value_at} y="{y + 37}" font-size="14">{escape(bar.text)}</text>'
        )
        y += 50
    out = [*_open(id_prefix, title, description, y), *out, "</svg>"]
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def grade_colours(count: int) -> list[str]:
    """`count` colours of the ramp, best grade first, spread from end to end."""
    if count <= 1:
        return list(GRADE_RAMP[:count])
    last = len(GRADE_RAMP) - 1
    return [GRADE_RAMP[round(index * last / (count - 1))] for index in range(count)]


def grade_chart(stacks: list[Stack], *, id_prefix: str, title: str, description: str) -> SafeString:
    """Majority judgment: each option's grades as one bar of 100 %, best grade on the
    left; the dashed line in the middle crosses each bar at its majority grade."""
    out, y = [], 0
    for stack in stacks:
        total = sum(stack.counts)
        label, extra = _label(stack.label, y + 16)
        y += extra
        out.append(label)
        out.append(f'<rect x="0" y="{y + 23}" width="100%" height="18" fill="{TRACK}"/>')
        start = 0.0
        colours = grade_colours(len(stack.counts))
        for count, colour in zip(stack.counts, colours, strict=True):
            if not count:
                continue
            width = 100 * count / total
            out.append(
                f'<rect x="{_pct(start)}" y="{y + 23}" width="{_pct(width)}" height="18" '
                f'fill="{colour}" stroke="#ffffff" stroke-width="1"/>'
            )
            start += width
        out.append(
            f'<line x1="50%" x2="50%" y1="{y + 19}" y2="{y + 45}" stroke="{INK}" '
            'stroke-width="2" stroke-dasharray="4 2"/>'
            f'<text x="0" y="{y + 60}" fill="{MUTED}" font-size="14">{escape(stack.note)}</text>'
        )
        y += 70
    out = [*_open(id_prefix, title, description, y), *out, "</svg>"]
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
