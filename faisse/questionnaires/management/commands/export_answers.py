"""faisse export_answers ID --format csv|xlsx -o FILE: one row per response, streamed."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.questionnaires.exporting import write_csv, write_xlsx
from faisse.questionnaires.management.commands._common import questionnaire_or_error


class Command(BaseCommand):
    help = "Exporte les réponses d’un questionnaire (CSV ou Excel), une ligne par réponse."

    def add_arguments(self, parser):
        parser.add_argument("questionnaire", help="numéro du questionnaire")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("-o", "--output", type=Path, required=True, help="fichier à écrire")

    def handle(self, *args, **options):
        questionnaire = questionnaire_or_error(options["questionnaire"])
        path = Path(options["output"])
        try:
            if options["format"] == "csv":
                with path.open("w", encoding="utf-8", newline="") as stream:
                    count = write_csv(questionnaire, stream)
            else:
                with path.open("wb") as stream:
                    count = write_xlsx(questionnaire, stream)
        except OSError as error:
            raise CommandError(
                _("%(path)s : écriture impossible (%(error)s).")
                % {"path": path, "error": error.strerror}
            ) from error
        self.stderr.write(
            _("%(count)s réponse(s) écrite(s) dans %(path)s.") % {"count": count, "path": path}
        )
