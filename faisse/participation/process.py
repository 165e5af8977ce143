"""The process steps as the territory home shows them: grouped by phase, French dates."""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from faisse.participation.models import ProcessStep

DAY = ProcessStep.DatePrecision.DAY
MONTH = ProcessStep.DatePrecision.MONTH
DASH = "\u202f–\u00a0"  # narrow no-break space, en dash, no-break space
UNDATED = _("date non précisée")


def _day(value: datetime.date, fmt: str) -> str:
    text = date_format(value, fmt)
    if value.day == 1 and (get_language() or "").startswith("fr") and text.startswith("1 "):
        text = "1er " + text[2:]  # "1er mai 2018"
    return text


def date_parts(
    start: datetime.date | None, end: datetime.date | None, precision: str
) -> list[tuple]:
    """[(iso, label), …]: one part for a single date, two for a range, none without date.

    "month": "octobre 2017", "décembre 2017 – janvier 2018";
    "day": "23 mai 2018", "23 – 24 mai 2018", "30 mai – 2 juin 2018", full dates across years.
    """
    start = start or end
    end = end or start
    if start is None:
        return []
    if precision == MONTH:
        same = (start.year, start.month) == (end.year, end.month)
        first = (start.strftime("%Y-%m"), date_format(start, "F Y"))
        if same:
            return [first]
        return [first, (end.strftime("%Y-%m"), date_format(end, "F Y"))]
    last = (end.isoformat(), _day(end, "j F Y"))
    if start == end:
        return [last]
    if (start.year, start.month) == (end.year, end.month):
        start_fmt = "j"
    elif start.year == end.year:
        start_fmt = "j F"
    else:
        start_fmt = "j F Y"
    return [(start.isoformat(), _day(start, start_fmt)), last]


def step_dates_text(step: ProcessStep) -> str:
    parts = date_parts(step.starts_on, step.ends_on, step.date_precision)
    return DASH.join(label for _, label in parts) or str(UNDATED)


def step_dates_html(step: ProcessStep) -> SafeString:
    parts = date_parts(step.starts_on, step.ends_on, step.date_precision)
    if not parts:
        return format_html('<span class="timeline__undated">{}</span>', UNDATED)
    return format_html_join(DASH, '<time datetime="{}">{}</time>', parts)


@dataclass
class PhaseGroup:
    phase: str
    label: str
    steps: list[ProcessStep]


def group_by_phase(steps: list[ProcessStep]) -> list[PhaseGroup]:
    """Consecutive steps of a phase together, phases in the order of their first step."""
    groups: dict[str, PhaseGroup] = {}
    for step in steps:
        if step.phase not in groups:
            groups[step.phase] = PhaseGroup(step.phase, step.get_phase_display(), [])
        groups[step.phase].steps.append(step)
    return list(groups.values())
