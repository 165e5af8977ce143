"""faisse report --territory SLUG --year 2025 --format pdf|docx -o FILE [--drafts] [--plan ID]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from faisse.plans.management.commands.export_plan import plan_of, write_whole
from faisse.plans.models import Plan
from faisse.reports.yearly import FORMATS, build_report, render
from faisse.reports.yearly.years import report_years
from faisse.territories.models import Territory


class Command(BaseCommand):
    help = "Écrit le bilan annuel du projet de territoire en PDF ou DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True, help="identifiant du territoire")
        parser.add_argument("--year", required=True, help="année du bilan (ex. 2025)")
        parser.add_argument("--format", required=True, help="pdf ou docx", dest="report_format")
        parser.add_argument("-o", "--output", required=True, type=Path, help="fichier à écrire")
        parser.add_argument(
            "--plan", type=int, help="numéro du projet (à défaut : le projet en vigueur)"
        )
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="document de travail : éléments non publiés, notes internes, indicateurs "
            "non publiés",
        )

    def handle(self, *args, **options):
        key = options["report_format"].lower().lstrip(".")
        if key not in FORMATS:
            raise CommandError(
                _("format inconnu : « %(format)s » (formats : %(known)s).")
                % {"format": options["report_format"], "known": ", ".join(FORMATS)}
            )
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            known = ", ".join(Territory.objects.values_list("slug", flat=True)) or _("aucun")
            raise CommandError(
                _("territoire inconnu : « %(slug)s » (territoires : %(known)s).")
                % {"slug": options["territory"], "known": known}
            )
        plan = plan_of(territory, options["plan"])
        year = self._year(plan, options["year"])
        output: Path = options["output"]
        if output.is_dir():
            raise CommandError(_("%s est un dossier : indiquez un fichier à écrire.") % output)
        if not output.parent.is_dir():
            raise CommandError(
                _("impossible d'écrire %(path)s : %(reason)s.")
                % {"path": output, "reason": _("le dossier n'existe pas")}
            )
        data = render(build_report(plan, year, drafts=options["drafts"]), key)
        write_whole(output, data)
        self.stdout.write(
            _("Bilan %(year)s de « %(title)s » écrit en %(format)s dans %(path)s (%(size)s ko).")
            % {
                "year": year,
                "title": plan.title,
                "format": FORMATS[key].label,
                "path": output,
                "size": max(1, round(len(data) / 1024)),
            }
        )

    def _year(self, plan: Plan, given: str) -> int:
        years = report_years(plan, timezone.localdate())
        span = _("de %(first)s à %(last)s") % {"first": years[0], "last": years[-1]}
        try:
            year = int(given.strip())
        except ValueError:
            raise CommandError(
                _("année illisible : « %(year)s » (années possibles : %(span)s).")
                % {"year": given, "span": span}
            ) from None
        if year not in years:
            raise CommandError(
                _("année hors de la période du bilan : %(year)s (années possibles : %(span)s).")
                % {"year": year, "span": span}
            )
        return year
