"""What the pages show of an indicator, written out once: its card (lists, an element's
page), the rows of its table, the plan elements it measures as the reader may see them."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from faisse.indicators.charts import indicator_chart
from faisse.indicators.display import format_gap, format_value, verdict
from faisse.indicators.models import Indicator, IndicatorLink
from faisse.indicators.targets import IndicatorStatus, Series
from faisse.plans.tree import PlanTree


@dataclass
class StatusText:
    year: int
    latest: str  # "171 km"
    latest_on: str  # "31/12/2024"
    expected: str
    verdict: str
    gap: str
    state: str  # "off", "on" or "none": the badge's colour

    @classmethod
    def of(cls, status: IndicatorStatus, indicator: Indicator) -> "StatusText":
        state = {True: "off", False: "on"}.get(status.off_target, "none")
        return cls(
            status.year,
            format_value(status.latest, indicator),
            status.latest_on.strftime("%d/%m/%Y") if status.latest_on else "",
            format_value(status.expected, indicator),
            verdict(status),
            format_gap(status, indicator),
            state,
        )


@dataclass
class Card:
    indicator: Indicator
    url: str
    status: StatusText | None  # None: nothing measured yet
    chart: SafeString


def card(series: Series, slug: str, *, id_prefix: str = "") -> Card:
    indicator = series.indicator
    status = StatusText.of(series.status(), indicator) if series.values else None
    prefix = id_prefix or f"indicateur-{indicator.pk}"
    chart = indicator_chart(series, id_prefix=prefix, small=True)
    return Card(indicator, indicator.url_for(slug), status, chart)


@dataclass
class TableRow:
    year: int
    target: str
    target_note: str  # "référence", "trajectoire" or ""
    value: str
    value_on: str
    gap: str
    verdict: str
    state: str


def table_rows(series: Series) -> list[TableRow]:
    """Year, target (or the baseline, or the value read on the trajectory), the latest
    value of the year, the gap and the verdict."""
    indicator = series.indicator
    rows = []
    for row in series.rows():
        status = StatusText.of(row.status, indicator)
        if row.target is not None:
            target, note = format_value(row.target, indicator), ""
        elif row.baseline is not None:
            target, note = format_value(row.baseline, indicator), "baseline"
        else:
            target, note = status.expected, "trajectory" if row.interpolated else ""
        rows.append(
            TableRow(
                row.year,
                target,
                note,
                status.latest,
                status.latest_on,
                status.gap,
                status.verdict if row.status.latest is not None else "",
                status.state,
            )
        )
    return rows


def linked_nodes(indicator: Indicator, *, drafts: bool, slug: str) -> list[tuple]:
    """(node, url) of the plan elements the indicator measures that the reader may see,
    in plan order: one query for the links, two per plan concerned (usually one)."""
    links = list(IndicatorLink.objects.filter(indicator=indicator).select_related("node__plan"))
    plans = {link.node.plan_id: link.node.plan for link in links}
    shown = []
    for plan in sorted(plans.values(), key=lambda plan: plan.pk):
        tree = PlanTree.load(plan, drafts=drafts)
        wanted = {link.node_id for link in links if link.node.plan_id == plan.pk}
        seen = set()
        for entry in tree.walk():
            node = entry.node
            if node.pk in wanted and node.pk not in seen:
                seen.add(node.pk)
                shown.append((node, node.url_for(slug)))
    return shown
