"""faisse import_plan FILE --territory SLUG [--dry-run] [--json]"""

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.plans.importer import PlanImportError, parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Territory


def summary(counts, level_names: dict | None = None) -> str:
    """ "3 axes, 8 orientations, …", in the plan's own level names when it has them."""
    kinds = PlanNode.Kind.values
    plan = Plan(level_names=level_names or {})
    return ", ".join(f"{n} {name}" for n, name in plan.counted(counts, kinds, keep=kinds))


class Command(BaseCommand):
    help = (
        "Importe un projet de territoire depuis un document : texte, Markdown, DOCX, ODT, "
        "PDF (avec texte) ou tableur XLSX/ODS (une ligne par élément)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="fichier .txt, .md, .docx, .odt, .pdf, .xlsx ou .ods"
        )
        parser.add_argument("--territory", required=True, help="identifiant du territoire")
        parser.add_argument("--dry-run", action="store_true", help="analyser sans rien écrire")
        parser.add_argument("--json", action="store_true", help="écrire le plan lu en JSON")
        parser.add_argument("--title", default="", help="titre (à défaut : celui du document)")
        parser.add_argument(
            "--replace", action="store_true", help="remplacer le projet de même titre"
        )
        parser.add_argument("--period", default="", help="période, ex. 2018-2028")
        parser.add_argument("--adopted-on", default="", help="date d'adoption AAAA-MM-JJ")

    def handle(self, *args, **options):
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            known = ", ".join(Territory.objects.values_list("slug", flat=True)) or "aucun"
            raise CommandError(
                _("territoire inconnu : « %(slug)s » (territoires : %(known)s).")
                % {"slug": options["territory"], "known": known}
            )
        path: Path = options["file"]
        details = self._details(path, options)
        try:
            parsed = parse_path(path)
        except PlanImportError as error:
            raise CommandError(f"{path} : {error}") from error
        if options["json"]:
            self.stdout.write(json.dumps(parsed.as_dict(), ensure_ascii=False, indent=2))
        for warning in parsed.warnings:
            self.stderr.write(f"{path}, {warning}")
        counts = parsed.counts()
        if options["dry_run"]:
            self.stderr.write(
                _("Analyse sans écriture : %s.") % summary(counts, parsed.level_names)
            )
            return
        try:
            plan = save_plan(parsed, territory, details, replace=options["replace"])
        except PlanImportError as error:
            raise CommandError(f"{path} : {error}") from error
        message = _("Projet « %(title)s » importé pour %(territory)s : %(summary)s.") % {
            "title": plan.title,
            "territory": territory.name,
            "summary": summary(counts, parsed.level_names),
        }
        (self.stderr if options["json"] else self.stdout).write(message)

    def _details(self, path: Path, options) -> PlanDetails:
        details = PlanDetails(title=options["title"], source_name=path.name)
        if options["period"]:
            try:
                start, _sep, end = options["period"].partition("-")
                details.period_start, details.period_end = int(start), int(end or start)
            except ValueError as error:
                raise CommandError(
                    _("période illisible : « %s » (attendu : 2018-2028).") % options["period"]
                ) from error
        if options["adopted_on"]:
            try:
                details.adopted_on = date.fromisoformat(options["adopted_on"])
            except ValueError as error:
                raise CommandError(
                    _("date illisible : « %s » (attendu : AAAA-MM-JJ).") % options["adopted_on"]
                ) from error
            details.status = Plan.Status.ADOPTED
        return details
