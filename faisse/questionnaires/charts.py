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
LABEL_CHARS = 52  # a label is cut beyond (the table gives it whole)


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


def short(label: str, limit: int = LABEL_CHARS) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


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


def bar_chart(bars: list[Bar], *, id_prefix: str, title: str, description: str) -> SafeString:
    """One bar per row: its label above, the bar below with its value at the end."""
    row = 48
    top = max((bar.value for bar in bars), default=0) or 1
    out = _open(id_prefix, title, description, row * len(bars) + 4)
    for index, bar in enumerate(bars):
        y = index * row
        width = 76 * bar.value / top
        fill = BAR if not bar.strong else "#0f3b25"
        weight = ' font-weight="700"' if bar.strong else ""
        out.append(
            f'<text x="0" y="{y + 16}" fill="{INK}"{weight}>{escape(short(bar.label))}</text>'
            f'<rect x="0" y="{y + 23}" width="78%" height="16" fill="{TRACK}"/>'
            f'<rect x="0" y="{y + 23}" width="{_pct(width)}" height="16" fill="{fill}"/>'
            f'<text x="100%" y="{y + 37}" text-anchor="end" fill="{INK}">{escape(bar.text)}</text>'
        )
    out.append("</svg>")
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
    row = 66
    out = _open(id_prefix, title, description, row * len(stacks) + 8)
    for index, stack in enumerate(stacks):
        y = index * row
        total = sum(stack.counts)
        out.append(f'<text x="0" y="{y + 16}" fill="{INK}">{escape(short(stack.label))}</text>')
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
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped
