"""Editor pages of the history: the territory's activity log, one element's versions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from faisse.accounts.decorators import ability_required, editor_required
from faisse.core.posted import posted_id
from faisse.history.changes import RestoreError, activity_log, node_history, restore
from faisse.plans.tree import node_or_404


@require_safe
@editor_required
def activity(request, territory):
    history = activity_log(territory, request.GET.get("page"))
    context = {"territory": territory, "history": history}
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
    history_id = posted_id(request.POST.get("history_id"))
    try:
        if history_id is None:
            raise RestoreError(_("Choisissez la version à restaurer."))
        restore(
            node,
            history_id,
            request.user,
            expected_version=posted_id(request.POST.get("version")),
        )
    except RestoreError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("La version choisie a été restaurée."))
    return redirect("history:node", slug=territory.slug, pk=node.pk)
