"""Everything the yearly report says, computed once: `build_report(plan, year)` gives a
`YearReport` that the PDF and DOCX writers only lay out.

The report tells the plan as it stood on 31 December of the year (the date of edition
for the year in progress): statuses, progress and lateness are rewound to that date
(timeline.py), "what happened" is what is dated within the year. Without `drafts` it is
the published plan with public notes only; with it, a working document with unpublished
elements, internal notes and unpublished indicators. A constant number of queries,
whatever the size of the plan (tested).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.indicators.charts import indicator_svg
from faisse.indicators.models import Indicator
from faisse.indicators.targets import IndicatorStatus, Series, YearRow, load_series
from faisse.plans.exporting.document import node_text
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.reports.yearly import money
from faisse.reports.yearly.mapping import ProgressMap, progress_map
from faisse.reports.yearly.text import long_date
from faisse.reports.yearly.timeline import Change, MilestoneRow, Note, Timeline, notes_of_year
from faisse.reports.yearly.timeline import rewind as rewind_to

KEY_INDICATORS = 4
TABLE_YEARS = 8  # rows of an indicator's table at most: the latest years up to the report's
KIND_ORDER = {Indicator.Kind.IMPACT: 0, Indicator.Kind.RESULT: 1, Indicator.Kind.REALISATION: 2}


@dataclass
class ActionRow:
    node: PlanNode
    label: str
    axis: str  # the label of its axis (at its home)
    axis_short: str  # "Axe 1", or the axis's title when it has no number
    status: str  # at the report's date
    status_before: str  # on 31 December of the year before
    progress: float | None
    late: bool
    end_date: date | None
    sub_action: bool


@dataclass
class ActionYear:
    """What one action did during the year."""

    action: ActionRow
    changes: list[Change]
    milestones: list[MilestoneRow]
    notes: list[Note]


@dataclass
class NodeProgress:
    label: str
    progress: float | None
    actions: list[ActionRow]

    @property
    def done(self) -> int:
        return sum(row.status == statuses.Status.DONE for row in self.actions)


@dataclass
class AxisPart:
    node: PlanNode
    label: str
    description: str
    progress: float | None
    parts: list[NodeProgress]  # its orientations (or objectives right under it)
    actions: list[ActionRow]  # every action under it
    own_actions: list[ActionRow]  # the actions right under it, outside any part
    year_money: money.Money
    total_money: money.Money


@dataclass
class IndicatorPart:
    series: Series
    status: IndicatorStatus  # in the report's year
    svg: str
    small_svg: str
    rows: list[YearRow]


@dataclass
class YearReport:
    plan: Plan
    year: int
    day: date  # the date the figures are given at: 31 December, or the date of edition
    edited_on: date
    drafts: bool
    progress: float | None
    actions: list[ActionRow]
    status_counts: list[tuple[str, int]]  # (status, number of actions), in the table's order
    completed: list[ActionRow]  # became "Réalisé" during the year
    late: list[ActionRow]
    year_events: list[ActionYear]
    axes: list[AxisPart]
    year_money: money.Money
    year_money_by_kind: dict[str, money.Money]
    total_money: money.Money
    money_by_kind: dict[str, money.Money]
    money_by_year: list[tuple[int | None, money.Money]]
    indicators: list[IndicatorPart]
    key_indicators: list[IndicatorPart]
    map: ProgressMap | None
    counts: dict[str, int] = field(default_factory=dict)  # of the year: changes, notes…

    @property
    def territory(self):
        return self.plan.territory

    @property
    def is_whole_year(self) -> bool:
        return self.day == date(self.year, 12, 31)


def report_day(year: int, today: date | None = None) -> date:
    """31 December of the year, or today for the year in progress."""
    today = today or timezone.localdate()
    return min(date(year, 12, 31), today)


def build_report(
    plan: Plan, year: int, *, drafts: bool = False, today: date | None = None
) -> YearReport:
    today = today or timezone.localdate()
    day = report_day(year, today)
    first = date(year, 1, 1)
    tree = PlanTree.load(plan, drafts=drafts)
    follow_up = PlanFollowUp.load(tree, today=day)
    timeline = Timeline.load(plan)
    rewind_to(follow_up, timeline, day)
    before = date(year - 1, 12, 31)

    rows: dict[int, ActionRow] = {}
    for node in follow_up.actions():
        sheet = follow_up.sheets.get(node.pk)
        ancestors = tree.ancestors(node)
        rows[node.pk] = ActionRow(
            node=node,
            label=node_text(node),
            axis=node_text(ancestors[0]) if ancestors else "",
            axis_short=_short(ancestors[0]) if ancestors else "",
            status=follow_up.status(node),
            status_before=timeline.status_on(node.pk, sheet.status if sheet else "", before),
            progress=follow_up.progress(node),
            late=follow_up.is_late(node),
            end_date=sheet.end_date if sheet else None,
            sub_action=bool(ancestors) and ancestors[-1].kind == PlanNode.Kind.ACTION,
        )
    actions = list(rows.values())
    notes = notes_of_year(plan, first, day, drafts=drafts)
    events = []
    for row in actions:
        found = ActionYear(
            row,
            timeline.status_changes_in(row.node.pk, first, day),
            timeline.milestones_reached_in(row.node.pk, first, day),
            notes.get(row.node.pk, []),
        )
        if found.changes or found.milestones or found.notes:
            events.append(found)

    year_money = money.YearMoney(plan, year)
    every = set(rows)
    whole = follow_up.budget()
    indicators = _indicators(plan, year, day, drafts)
    return YearReport(
        plan=plan,
        year=year,
        day=day,
        edited_on=today,
        drafts=drafts,
        progress=follow_up.plan_progress(),
        actions=actions,
        status_counts=_status_counts(actions),
        completed=[row for row in actions if _completed(row)],
        late=[row for row in actions if row.late],
        year_events=events,
        axes=[_axis(entry.node, follow_up, rows, year_money) for entry in tree.roots],
        year_money=year_money.of_year(every),
        year_money_by_kind=year_money.of_year_by_kind(every),
        total_money=money.total(whole),
        money_by_kind=money.by_kind(whole),
        money_by_year=money.by_year(whole, year_money.funded_by_year(every)),
        indicators=indicators,
        key_indicators=_key_indicators(indicators),
        map=progress_map(plan, follow_up, _map_title(plan, day)),
        counts={
            "status_changes": sum(len(e.changes) for e in events),
            "milestones": sum(len(e.milestones) for e in events),
            "notes": sum(len(e.notes) for e in events),
        },
    )


def _completed(row: ActionRow) -> bool:
    done = statuses.Status.DONE
    return row.status == done and row.status_before != done


def _status_counts(actions: list[ActionRow]) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    for row in actions:
        found[row.status] = found.get(row.status, 0) + 1
    order = [value for value, _label in statuses.CHOICES] + [statuses.Status.NONE]
    return [(status, found[status]) for status in order if found.get(status)]


def _short(node: PlanNode) -> str:
    return f"{node.kind_label} {node.number}" if node.number else node_text(node)


def _axis(node: PlanNode, follow_up: PlanFollowUp, rows, year_money) -> AxisPart:
    under = follow_up.actions_under(node)
    parts, own = [], set()
    for child, _shared in follow_up.tree.children_of(node):
        if child.kind == PlanNode.Kind.ACTION:
            own |= follow_up.actions_under(child)
            continue
        ids = follow_up.actions_under(child)
        parts.append(
            NodeProgress(
                label=node_text(child),
                progress=follow_up.progress(child),
                actions=[row for pk, row in rows.items() if pk in ids],
            )
        )
    return AxisPart(
        node=node,
        label=node_text(node),
        description=node.description,
        progress=follow_up.progress(node),
        parts=parts,
        actions=[row for pk, row in rows.items() if pk in under],
        own_actions=[row for pk, row in rows.items() if pk in own],
        year_money=year_money.of_year(under),
        total_money=money.total(follow_up.budget(node)),
    )


def _indicators(plan: Plan, year: int, day: date, drafts: bool) -> list[IndicatorPart]:
    """The plan's indicators (and the territory's not tied to a plan), with the values
    measured up to the report's date only."""
    indicators = (
        Indicator.objects.filter(territory=plan.territory_id)
        .filter(Q(plan=plan) | Q(plan__isnull=True))
        .visible(drafts=drafts)
        .order_by("title", "pk")
    )
    parts = []
    for series in load_series(indicators).values():
        series.values = [value for value in series.values if value.on <= day]
        if not series.years():
            continue
        rows = [row for row in series.rows() if row.year <= year]
        later = [row for row in series.rows() if row.year > year and row.target is not None]
        parts.append(
            IndicatorPart(
                series=series,
                status=series.status(year),
                svg=indicator_svg(series, width=420),
                small_svg=indicator_svg(series, width=300, small=True),
                rows=rows[-TABLE_YEARS:] + later[:1],
            )
        )
    return parts


def _key_indicators(indicators: list[IndicatorPart]) -> list[IndicatorPart]:
    """Those measured in the year, the ones with a verdict first, impact before result
    before realisation."""
    measured = [part for part in indicators if part.status.latest is not None]
    measured.sort(
        key=lambda part: (
            not part.status.has_verdict,
            KIND_ORDER.get(part.series.indicator.kind, 3),
            part.series.indicator.title,
        )
    )
    return measured[:KEY_INDICATORS]


def _map_title(plan: Plan, day: date) -> str:
    return _("Avancement moyen des actions propres à chaque commune au %(date)s") % {
        "date": long_date(day)
    }
