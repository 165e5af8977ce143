"""What editors decide about a proposal: accept it as a draft action, merge it into an
existing action, or decline it with a reason; and which steps are open to proposals.

Each decision reads the proposal again under a lock (a second editor's decision, or a
second click, finds it decided and is refused), is all or nothing, and is recorded in the
proposal's events.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.core.errors import Refusal
from faisse.core.french import elide, find_folded
from faisse.core.text import TextValidator
from faisse.locations.models import CommuneLink
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode
from faisse.plans.similarity import ActionText, action_texts, plan_actions, rank
from faisse.plans.structure import add_node
from faisse.plans.tree import PlanTree
from faisse.proposals.models import Proposal, ProposalCall, ProposalEvent
from faisse.proposals.submission import PLACES, step_label

MERGE_CANDIDATES = 8  # actions the similarity ranking suggests for a merge
MIN_CANDIDATE_SCORE = 0.1  # below, two titles share generic words only
_PROPOSAL_ID = -1  # the proposal among the actions ranked: no node has a negative id


class ReviewError(Refusal):
    """A decision that cannot be made; the message says why, in French."""


def origin_phrase(proposal: Proposal) -> str:
    """Whose proposal it is, without naming a person: "la commune d’Anduze", the group
    a facilitator wrote it for, or its number."""
    if proposal.author_commune is not None:
        return elide(_("la commune de"), proposal.author_commune.name)
    if proposal.on_behalf_of:
        return proposal.on_behalf_of
    return _("n° %(number)s") % {"number": proposal.pk}


def _locked(proposal: Proposal) -> Proposal:
    locked = (
        Proposal.objects.select_for_update()
        .filter(pk=proposal.pk, territory_id=proposal.territory_id)
        .first()
    )
    if locked is None:
        raise ReviewError(_("Cette proposition n’existe plus."))
    if locked.state != Proposal.State.SUBMITTED:
        raise ReviewError(
            _("Cette proposition a déjà été examinée : elle est « %(state)s ».")
            % {"state": locked.get_state_display()}
        )
    return locked


def _decided(proposal: Proposal, editor, state: str, action=None, reason: str = "") -> None:
    proposal.state = state
    proposal.action = action
    proposal.reason = reason
    proposal.decided_by = editor
    proposal.decided_at = timezone.now()
    proposal.save()
    ProposalEvent.objects.create(proposal=proposal, state=state, by=editor, note=reason)


def summary_lines(proposal: Proposal) -> list[str]:
    """The proposal as the internal notes of its action keep it (no person's name)."""
    lines = [
        _("Proposition n° %(number)s de %(origin)s, %(step)s, déposée le %(date)s.")
        % {
            "number": proposal.pk,
            "origin": origin_phrase(proposal),
            "step": step_label(proposal.step),
            "date": date_format(timezone.localtime(proposal.created_at), "j F Y"),
        }
    ]
    communes = [commune.name for commune in proposal.communes.all()]
    if communes:
        lines.append(_("Communes concernées : %(names)s.") % {"names": ", ".join(communes)})
    if proposal.estimated_cost is not None:
        cost = number_format(proposal.estimated_cost, force_grouping=True)
        lines.append(_("Coût estimé : %(cost)s €.") % {"cost": cost})
    if proposal.partners:
        lines.append(_("Partenaires : %(partners)s") % {"partners": proposal.partners})
    return lines


def _append(text: str, addition: str) -> str:
    return "\n\n".join(filter(None, [text.strip(), addition]))


def _save_node(node: PlanNode, editor, reason: str, fields: list[str]) -> None:
    try:
        node.save_change(editor, reason[:100], validate=fields)
    except ValidationError as error:
        problems = [
            f"{PlanNode._meta.get_field(name).verbose_name.capitalize()} : {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
        raise ReviewError(
            _("L’action ne peut pas recevoir ce texte. %(problems)s")
            % {"problems": " ".join(problems)}
        ) from error


@transaction.atomic
def accept(proposal: Proposal, editor, parent: PlanNode, title: str = "") -> PlanNode:
    """A draft action under `parent` (an objective or a group), with the proposal's
    description, its provenance in the internal notes and a link to each of its communes;
    the proposal records the action."""
    proposal = _locked(proposal)
    if parent.territory_id != proposal.territory_id or parent.kind not in PLACES:
        raise ReviewError(_("Choisissez un objectif ou un sous-ensemble du projet."))
    try:
        node = add_node(parent.plan, parent, PlanNode.Kind.ACTION, title or proposal.title)
    except EditError as error:
        raise ReviewError(str(error)) from error
    node.description = proposal.description
    note = _("Issue de la proposition : %(lines)s") % {"lines": " ".join(summary_lines(proposal))}
    node.internal_notes = note
    _save_node(
        node,
        editor,
        _("Action issue de la proposition n° %(number)s") % {"number": proposal.pk},
        ["description", "internal_notes"],
    )
    evidence = (_("proposition de %(origin)s") % {"origin": origin_phrase(proposal)})[:255]
    links = [
        CommuneLink(
            territory_id=node.territory_id,
            plan_id=node.plan_id,
            node=node,
            commune=commune,
            origin=CommuneLink.Origin.CONFIRMED,
            evidence=evidence,
        )
        for commune in proposal.communes.all()
    ]
    bulk_create_with_history(
        links,
        CommuneLink,
        default_user=editor,
        default_change_reason=_("Proposition retenue"),
    )
    _decided(proposal, editor, Proposal.State.ACCEPTED, action=node)
    return node


@transaction.atomic
def merge_into(proposal: Proposal, editor, action: PlanNode) -> PlanNode:
    """The proposal joins an existing action: its text goes to the action's internal
    notes (not to the description, which the public may read: an editor rewrites it if
    the action should say more), and the proposal records the action. No node is made."""
    proposal = _locked(proposal)
    if action.territory_id != proposal.territory_id or action.kind != PlanNode.Kind.ACTION:
        raise ReviewError(_("Choisissez une action du projet."))
    action = PlanNode.objects.select_for_update().get(pk=action.pk)
    addition = "\n".join(
        [
            _("Proposition intégrée : « %(title)s »") % {"title": proposal.title},
            proposal.description.strip(),
            *summary_lines(proposal),
        ]
    )
    action.internal_notes = _append(action.internal_notes, addition)
    _save_node(
        action,
        editor,
        _("Proposition n° %(number)s intégrée") % {"number": proposal.pk},
        ["internal_notes"],
    )
    _decided(proposal, editor, Proposal.State.MERGED, action=action)
    return action


@transaction.atomic
def decline(proposal: Proposal, editor, reason: str) -> Proposal:
    """Declined, with the reason its author reads in "Mes propositions"."""
    reason = reason.strip()
    if not reason:
        raise ReviewError(_("Donnez le motif : l’auteur·rice de la proposition le lira."))
    try:
        TextValidator("text")(reason)
    except ValidationError as error:
        raise ReviewError(" ".join(error.messages)) from error
    proposal = _locked(proposal)
    _decided(proposal, editor, Proposal.State.DECLINED, reason=reason)
    return proposal


def without_places(title: str, communes) -> str:
    """The title without the names of the communes: a commune's name is a rare word in a
    plan, which would make "Navette vers La Grand-Combe" look like any action that names
    La Grand-Combe rather than like "Transports à la demande"."""
    for commune in communes:
        while (span := find_folded(title, commune.name)) is not None:
            title = title[: span[0]] + " " + title[span[1] :]
    return title


def merge_candidates(proposal: Proposal, tree: PlanTree, limit: int = MERGE_CANDIDATES) -> list:
    """The actions of the plan closest to the proposal's title, best first, as (action,
    score): the ranking of cross-cutting actions (faisse.plans.similarity), the proposal
    weighed as one more action of the plan, its communes' names left out."""
    actions = plan_actions(tree)
    places = [*proposal.communes.all(), *filter(None, [proposal.author_commune])]
    title = without_places(proposal.title, places)
    texts = [*action_texts(actions), ActionText(_PROPOSAL_ID, title)]
    found = []
    for match in rank(texts, min_score=MIN_CANDIDATE_SCORE):
        if _PROPOSAL_ID not in (match.first_id, match.second_id):
            continue
        other = match.second_id if match.first_id == _PROPOSAL_ID else match.first_id
        found.append((tree.by_id[other], match.score))
        if len(found) == limit:
            break
    return found


def set_call(step, editor, is_open: bool) -> ProposalCall:
    """Open or close a step to proposals."""
    call, _created = ProposalCall.objects.update_or_create(
        step=step,
        defaults={"territory_id": step.territory_id, "is_open": is_open, "changed_by": editor},
    )
    return call


def to_examine(territory) -> int:
    """How many proposals wait for a decision (for the management home's to-do list)."""
    return Proposal.objects.filter(territory=territory, state=Proposal.State.SUBMITTED).count()
