"""Editor pages of the plan: cross-cutting actions (pairs of similar actions to merge or
dismiss), for those who may edit the plan (`edit_plan`).

The list of candidate pairs runs a constant number of queries: the plan is loaded whole by
PlanTree and the ranking is computed in memory.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import editor_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id
from faisse.plans.merging import PairError, dismiss, merge
from faisse.plans.models import Plan, PlanNode
from faisse.plans.similarity import similar_pairs
from faisse.plans.tree import PlanTree

RECENT_DECISIONS = 50


@editor_required
def similar_actions(request, territory):
    plan = Plan.objects.of_territory(territory).current()
    rows, decisions = [], []
    if plan is not None:
        for pair in similar_pairs(plan, tree=PlanTree.load(plan, drafts=True)):
            actions = [
                {"node": node, "place": place, "url": node.url_for(territory.slug)}
                for node, place in (
                    (pair.first, pair.first_place),
                    (pair.second, pair.second_place),
                )
            ]
            rows.append({"pair": pair, "actions": actions})
        decisions = list(plan.similar_pairs.order_by("-decided_at", "-id")[:RECENT_DECISIONS])
    return render(
        request,
        "plans/similar_actions.html",
        {"territory": territory, "plan": plan, "rows": rows, "decisions": decisions},
    )


def _posted_pair(request, territory) -> tuple[PlanNode, PlanNode] | None:
    ids = [posted_id(request.POST.get("first")), posted_id(request.POST.get("second"))]
    if None in ids:
        return None
    nodes = {
        node.pk: node
        for node in PlanNode.objects.select_related("plan").filter(pk__in=ids, territory=territory)
    }
    if len(nodes) != len(set(ids)):
        return None
    return nodes[ids[0]], nodes[ids[1]]


def _decide(request, territory, decide, success: str, confirmation=None):
    pair = _posted_pair(request, territory)
    if pair is None:
        messages.error(
            request, _("Ces actions n’existent plus dans ce territoire : la liste est à jour.")
        )
    elif confirmation is not None and not confirmed(request):
        return ask(request, confirmation(*pair), territory)
    else:
        try:
            decide(*pair)
        except PairError as error:
            messages.error(request, str(error))
        else:
            first, second = pair
            messages.success(request, success % {"first": first.title, "second": second.title})
    return redirect("plans:similar_actions", slug=territory.slug)


@require_POST
@editor_required
def merge_pair(request, territory):
    return _decide(
        request,
        territory,
        lambda first, second: merge(first, second, editor=request.user),
        _(
            "Actions fusionnées : « %(first)s » et « %(second)s » ne font plus qu’une, "
            "affichée aux deux endroits du projet."
        ),
        confirmation=lambda first, second: Confirmation(
            title=_("Fusionner ces deux actions ?"),
            question=_(
                "La première, dans l’ordre du projet, est gardée et affichée aussi à la place "
                "de la seconde ; la seconde est supprimée après lui avoir transmis ses "
                "communes, sous-actions, pilotes et textes. L’historique garde les deux."
            ),
            details=[first.label, second.label],
            button=_("Fusionner"),
            action=request.path,
            cancel=reverse("plans:similar_actions", args=[territory.slug]),
            fields=[("first", str(first.pk)), ("second", str(second.pk))],
        ),
    )


@require_POST
@editor_required
def dismiss_pair(request, territory):
    return _decide(
        request,
        territory,
        dismiss,
        _("Paire écartée : « %(first)s » et « %(second)s » ne seront plus proposées."),
    )
