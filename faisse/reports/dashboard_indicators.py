"""The indicators of the dashboard: those of the plan (published ones for the public);
with filters, those linked to a selected action or to an element above one. Off target:
the latest value is off the trajectory of its year (faisse/indicators/targets.py).
Four queries: indicators, their links, targets, values (none without indicators)."""

from collections import defaultdict

from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from faisse.indicators import display
from faisse.indicators.models import Indicator, IndicatorLink
from faisse.indicators.targets import load_series
from faisse.reports.dashboard_figures import IndicatorItem


def _indicator_urls(slug: str) -> bool:
    """Whether indicators have public pages yet (their app adds them)."""
    try:
        reverse("indicators_public:detail", args=[slug, 1])
    except NoReverseMatch:
        return False
    return True


def add_indicators(dashboard, tree, selection, filtered: bool, node_url) -> None:
    plan, territory = dashboard.plan, dashboard.territory
    found = list(
        Indicator.objects.filter(territory=territory)
        .filter(Q(plan=plan) | Q(plan__isnull=True))
        .visible(drafts=dashboard.members)
        .order_by("title", "pk")
    )
    if not found:
        return
    links = defaultdict(list)
    rows = IndicatorLink.objects.filter(indicator__in=[indicator.pk for indicator in found])
    for indicator_id, node_id in rows.values_list("indicator_id", "node_id"):
        if node_id in tree.by_id:
            links[indicator_id].append(tree.by_id[node_id])
    if filtered:
        scope = set(selection.ids)
        for node in selection.actions:
            scope.update(parent.pk for parent in tree.ancestors(node))
        found = [i for i in found if any(node.pk in scope for node in links[i.pk])]
    series = load_series(found)
    with_pages = _indicator_urls(territory.slug)
    dashboard.indicators = len(found)
    for indicator in found:
        status = series[indicator.pk].status()
        dashboard.indicators_judged += status.has_verdict
        if status.off_target:
            dashboard.off_target.append(
                IndicatorItem(
                    indicator=indicator,
                    url=indicator.url_for(territory.slug) if with_pages else "",
                    year=status.year,
                    latest=display.format_value(status.latest, indicator),
                    expected=display.format_value(status.expected, indicator),
                    gap=display.format_gap(status, indicator),
                    nodes=[(node.label, node_url(node)) for node in links[indicator.pk]],
                )
            )
