"""The territory's map shaded by progress: for each commune, the mean progress of the
actions that apply to it specifically (as on the site's commune pages), in four fixed
classes. Drawn by the same code as the plan's PDF map (locations.maps), two queries:
the commune links and the communes' outlines."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from faisse.actions.follow_up import PlanFollowUp
from faisse.locations import maps
from faisse.locations.communes import search_key
from faisse.locations.geography import PlanGeography
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.territories.models import Commune

# Lighter to darker as the work advances; white: no action of its own.
FILLS = ("#fff7bc", "#fec44f", "#d95f0e", "#993404")
THRESHOLDS = (25.0, 50.0, 75.0)


@dataclass
class ProgressMap:
    svg: str
    title: str
    legend_title: str
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, label)
    communes: int = 0
    rows: list[tuple[str, int, float]] = field(default_factory=list)  # name, actions, progress


def progress_scale() -> maps.Scale:
    labels = (
        _("moins de 25 %"),
        _("de 25 à 49 %"),
        _("de 50 à 74 %"),
        _("75 % et plus"),
    )
    bounds = ((0, 25), (25, 50), (50, 75), (75, 100))
    first = maps.MapClass(1, FILLS[0], 0, 25, labels[0])
    positive = tuple(
        maps.MapClass(i + 1, fill, low, high, label)
        for i, (fill, (low, high), label) in enumerate(zip(FILLS, bounds, labels, strict=True))
    )
    missing = maps.MapClass(5, maps.MISSING_FILL, None, None, _("aucune action propre"))
    # Progress 0 falls in the first class: zero is "moins de 25 %", not a class of its own.
    return maps.Scale(zero=first, positive=positive, thresholds=THRESHOLDS, missing=missing)


def progress_map(plan, follow_up: PlanFollowUp, title: str) -> ProgressMap | None:
    """None when the territory's communes have no outline."""
    communes = list(Commune.objects.of_territory(plan.territory))
    if not any(commune.boundary for commune in communes):
        return None
    links = list(CommuneLink.objects.filter(plan=plan).select_related("commune"))
    geography = PlanGeography(follow_up.tree, links)
    sums: dict[int, list[float]] = {}
    for action in geography.actions():
        if action.kind != PlanNode.Kind.ACTION or not follow_up.counts_in_roll_up(action):
            continue
        value = follow_up.progress(action)
        for commune_id in {link.commune_id for link in geography.links_of(action)}:
            sums.setdefault(commune_id, []).append(value)
    values = {pk: sum(found) / len(found) for pk, found in sums.items()}
    rows = sorted(
        (
            (commune.name, len(sums[commune.pk]), values[commune.pk])
            for commune in communes
            if commune.pk in values
        ),
        key=lambda row: search_key(row[0]),
    )
    scale = progress_scale()
    svg = maps.choropleth(
        communes,
        values,
        scale=scale,
        title=title,
        title_for=lambda commune: commune.name,
        standalone=True,
        id_prefix="carte-bilan",
    )
    legend = [(c.fill, c.label) for c in (*scale.positive, scale.missing)]
    return ProgressMap(
        svg=str(svg),
        title=title,
        legend_title=_("Avancement moyen"),
        legend=legend,
        communes=len(communes),
        rows=rows,
    )
