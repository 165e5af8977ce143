"""faisse import_questionnaire FILE.json --territory SLUG (format: docs/questionnaires.md)"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.questionnaires.importing import QuestionnaireImportError, import_questionnaire
from faisse.territories.models import Territory


class Command(BaseCommand):
    help = "Crée un questionnaire (en brouillon) depuis un fichier JSON ; affiche son numéro."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="fichier .json")
        parser.add_argument("--territory", required=True, help="identifiant du territoire")

    def handle(self, *args, **options):
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            raise CommandError(
                _("territoire inconnu : « %(slug)s ».") % {"slug": options["territory"]}
            )
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(
                _("%(path)s : fichier illisible (%(error)s).")
                % {"path": path, "error": error.strerror}
            ) from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            where = (
                f" (ligne {error.lineno}, colonne {error.colno})"
                if hasattr(error, "lineno")
                else ""
            )
            raise CommandError(
                _("%(path)s : JSON invalide%(where)s.") % {"path": path, "where": where}
            ) from error
        try:
            questionnaire = import_questionnaire(data, territory)
        except QuestionnaireImportError as error:
            raise CommandError(f"{path} : {error}") from error
        self.stdout.write(str(questionnaire.pk))
