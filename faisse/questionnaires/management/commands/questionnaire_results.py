"""faisse questionnaire_results ID [--json] [--recount]: the results, as the API gives them
(--json) or as a short text summary per question; --recount rebuilds the tallies first."""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from faisse.questionnaires.management.commands._common import questionnaire_or_error
from faisse.questionnaires.results import as_data, compute_results
from faisse.questionnaires.tallies import recount


def summary(data: dict) -> list[str]:
    lines = [
        _("%(title)s : %(count)s réponse(s)")
        % {"title": data["title"], "count": data["respondents"]}
    ]
    for question in data["questions"]:
        lines.append(
            f"\n[{question['key']}] {question['label']} ({question['answers']} "
            + _("réponse(s)")
            + ")"
        )
        if "ranking" in question:
            for place, label in enumerate(question["ranking"], 1):
                lines.append(f"  {place}. {label} — {question['scores'][label]}")
        elif "rows" in question:
            for row, cells in question["rows"].items():
                shown = ", ".join(f"{column} {count}" for column, count in cells.items())
                lines.append(f"  {row} : {shown}")
        elif "counts" in question:
            lines.extend(f"  {label} : {count}" for label, count in question["counts"].items())
            if question.get("mean") is not None:
                lines.append("  " + _("moyenne : %(mean)s") % {"mean": question["mean"]})
        elif "words" in question:
            shown = ", ".join(f"{word} ({count})" for word, count in question["words"].items())
            lines.append("  " + _("mots fréquents : %(words)s") % {"words": shown or "—"})
    return lines


class Command(BaseCommand):
    help = "Affiche les résultats d’un questionnaire (--json : comme l’API)."

    def add_arguments(self, parser):
        parser.add_argument("questionnaire", help="numéro du questionnaire")
        parser.add_argument("--json", action="store_true", help="la forme de l’API, en JSON")
        parser.add_argument(
            "--recount",
            action="store_true",
            help="reconstruire d’abord les totaux à partir des réponses",
        )

    def handle(self, *args, **options):
        questionnaire = questionnaire_or_error(options["questionnaire"])
        if options["recount"]:
            recount(questionnaire)
        data = as_data(compute_results(questionnaire))
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary(data)))
