"""Where the plan applies, as the exports write it: filled by a higher app.

The locations app (above plans in the layers) knows which communes an action applies to
and draws the territory's map; it registers a provider here in its AppConfig.ready(), so
that the exports, the `export_plan` command and the download links name the communes
without plans importing locations. Without a provider (an app left out), the documents
simply name no commune and show no map.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from faisse.plans.models import Plan
from faisse.plans.tree import PlanTree


@dataclass
class Places:
    communes: dict[int, list[str]] = field(default_factory=dict)  # action pk → commune names
    map_svg: str = ""  # a standalone SVG of the territory's communes (PDF only)
    map_title: str = ""  # its caption
    legend_title: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour "#rrggbb", label)


Provider = Callable[..., Places]  # provider(plan, tree, *, with_map: bool) -> Places
_providers: list[Provider] = []


def register_places(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def places_of(plan: Plan, tree: PlanTree, *, with_map: bool) -> Places:
    """The communes of each action and the map, from every registered provider."""
    found = Places()
    for provider in _providers:
        places = provider(plan, tree, with_map=with_map)
        for pk, names in places.communes.items():
            found.communes.setdefault(pk, []).extend(names)
        if places.map_svg and not found.map_svg:
            found.map_svg, found.map_title = places.map_svg, places.map_title
            found.legend_title, found.legend = places.legend_title, places.legend
    return found
