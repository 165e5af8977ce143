"""faisse import_answers ID FILE.csv: answers from paper or another tool, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.questionnaires.answer_import import AnswersImportError, import_answers
from faisse.questionnaires.management.commands._common import questionnaire_or_error


class Command(BaseCommand):
    help = (
        "Importe des réponses (format de l’export CSV) ; rien n’est écrit si une ligne est refusée."
    )

    def add_arguments(self, parser):
        parser.add_argument("questionnaire", help="numéro du questionnaire")
        parser.add_argument("file", type=Path, help="fichier .csv")

    def handle(self, *args, **options):
        questionnaire = questionnaire_or_error(options["questionnaire"])
        path = Path(options["file"])
        try:
            count = import_answers(questionnaire, path)
        except OSError as error:
            raise CommandError(
                _("%(path)s : fichier illisible (%(error)s).")
                % {"path": path, "error": error.strerror}
            ) from error
        except UnicodeDecodeError as error:
            raise CommandError(
                _("%(path)s : le fichier doit être en UTF-8.") % {"path": path}
            ) from error
        except AnswersImportError as error:
            raise CommandError(
                _("%(path)s : rien n’a été importé.\n%(errors)s")
                % {"path": path, "errors": "\n".join(error.errors)}
            ) from error
        self.stdout.write(_("%(count)s réponse(s) importée(s).") % {"count": count})
