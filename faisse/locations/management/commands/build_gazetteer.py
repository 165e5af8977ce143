"""faisse build_gazetteer: regenerate the list of French communes used to spot places."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.locations.gazetteer import (
    GAZETTEER_FILE,
    MIN_POPULATION,
    build_gazetteer,
    write_gazetteer,
)
from faisse.territories.validation import TerritoryDataError


class Command(BaseCommand):
    help = _("Régénère la liste des communes de France servant à repérer les lieux cités.")

    def add_arguments(self, parser):
        parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
        parser.add_argument("--output", type=Path, default=GAZETTEER_FILE)

    def handle(self, *args, min_population: int, output: Path, **options):
        try:
            data = build_gazetteer(min_population)
        except TerritoryDataError as error:
            raise CommandError(str(error)) from error
        write_gazetteer(data, output)
        self.stdout.write(
            _("%(count)s communes écrites dans %(path)s.")
            % {"count": len(data["communes"]), "path": output}
        )
