"""What the plan's documents say of places (faisse.plans.exporting): the communes each
action applies to, and the territory's map for the PDF. Registered in apps.py."""

from django.utils.translation import gettext as _

from faisse.locations import maps
from faisse.locations.communes import search_key
from faisse.locations.geography import PlanGeography
from faisse.plans.exporting.places import Places
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.territories.models import Commune


def export_places(plan: Plan, tree: PlanTree, *, with_map: bool) -> Places:
    """One query for the commune links, one more for the communes' outlines with the map.

    An action applies to the communes it or one of its parents names (as on its page);
    the map shades each commune by the number of actions that apply to it specifically."""
    geography = PlanGeography.load(plan, tree=tree)
    places = Places()
    for entry in tree.walk():
        node = entry.node
        if entry.shared or node.kind != PlanNode.Kind.ACTION:
            continue
        names = {link.commune.name for link in geography.links_of(node)}
        if names:
            places.communes[node.pk] = sorted(names, key=search_key)
    if with_map:
        _map(plan, geography, places)
    return places


def _map(plan: Plan, geography: PlanGeography, places: Places) -> None:
    """The communes shaded as on the site's map; the legend is the document's (a list of
    colours and labels), so that it stays legible whatever the map's size on the page."""
    communes = list(Commune.objects.of_territory(plan.territory))
    if not any(commune.boundary for commune in communes):
        return
    counts = geography.specific_action_counts()
    values = {commune.pk: counts.get(commune.pk, 0) for commune in communes}
    scale = maps.classify(values.values())
    title = _("Les %(count)s communes de %(territory)s et le nombre d’actions qui les nomment") % {
        "count": len(communes),
        "territory": plan.territory.name,
    }
    svg = maps.choropleth(
        communes,
        values,
        scale=scale,
        title=title,
        title_for=lambda commune: commune.name,
        standalone=True,
        id_prefix="carte-export",
    )
    places.map_svg, places.map_title = str(svg), title
    places.legend_title = _("Nombre d’actions")
    places.legend = [(map_class.fill, map_class.label) for map_class in scale.classes]
