"""The plan as a file to download: /<territoire>/plan/telecharger/<format>/ (docs/export.md).

Everyone gets what the plan page shows the public: published nodes only. A member who
sees the unpublished nodes (the "view_drafts" ability) gets them too when asking for
them (?brouillons=1, the second row of links on the plan page): a working document is
never handed out by surprise. An unknown format, or a territory without a plan: 404.
"""

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.abilities import can
from faisse.plans.exporting import FORMATS, export_plan, file_name
from faisse.plans.models import Plan
from faisse.territories.models import Territory

DRAFTS_PARAMETER = "brouillons"
# What each file is for, after its format's name in the links.
PURPOSES = {
    "pdf": gettext_lazy("à lire et imprimer, avec la carte"),
    "docx": gettext_lazy("Word, modifiable"),
    "odt": gettext_lazy("LibreOffice, modifiable"),
    "md": gettext_lazy("texte structuré"),
    "json": gettext_lazy("données, forme de l’API"),
}
ORDER = ("pdf", "docx", "odt", "md", "json")


@dataclass(frozen=True)
class Download:
    label: str  # "PDF"
    purpose: str
    url: str
    extension: str


def download_links(slug: str, *, drafts: bool = False) -> list[Download]:
    """The links of the plan page, in the order people most want them (no query)."""
    query = f"?{DRAFTS_PARAMETER}=1" if drafts else ""
    return [
        Download(
            FORMATS[key].label,
            str(PURPOSES[key]),
            reverse("portal:plan_download", args=[slug, key]) + query,
            FORMATS[key].extension,
        )
        for key in ORDER
    ]


def plan_download(request, slug, export_format):
    territory = get_object_or_404(Territory, slug=slug)
    export = FORMATS.get(export_format)
    if export is None:
        raise Http404(_("Format inconnu : %s.") % export_format)
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        raise Http404(_("Ce territoire n’a pas encore de projet de territoire."))
    plan.territory = territory  # named in the documents without another query
    drafts = request.GET.get(DRAFTS_PARAMETER) == "1" and can(
        request.user, "view_drafts", territory
    )
    response = HttpResponse(
        export_plan(plan, export.key, drafts=drafts), content_type=export.content_type
    )
    name = file_name(plan, export.key, drafts=drafts)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    if drafts:  # a working document stays in the member's browser, never in a shared cache
        response["Cache-Control"] = "private, no-store"
    return response
