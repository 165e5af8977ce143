"""The editors' page of the action sheets as spreadsheets: the Territoires en Transitions
template (to import the plan into TeT), and the plain table in XLSX or CSV. They name
pilots and budgets: editors only, unpublished elements included."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.decorators import editor_required
from faisse.plans.exporting import WORKING_FORMATS, export_plan, file_name
from faisse.plans.models import Plan

PURPOSES = {
    "tet-xlsx": gettext_lazy(
        "le modèle d’import de Territoires en Transitions, rempli : axes, "
        "sous-axes, fiches et sous-actions avec tous leurs champs"
    ),
    "xlsx": gettext_lazy("une ligne par action, une colonne par champ, et les lignes budgétaires"),
    "csv": gettext_lazy("le même tableau pour tout tableur (séparateur « ; », virgule décimale)"),
}


def _plan(territory) -> Plan:
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        raise Http404(_("Ce territoire n’a pas encore de projet de territoire."))
    plan.territory = territory
    return plan


@editor_required
def spreadsheets(request, territory):
    plan = _plan(territory)
    formats = [(export, PURPOSES.get(export.key, "")) for export in WORKING_FORMATS.values()]
    return render(
        request,
        "actions/spreadsheets.html",
        {
            "territory": territory,
            "plan": plan,
            "formats": formats,
            "import_url": reverse("plans:import_upload", args=[territory.slug]),
        },
    )


@editor_required
def spreadsheet_download(request, territory, key):
    export = WORKING_FORMATS.get(key)
    if export is None:
        raise Http404(_("Format inconnu : %s.") % key)
    plan = _plan(territory)
    response = HttpResponse(export_plan(plan, key, drafts=True), content_type=export.content_type)
    name = file_name(plan, key, drafts=True).replace("-brouillon", "-fiches-action")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
