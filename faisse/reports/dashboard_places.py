"""The dashboard's communes: the selected actions that apply to each commune (its own
links, or an ancestor's: faisse/locations/geography.py), their mean progress and, for
members, their planned budget; the territory's map shaded by one or the other, with the
same figures in a table (the map is never the only way to read them)."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.locations import maps
from faisse.locations.communes import commune_url_prefix, search_key
from faisse.reports.dashboard_figures import bar_svg, euros, percent_text
from faisse.reports.filters import MAP_BUDGET, MAP_PROGRESS


@dataclass
class CommuneFigure:
    commune: object
    url: str  # the dashboard filtered by the commune
    page: str  # the commune's page
    actions: int
    progress: float | None
    planned: Decimal | None  # members only

    @property
    def progress_text(self) -> str:
        return percent_text(self.progress)

    @property
    def planned_text(self) -> str:
        return euros(self.planned)

    @property
    def bar(self) -> SafeString:
        return bar_svg(self.progress)


@dataclass(frozen=True)
class MapChoice:
    label: str
    url: str
    current: bool


@dataclass
class CommuneMap:
    rows: list[CommuneFigure]
    territory_wide: int  # selected actions that name no commune
    measure: str  # MAP_PROGRESS or MAP_BUDGET
    measure_label: str
    svg: SafeString | str = ""
    scale: maps.Scale | None = None
    switch: list[MapChoice] = field(default_factory=list)  # members: progress or budget

    @property
    def named(self) -> int:
        """Communes with at least one selected action."""
        return sum(1 for row in self.rows if row.actions)


def commune_map(territory, communes, geography, selection, filters, members) -> CommuneMap:
    by_commune, territory_wide = defaultdict(list), 0
    for node in selection.actions:
        places = {link.commune_id for link in geography.links_of(node)}
        territory_wide += not places
        for commune_id in places:
            by_commune[commune_id].append(node)
    prefix = commune_url_prefix(territory.slug)
    rows = []
    for commune in sorted(communes, key=lambda c: (search_key(c.name), c.pk)):
        nodes = by_commune.get(commune.pk, [])
        planned = selection.budget({node.pk for node in nodes}).planned if members else None
        rows.append(
            CommuneFigure(
                commune=commune,
                url=filters.url("communes", commune=commune.insee),
                page=f"{prefix}{commune.insee}/",
                actions=len(nodes),
                progress=selection.mean_progress(nodes) if nodes else None,
                planned=planned,
            )
        )
    measure = filters.map if members else MAP_PROGRESS
    labels = {
        MAP_PROGRESS: _("Avancement moyen des actions"),
        MAP_BUDGET: _("Budget prévisionnel des actions (€ HT)"),
    }
    found = CommuneMap(rows, territory_wide, measure, labels[measure])
    if members:
        found.switch = [
            MapChoice(labels[key], filters.url("communes", carte=value), measure == key)
            for key, value in ((MAP_PROGRESS, None), (MAP_BUDGET, MAP_BUDGET))
        ]
    if any(commune.boundary for commune in communes):
        found.svg, found.scale = _draw(territory, communes, rows, measure, labels[measure])
    return found


def _value(row: CommuneFigure, measure: str) -> float | None:
    if not row.actions:
        return None
    if measure == MAP_BUDGET:
        return float(row.planned or 0)
    return row.progress


def _title(row: CommuneFigure, measure: str) -> str:
    """A commune's name on the map (its link's name and tooltip), with its figures."""
    if not row.actions:
        return _("%(name)s : aucune action") % {"name": row.commune.name}
    count = ngettext("%(count)s action", "%(count)s actions", row.actions) % {"count": row.actions}
    if measure == MAP_BUDGET:
        figure = _("budget prévisionnel %(amount)s") % {"amount": row.planned_text}
    else:
        figure = _("avancement moyen %(percent)s") % {"percent": row.progress_text}
    return _("%(name)s : %(count)s, %(figure)s") % {
        "name": row.commune.name,
        "count": count,
        "figure": figure,
    }


def _draw(territory, communes, rows, measure, label):
    values = {row.commune.pk: _value(row, measure) for row in rows}
    scale = maps.classify(values.values(), decimals=0)
    if scale.missing is not None:
        scale = replace(scale, missing=replace(scale.missing, label=_("aucune action")))
    titles = {row.commune.pk: _title(row, measure) for row in rows}
    urls = {row.commune.pk: row.url for row in rows}
    svg = maps.choropleth(
        communes,
        values,
        scale=scale,
        title=_("Carte des communes de %(territory)s : %(measure)s")
        % {"territory": territory.name, "measure": label.lower()},
        description=_(
            "Chaque commune est un lien qui filtre le tableau de bord sur elle ; le tableau "
            "qui suit donne les mêmes valeurs."
        ),
        title_for=lambda commune: titles[commune.pk],
        url_for=lambda commune: urls[commune.pk],
        id_prefix="carte-tableau",
    )
    return svg, scale
