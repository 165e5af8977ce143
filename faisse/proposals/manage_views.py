"""The editors' review of proposals (/<slug>/gestion/propositions/), for those who may
edit the plan: the list with its filters and the steps open to proposals, a proposal's
page, and the three decisions, each asked first (faisse.core.confirmation)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import editor_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.french import collation_key
from faisse.participation.models import ProcessStep
from faisse.plans.tree import PlanTree
from faisse.proposals.forms import AcceptForm, DeclineForm, FilterForm, MergeForm
from faisse.proposals.models import Proposal
from faisse.proposals.review import (
    ReviewError,
    accept,
    decline,
    merge_candidates,
    merge_into,
    set_call,
)
from faisse.proposals.submission import current_plan

PER_PAGE = 50


@editor_required
def proposal_list(request, territory):
    steps = list(
        ProcessStep.objects.filter(territory=territory)
        .select_related("proposal_call", "process")
        .annotate(proposal_count=Count("proposals"))
        .order_by("process_id", "position", "id")
    )
    communes = sorted(territory.communes.all(), key=lambda c: collation_key(c.name))
    filters = FilterForm(request.GET or None, steps=steps, communes=communes)
    proposals = Proposal.objects.of_territory(territory)
    by_state = dict(
        proposals.values_list("state").annotate(n=Count("id")).values_list("state", "n")
    )
    if filters.is_valid():
        chosen = filters.cleaned_data
        if chosen["state"]:
            proposals = proposals.filter(state=chosen["state"])
        if chosen["step"]:
            proposals = proposals.filter(step_id=chosen["step"])
        if chosen["commune"]:
            proposals = proposals.filter(communes=chosen["commune"])
    page = Paginator(proposals.for_list(), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "proposals/manage_list.html",
        {
            "territory": territory,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "states": [
                (state, label, by_state.get(state, 0)) for state, label in Proposal.State.choices
            ],
            "processes": _by_process(steps),
            "nav_current": "manage",
        },
    )


def _by_process(steps) -> list[tuple]:
    """(process, its steps), the latest process first."""
    grouped: dict = {}
    for step in steps:
        grouped.setdefault(step.process, []).append(step)
    return sorted(grouped.items(), key=lambda item: -(item[0].pk if item[0] else 0))


@require_POST
@editor_required
def step_call(request, territory, pk):
    step = get_object_or_404(ProcessStep, pk=pk, territory=territory)
    is_open = request.POST.get("open") == "1"
    set_call(step, request.user, is_open)
    if is_open:
        text = _("« %(step)s » est ouverte aux propositions : les élu·e·s peuvent proposer.")
    else:
        text = _("« %(step)s » est close : elle ne reçoit plus de propositions.")
    messages.success(request, text % {"step": step.title})
    return redirect(reverse("proposals_manage:list", args=[territory.slug]) + "#etapes")


def _proposal(territory, pk) -> Proposal:
    return get_object_or_404(Proposal.objects.for_list(), pk=pk, territory=territory)


def _tree(territory, proposal) -> PlanTree | None:
    plan = proposal.objective.plan if proposal.objective else current_plan(territory)
    return PlanTree.load(plan, drafts=True) if plan is not None else None


def _review_page(request, territory, proposal, tree, **forms):
    candidates = []
    if tree is not None and not proposal.is_decided:
        candidates = merge_candidates(proposal, tree)
        forms.setdefault(
            "accept_form",
            AcceptForm(
                initial={"parent": proposal.objective_id, "title": proposal.title}, tree=tree
            ),
        )
        initial = {"action": candidates[0][0].pk} if candidates else {}
        forms.setdefault("merge_form", MergeForm(initial=initial, tree=tree, candidates=candidates))
    forms.setdefault("decline_form", DeclineForm())
    return render(
        request,
        "proposals/manage_review.html",
        {
            "territory": territory,
            "proposal": proposal,
            "events": list(proposal.events.select_related("by")),
            "candidates": [
                (node, score, node.url_for(territory.slug)) for node, score in candidates
            ],
            "action_url": proposal.action.url_for(territory.slug) if proposal.action else None,
            "nav_current": "manage",
            **forms,
        },
    )


@editor_required
def proposal_review(request, territory, pk):
    proposal = _proposal(territory, pk)
    return _review_page(request, territory, proposal, _tree(territory, proposal))


def _decide(request, territory, proposal, decide, success: str):
    try:
        decide()
    except ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("proposals_manage:review", slug=territory.slug, pk=proposal.pk)


def _confirmation(request, territory, proposal, title, question, button, fields, details=()):
    return Confirmation(
        title=title,
        question=question,
        details=[_("Proposition : « %(title)s »") % {"title": proposal.title}, *details],
        button=button,
        action=request.path,
        cancel=reverse("proposals_manage:review", args=[territory.slug, proposal.pk]),
        fields=fields,
    )


@require_POST
@editor_required
def accept_proposal(request, territory, pk):
    proposal = _proposal(territory, pk)
    tree = _tree(territory, proposal)
    if tree is None:
        messages.error(request, _("Ce territoire n’a pas encore de projet."))
        return redirect("proposals_manage:review", slug=territory.slug, pk=proposal.pk)
    form = AcceptForm(request.POST, tree=tree)
    if not form.is_valid():
        return _review_page(request, territory, proposal, tree, accept_form=form)
    parent, title = form.cleaned_data["parent"], form.cleaned_data["title"]
    if not confirmed(request):
        question = _(
            "Une action en brouillon sera créée sous « %(parent)s », avec la description de "
            "la proposition et ses communes. Elle restera interne jusqu’à ce qu’un·e "
            "éditeur·rice la publie ; l’auteur·rice verra que sa proposition est retenue."
        ) % {"parent": parent.working_label}
        return ask(
            request,
            _confirmation(
                request,
                territory,
                proposal,
                _("Retenir cette proposition ?"),
                question,
                _("Retenir et créer l’action"),
                [("parent", str(parent.pk)), ("title", title)],
                [_("Action : « %(title)s »") % {"title": title}],
            ),
            territory,
        )
    return _decide(
        request,
        territory,
        proposal,
        lambda: accept(proposal, request.user, parent, title),
        _("Proposition retenue : l’action « %(title)s » est créée en brouillon.")
        % {"title": title},
    )


@require_POST
@editor_required
def merge_proposal(request, territory, pk):
    proposal = _proposal(territory, pk)
    tree = _tree(territory, proposal)
    if tree is None:
        messages.error(request, _("Ce territoire n’a pas encore de projet."))
        return redirect("proposals_manage:review", slug=territory.slug, pk=proposal.pk)
    form = MergeForm(request.POST, tree=tree, candidates=[])
    if not form.is_valid():
        return _review_page(request, territory, proposal, tree, merge_form=form)
    action = form.cleaned_data["action"]
    if not confirmed(request):
        question = _(
            "La proposition sera ajoutée aux notes internes de « %(action)s » (pas à sa "
            "description publique) ; aucune action n’est créée. L’auteur·rice verra que sa "
            "proposition est intégrée à cette action."
        ) % {"action": action.working_label}
        return ask(
            request,
            _confirmation(
                request,
                territory,
                proposal,
                _("Intégrer cette proposition à une action existante ?"),
                question,
                _("Intégrer à l’action"),
                [("action", str(action.pk))],
            ),
            territory,
        )
    return _decide(
        request,
        territory,
        proposal,
        lambda: merge_into(proposal, request.user, action),
        _("Proposition intégrée à l’action « %(title)s ».") % {"title": action.working_label},
    )


@require_POST
@editor_required
def decline_proposal(request, territory, pk):
    proposal = _proposal(territory, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _review_page(
            request, territory, proposal, _tree(territory, proposal), decline_form=form
        )
    reason = form.cleaned_data["reason"]
    if not confirmed(request):
        return ask(
            request,
            _confirmation(
                request,
                territory,
                proposal,
                _("Ne pas retenir cette proposition ?"),
                _("L’auteur·rice lira ce motif dans « Mes propositions » :"),
                _("Ne pas retenir"),
                [("reason", reason)],
                [_("Motif : %(reason)s") % {"reason": reason}],
            ),
            territory,
        )
    return _decide(
        request,
        territory,
        proposal,
        lambda: decline(proposal, request.user, reason),
        _("Proposition non retenue ; son auteur·rice lira le motif."),
    )
