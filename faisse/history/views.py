"""Editor pages of the history: the territory's activity log, one element's versions, and
restoring a version (shown first, done on confirmation)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from faisse.accounts.decorators import ability_required, editor_required
from faisse.core.confirmation import Confirmation, confirmed
from faisse.core.posted import posted_id
from faisse.history.changes import (
    RestoreError,
    activity_log,
    node_history,
    restore,
    restore_preview,
)
from faisse.history.filters import ActivityFilters, people_of
from faisse.plans.tree import node_or_404


@require_safe
@editor_required
def activity(request, territory):
    filters = ActivityFilters(request.GET, territory=territory, people=people_of(territory))
    context = {"territory": territory, "filters": filters, "query": filters.query()}
    if not filters.is_valid():  # said on the page; no list that would ignore the filters
        return render(request, "history/activity.html", context, status=400)
    context["history"] = activity_log(territory, request.GET.get("page"), filters=filters)
    return render(request, "history/activity.html", context)


@require_safe
@ability_required("edit_plan", of=node_or_404)
def node_history_page(request, territory, node):
    history = node_history(node, request.GET.get("page"))
    context = {"territory": territory, "node": node, "history": history}
    return render(request, "history/node_history.html", context)


@require_POST
@ability_required("edit_plan", of=node_or_404)
def node_restore(request, territory, node):
    """The first POST shows what the restore would change; the second one, carrying
    `confirm`, restores (core.confirmation's pattern, with a preview of its own)."""
    history_id = posted_id(request.POST.get("history_id"))
    version = posted_id(request.POST.get("version"))
    back = reverse("history:node", args=[territory.slug, node.pk])
    try:
        if history_id is None:
            raise RestoreError(_("Choisissez la version à restaurer."))
        if not confirmed(request):
            preview = restore_preview(node, history_id, expected_version=version)
            return _ask(request, territory, preview, back)
        restore(node, history_id, request.user, expected_version=version)
    except RestoreError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("La version choisie a été restaurée."))
    return redirect(back)


def _ask(request, territory, preview, back: str):
    node = preview.node
    confirmation = Confirmation(
        title=_("Restaurer la version du %(date)s ?") % {"date": preview.version_label},
        question=preview.notice,
        button=_("Confirmer la restauration"),
        action=reverse("history:restore", args=[territory.slug, node.pk]),
        cancel=back,
        fields=[("history_id", preview.record.history_id), ("version", node.version)],
    )
    context = {"territory": territory, "node": node, "preview": preview, "confirm": confirmation}
    return render(request, "history/restore_confirm.html", context)
