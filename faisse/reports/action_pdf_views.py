"""The one-page PDF of an action sheet (/<slug>/gestion/elements/<id>/fiche.pdf), for the
members who read drafts: it names the pilots and élus and gives the budget."""

from django.http import HttpResponse

from faisse.accounts.decorators import ability_required
from faisse.plans.tree import action_or_404
from faisse.reports.action_pdf import action_sheet_pdf, file_name


@ability_required("view_drafts", of=action_or_404)
def action_pdf(request, territory, node):
    response = HttpResponse(action_sheet_pdf(node, drafts=True), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(node)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"  # names and budgets: no shared cache
    return response
