"""The indicators measuring a plan element, as a section of its public page (registered
with `faisse.plans.node_sections` in apps.py): each with its status and a small chart.
Three queries when there are some (indicators, targets, values), one when there are none.
"""

from faisse.indicators.models import Indicator
from faisse.indicators.presenting import card
from faisse.indicators.targets import load_series
from faisse.plans.node_sections import NodeSection


def node_section(node, *, drafts: bool = False) -> NodeSection | None:
    indicators = list(
        Indicator.objects.filter(links__node_id=node.pk)
        .visible(drafts=drafts)
        .select_related("territory")
        .order_by("title", "pk")
    )
    if not indicators:
        return None
    series = load_series(indicators)
    cards = [
        card(series[i.pk], i.territory.slug, id_prefix=f"indicateur-lie-{i.pk}") for i in indicators
    ]
    return NodeSection("indicators/_node_section.html", {"cards": cards}, order=30)
