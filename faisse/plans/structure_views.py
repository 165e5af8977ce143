"""The structure of the plan for editors: folded levels with a filter, moves that keep
the keyboard's place and say what happened, new nodes, and the page that moves a node
under another (a tree of the places that may take it)."""

from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required, editor_required
from faisse.core.posted import posted_id
from faisse.plans.editing import EditError
from faisse.plans.models import Plan, PlanNode
from faisse.plans.structure import CHILD_KINDS, add_node, move_among_siblings, move_under
from faisse.plans.structure_page import STATES, move_places, structure_rows
from faisse.plans.tree import PlanTree, node_or_404

MOVES = {"up": -1, "down": 1}
FOCUS = ("up", "down", "move")  # the control the keyboard returns to after a move


@editor_required
def plan_structure(request, territory):
    plan = Plan.objects.of_territory(territory).current()
    query = " ".join(request.GET.get("q", "").split())[:100]
    state = request.GET.get("etat", "")
    state = state if state in STATES else ""
    reveal = posted_id(request.GET.get("ouvert"))
    rows, found = [], 0
    if plan is not None:
        rows, found = structure_rows(
            PlanTree.load(plan, drafts=True),
            query=query,
            state=state,
            open_all=request.GET.get("deplier") == "1",
            reveal=reveal,
        )
    context = {
        "territory": territory,
        "plan": plan,
        "rows": rows,
        "query": query,
        "state": state,
        "filtering": bool(query or state),
        "found": found,
        "reveal": reveal,
        "focus": request.GET.get("focus") if request.GET.get("focus") in FOCUS else "",
        "root_kinds": [PlanNode.Kind(k) for k in CHILD_KINDS[None]],
    }
    return render(request, "plans/structure.html", context)


@require_POST
@editor_required
def node_add(request, territory, pk=None):
    plan = Plan.objects.of_territory(territory).current()
    parent = node_or_404(territory, pk) if pk else None
    if parent is not None:
        plan = parent.plan
    if plan is None:
        messages.error(request, _("Le territoire n’a pas encore de projet."))
        return redirect("plans:structure", slug=territory.slug)
    try:
        node = add_node(plan, parent, request.POST.get("kind", ""), request.POST.get("title", ""))
    except EditError as error:
        messages.error(request, str(error))
        return redirect("plans:structure", slug=territory.slug)
    messages.success(request, _("« %s » ajouté, en brouillon.") % node.title)
    return redirect("plans:node_edit", slug=territory.slug, pk=node.pk)


@ability_required("edit_plan", of=node_or_404)
def node_move(request, territory, node):
    """GET: the places the node may go; POST: up or down among its siblings, or under
    the parent chosen (`parent`, empty for the root)."""
    if request.method == "POST" and request.POST.get("direction") in MOVES:
        return _move_among_siblings(request, territory, node, request.POST["direction"])
    if request.method == "POST":
        return _move_under(request, territory, node)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    tree = PlanTree.load(node.plan, drafts=True)
    query = " ".join(request.GET.get("q", "").split())[:100]
    with_actions = request.GET.get("sous_action") == "1"
    context = {
        "territory": territory,
        "node": node,
        "query": query,
        "with_actions": with_actions,
        "places": move_places(tree, node, with_actions=with_actions, query=query),
        "may_be_root": node.kind in CHILD_KINDS[None],
        "ancestors": tree.ancestors(node),
    }
    return render(request, "plans/move.html", context)


def _move_among_siblings(request, territory, node: PlanNode, direction: str):
    moved = move_among_siblings(node, MOVES[direction])
    label = node.working_label
    if not moved:
        message = (
            _("« %s » est déjà le premier à son niveau.")
            if direction == "up"
            else _("« %s » est déjà le dernier à son niveau.")
        )
        messages.info(request, message % label)
    elif direction == "up":
        messages.success(request, _("« %s » est monté d’un rang.") % label)
    else:
        messages.success(request, _("« %s » est descendu d’un rang.") % label)
    return _back_to(territory, node, focus=direction)


def _move_under(request, territory, node: PlanNode):
    value = request.POST.get("parent")
    try:
        if value is None:
            raise EditError(_("Choisissez le nouvel emplacement dans la liste."))
        parent = None
        if value:
            if posted_id(value) is None:
                raise EditError(_("Choisissez le nouvel emplacement dans la liste."))
            parent = node_or_404(territory, posted_id(value))
        move_under(node, parent, request.user)
    except EditError as error:
        messages.error(request, str(error))
        return redirect("plans:node_move", slug=territory.slug, pk=node.pk)
    where = parent.working_label if parent else _("la racine du projet")
    messages.success(
        request,
        _("« %(node)s » est désormais sous « %(parent)s ».")
        % {"node": node.working_label, "parent": where},
    )
    return _back_to(territory, node, focus="move")


def _back_to(territory, node: PlanNode, focus: str):
    """The structure page, opened down to the node, the keyboard on the control used.
    No #fragment: browsers skip `autofocus` on a page opened at a fragment."""
    url = reverse("plans:structure", args=[territory.slug])
    return redirect(f"{url}?{urlencode({'ouvert': node.pk, 'focus': focus})}")
