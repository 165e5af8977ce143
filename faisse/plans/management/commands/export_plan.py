"""faisse export_plan --territory SLUG [--plan ID] --format docx|odt|pdf|md|json -o FILE"""

import contextlib
import errno
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from faisse.plans.exporting import FORMATS, WORKING_FORMATS, export_plan
from faisse.plans.models import Plan
from faisse.territories.models import Territory


class Command(BaseCommand):
    help = (
        "Écrit le projet de territoire en DOCX, ODT, PDF, Markdown ou JSON, ou ses fiches "
        "action en tableur : modèle Territoires en Transitions (tet-xlsx), XLSX ou CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--territory", required=True, help="identifiant du territoire")
        parser.add_argument(
            "--plan", type=int, help="numéro du projet (à défaut : le projet en vigueur)"
        )
        parser.add_argument(
            "--format",
            required=True,
            help="docx, odt, pdf, md, json, tet-xlsx, xlsx ou csv",
            dest="export_format",
        )
        parser.add_argument("-o", "--output", required=True, type=Path, help="fichier à écrire")
        parser.add_argument(
            "--drafts",
            action="store_true",
            help="inclure les éléments non publiés (document de travail)",
        )

    def handle(self, *args, **options):
        key = options["export_format"].lower().lstrip(".")
        known = {**FORMATS, **WORKING_FORMATS}
        if key not in known:
            raise CommandError(
                _("format inconnu : « %(format)s » (formats : %(known)s).")
                % {"format": options["export_format"], "known": ", ".join(known)}
            )
        territory = Territory.objects.filter(slug=options["territory"]).first()
        if territory is None:
            known = ", ".join(Territory.objects.values_list("slug", flat=True)) or _("aucun")
            raise CommandError(
                _("territoire inconnu : « %(slug)s » (territoires : %(known)s).")
                % {"slug": options["territory"], "known": known}
            )
        plan = plan_of(territory, options["plan"])
        output: Path = options["output"]
        if output.is_dir():
            raise CommandError(_("%s est un dossier : indiquez un fichier à écrire.") % output)
        data = export_plan(plan, key, drafts=options["drafts"])
        write_whole(output, data)
        self.stdout.write(
            _("Projet « %(title)s » écrit en %(format)s dans %(path)s (%(size)s ko).")
            % {
                "title": plan.title,
                "format": known[key].label,
                "path": output,
                "size": max(1, round(len(data) / 1024)),
            }
        )


def plan_of(territory: Territory, pk: int | None) -> Plan:
    """The plan `pk` of the territory, else its current plan; a CommandError in French
    naming the known plans when there is none (also used by `faisse report`)."""
    plans = Plan.objects.of_territory(territory)
    plan = plans.filter(pk=pk).first() if pk is not None else plans.current()
    if plan is None:
        if pk is None:
            raise CommandError(
                _("%(territory)s n'a encore aucun projet de territoire.")
                % {"territory": territory.name}
            )
        known = ", ".join(f"{p.pk} ({p.title})" for p in plans.order_by("pk")) or _("aucun")
        raise CommandError(
            _("projet inconnu pour %(territory)s : %(pk)s (projets : %(known)s).")
            % {"territory": territory.name, "pk": pk, "known": known}
        )
    plan.territory = territory  # no query to name the territory in the documents
    return plan


def write_whole(path: Path, data: bytes) -> None:
    """Write the file whole or not at all: a temporary file beside it, then renamed."""
    partial = path.with_name(f".{path.name}.partiel")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reasons = {
            errno.ENOENT: _("le dossier n'existe pas"),
            errno.EACCES: _("permission refusée"),
            errno.EPERM: _("permission refusée"),
            errno.EROFS: _("système de fichiers en lecture seule"),
            errno.ENOSPC: _("plus de place sur le disque"),
        }
        reason = reasons.get(error.errno, error.strerror or str(error))
        raise CommandError(
            _("impossible d'écrire %(path)s : %(reason)s.") % {"path": path, "reason": reason}
        ) from error
