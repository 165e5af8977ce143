"""The map page: what each commune is shaded by, the SVG, and the sortable table."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from faisse.locations import maps
from faisse.locations.communes import CommuneRow, TerritoryCommunes, search_key
from faisse.territories.models import Commune


@dataclass(frozen=True)
class Measure:
    key: str
    label: str  # the switch and the legend title
    decimals: int
    value: Callable[[CommuneRow], float | None]


MEASURES = {
    "actions": Measure(
        "actions", gettext_lazy("Nombre d'actions spécifiques"), 0, lambda row: row.count
    ),
    "habitants": Measure(
        "habitants", gettext_lazy("Actions spécifiques pour 1 000 habitants"), 1, lambda r: r.rate
    ),
}
DEFAULT_MEASURE = "actions"


def measure_of(key: str | None) -> Measure:
    return MEASURES.get(key or "", MEASURES[DEFAULT_MEASURE])


def row_title(row: CommuneRow) -> str:
    """A commune's tooltip and link name on the map: its name and both values."""
    count = ngettext("%(count)s action spécifique", "%(count)s actions spécifiques", row.count) % {
        "count": row.count
    }
    if row.rate is None:
        rate = _("population non renseignée")
    else:
        rate = _("%(rate)s pour 1 000 habitants") % {"rate": maps.format_number(row.rate, 1)}
    return _("%(name)s : %(count)s, %(rate)s") % {"name": row.name, "count": count, "rate": rate}


def territory_map(
    data: TerritoryCommunes, rows: list[CommuneRow], measure: Measure
) -> tuple[SafeString, maps.Scale]:
    values = {row.commune.pk: measure.value(row) for row in rows}
    scale = maps.classify(values.values(), decimals=measure.decimals)
    titles = {row.commune.pk: row_title(row) for row in rows}
    svg = maps.choropleth(
        data.communes,
        values,
        scale=scale,
        title=_("Carte des communes du territoire %(territory)s : %(measure)s")
        % {"territory": data.territory.name, "measure": str(measure.label).lower()},
        description=_(
            "Chaque commune est un lien vers sa page ; le tableau qui suit donne les mêmes valeurs."
        ),
        title_for=lambda commune: titles[commune.pk],
        url_for=data.url,
        id_prefix="carte",
    )
    return svg, scale


def commune_map(data: TerritoryCommunes, commune: Commune) -> SafeString:
    return maps.locator(
        data.communes,
        [commune.pk],
        title=_("%(commune)s sur la carte de %(territory)s")
        % {"commune": commune.name, "territory": data.territory.name},
        url_for=data.url,
        id_prefix="carte-commune",
    )


# -- the table, sorted on the server ---------------------------------------------------------

SORTS: dict[str, tuple[str, Callable[[CommuneRow], object]]] = {
    "commune": (gettext_lazy("Commune"), lambda row: search_key(row.name)),
    "population": (gettext_lazy("Population"), lambda row: row.population or 0),
    "actions": (gettext_lazy("Actions spécifiques"), lambda row: row.count),
    "taux": (
        gettext_lazy("Pour 1 000 habitants"),
        lambda row: -1 if row.rate is None else row.rate,
    ),
}
DEFAULT_SORT = "commune"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    url: str  # sorts by this column (or reverses the order if it is the current one)
    aria_sort: str  # "ascending", "descending" or "" when the table is not sorted by it
    numeric: bool


def sorted_rows(rows: list[CommuneRow], key: str, descending: bool) -> list[CommuneRow]:
    by_name = sorted(rows, key=SORTS["commune"][1])  # ties stay alphabetical
    return sorted(by_name, key=SORTS[key][1], reverse=descending)


def table_columns(base: str, measure: Measure, key: str, descending: bool) -> list[Column]:
    columns = []
    for column_key, (label, _value) in SORTS.items():
        current = column_key == key
        # A first click sorts names A→Z and numbers from the largest; a second reverses.
        wants_descending = (not descending) if current else column_key != "commune"
        columns.append(
            Column(
                key=column_key,
                label=str(label),
                url=query(base, measure.key, column_key, wants_descending) + "#tableau",
                aria_sort=("descending" if descending else "ascending") if current else "",
                numeric=column_key != "commune",
            )
        )
    return columns


def query(base: str, measure: str, sort: str, descending: bool) -> str:
    """The address of the map page with these choices, default values left out."""
    params = {}
    if measure != DEFAULT_MEASURE:
        params["mesure"] = measure
    if sort != DEFAULT_SORT:
        params["tri"] = sort
    if descending != (sort != DEFAULT_SORT):
        params["ordre"] = "decroissant" if descending else "croissant"
    return f"{base}?{urlencode(params)}" if params else base


def sort_of(params) -> tuple[str, bool]:
    key = params.get("tri", DEFAULT_SORT)
    if key not in SORTS:
        key = DEFAULT_SORT
    order = params.get("ordre")
    if order in ("croissant", "decroissant"):
        return key, order == "decroissant"
    return key, key != DEFAULT_SORT


@dataclass(frozen=True)
class Choice:
    label: str
    url: str
    current: bool


def map_page(data: TerritoryCommunes, params, base: str) -> dict:
    """Everything the map page shows, from its GET parameters (mesure, tri, ordre)."""
    measure = measure_of(params.get("mesure"))
    sort, descending = sort_of(params)
    rows = data.rows()
    svg, scale = territory_map(data, rows, measure)
    return {
        "measure": measure,
        "measures": [
            Choice(str(m.label), query(base, m.key, sort, descending), m.key == measure.key)
            for m in MEASURES.values()
        ],
        "map_svg": svg,
        "scale": scale,
        "rows": sorted_rows(rows, sort, descending),
        "columns": table_columns(base, measure, sort, descending),
        "sort_label": str(SORTS[sort][0]).lower(),
        "descending": descending,
        "territory_wide_count": len(data.geography.territory_wide_actions())
        if data.geography
        else 0,
    }
