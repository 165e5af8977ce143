"""The élu's pages: "Proposer une action" and "Mes propositions" (/<slug>/propositions/…).

The form works without JavaScript: "Repérer les communes" sends the text and comes back
with the communes it names ticked; sending a text whose communes were not suggested yet
comes back once with them ticked, so that the author always confirms them.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.decorators import ability_required, member_required
from faisse.accounts.models import Membership
from faisse.core.french import collation_key
from faisse.plans.tree import PlanTree
from faisse.proposals.forms import ProposalForm
from faisse.proposals.models import Proposal
from faisse.proposals.submission import (
    current_plan,
    may_propose,
    open_steps,
    submit,
    suggest_communes,
    text_digest,
)

FORM_FIELDS = (*ProposalForm._meta.fields, "reviewed_text")


def proposer_required(view):
    """Élus, editors and administrators of the territory (submission.PROPOSER_ROLES);
    anonymous people go to the login page, other people get a 403."""

    @ability_required("comment")
    @wraps(view)
    def wrapper(request, territory, *args, **kwargs):
        if not may_propose(request.user, territory):
            raise PermissionDenied
        return view(request, territory, *args, **kwargs)

    return wrapper


def _posted_initial(post, digest: str, ticked: list[str]) -> dict:
    initial = {name: post.get(name, "") for name in FORM_FIELDS if name != "communes"}
    initial["communes"] = ticked
    initial["reviewed_text"] = digest
    return initial


def _commune_options(ticked: set[str], communes, suggested, own) -> tuple[list, list]:
    """The communes to tick: first those suggested, ticked or represented by the author,
    then all the others (folded away in the page)."""
    suggested_ids = {commune.pk for commune in suggested}
    first, others = [], []
    for commune in communes:
        option = {
            "commune": commune,
            "checked": str(commune.pk) in ticked,
            "suggested": commune.pk in suggested_ids,
        }
        near = option["checked"] or option["suggested"] or (own is not None and commune == own)
        (first if near else others).append(option)
    return first, others


@proposer_required
def propose(request, territory):
    steps = open_steps(territory)
    membership = (
        Membership.objects.filter(user=request.user, territory=territory)
        .select_related("commune")
        .first()
    )
    own = membership.commune if membership else None
    plan = current_plan(territory)
    tree = PlanTree.load(plan, drafts=True) if plan is not None else None
    communes = sorted(territory.communes.all(), key=lambda c: collation_key(c.name))
    options = {"territory": territory, "steps": steps, "tree": tree}
    suggested: list = []
    form = ProposalForm(**options)
    ticked: set[str] = set()
    if steps and request.method == "POST":
        post = request.POST
        digest = text_digest(post.get("title", ""), post.get("description", ""))
        text = f"{post.get('title', '')}\n{post.get('description', '')}"
        suggested = suggest_communes(territory, text, communes)
        ticked = set(post.getlist("communes"))
        form = ProposalForm(post, **options)
        if "suggest" in post:
            ticked |= {str(commune.pk) for commune in suggested}
            form = ProposalForm(initial=_posted_initial(post, digest, sorted(ticked)), **options)
            _tell_suggestions(request, suggested)
        elif form.is_valid():
            chosen = set(form.cleaned_data["communes"])
            new = [commune for commune in suggested if commune not in chosen]
            if form.cleaned_data["reviewed_text"] != digest and new:
                ticked |= {str(commune.pk) for commune in new}
                form = ProposalForm(
                    initial=_posted_initial(post, digest, sorted(ticked)), **options
                )
                messages.info(
                    request,
                    _(
                        "Avant d’envoyer : votre texte nomme %(names)s, cochée(s) ci-dessous. "
                        "Vérifiez les communes concernées, puis envoyez la proposition."
                    )
                    % {"names": ", ".join(commune.name for commune in new)},
                )
            else:
                proposal = submit(form, request.user, territory, membership)
                messages.success(
                    request,
                    _("Proposition envoyée : « %(title)s ». Les éditeur·rice·s vont l’examiner.")
                    % {"title": proposal.title},
                )
                return redirect("proposals:mine", slug=territory.slug)
    first, others = _commune_options(ticked, communes, suggested, own)
    return render(
        request,
        "proposals/propose.html",
        {
            "territory": territory,
            "form": form,
            "steps": steps,
            "plan": plan,
            "own_commune": own,
            "communes_first": first,
            "communes_others": others,
            "nav_current": "manage",
        },
    )


def _tell_suggestions(request, suggested) -> None:
    if not suggested:
        messages.info(
            request,
            _(
                "Votre texte ne nomme aucune commune du territoire : cochez celles que "
                "l’action concerne, ou aucune si elle vaut pour tout le territoire."
            ),
        )
        return
    messages.info(
        request,
        ngettext(
            "Commune repérée dans votre texte : %(names)s. Elle est cochée ; décochez-la si "
            "l’action ne la concerne pas.",
            "Communes repérées dans votre texte : %(names)s. Elles sont cochées ; décochez "
            "celles que l’action ne concerne pas.",
            len(suggested),
        )
        % {"names": ", ".join(commune.name for commune in suggested)},
    )


@member_required
def mine(request, territory, membership):
    proposals = list(
        Proposal.objects.of_territory(territory).filter(author=request.user).for_list()
    )
    for proposal in proposals:
        proposal.action_url = (
            proposal.action.url_for(territory.slug) if proposal.action is not None else None
        )
    return render(
        request,
        "proposals/mine.html",
        {
            "territory": territory,
            "proposals": proposals,
            "may_propose": may_propose(request.user, territory),
            "nav_current": "manage",
        },
    )
