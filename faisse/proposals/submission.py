"""Making a proposal: who may, during which steps, which objectives it may serve, and the
communes its text names (suggested to the author, who confirms them)."""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from faisse.accounts.abilities import role_in
from faisse.accounts.models import Role
from faisse.locations.detection import matcher_for
from faisse.participation.models import ProcessStep
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.proposals.models import Proposal, ProposalEvent
from faisse.territories.models import Commune, Territory

# Élus propose for their commune; editors and administrators propose too, as the
# facilitators of workshops who write down what a group of élus proposed ("au nom de").
# Partners and pilots do not: partners give opinions (and do not read the draft plan the
# objectives come from), pilots follow up the actions they are given, nothing else.
PROPOSER_ROLES = frozenset({Role.ELECTED, Role.EDITOR, Role.ADMIN})
PLACES = (PlanNode.Kind.OBJECTIVE, PlanNode.Kind.GROUP)


def may_propose(user, territory: Territory) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser and user.is_active:
        return True
    return role_in(user, territory) in PROPOSER_ROLES


def open_steps(territory: Territory) -> list[ProcessStep]:
    """The steps an editor opened to proposals, in the process's order."""
    return list(
        ProcessStep.objects.filter(territory=territory, proposal_call__is_open=True)
        .select_related("process")
        .order_by("position", "id")
    )


def current_plan(territory: Territory) -> Plan | None:
    return Plan.objects.of_territory(territory).current()


@dataclass
class PlaceGroup:
    """Objectives (and their sub-groups) under one orientation or axis, for a picker."""

    label: str
    places: list[tuple[PlanNode, int]] = field(default_factory=list)  # (node, indent)


def place_groups(tree: PlanTree) -> list[PlaceGroup]:
    """The objectives and groups of a plan, grouped under their orientation (or their
    axis, where objectives hang from it), in plan order; a node shown in two places is
    offered at its home only."""
    groups: list[PlaceGroup] = []

    def visit(entries, heading: str) -> None:
        for entry in entries:
            node = entry.node
            if entry.shared:
                continue
            if node.kind in (PlanNode.Kind.AXIS, PlanNode.Kind.ORIENTATION):
                visit(entry.children, node.working_label)
            elif node.kind in PLACES:
                if not groups or groups[-1].label != heading:
                    groups.append(PlaceGroup(heading))
                groups[-1].places.append((node, 0 if node.kind == PlanNode.Kind.OBJECTIVE else 1))
                visit(entry.children, heading)

    visit(tree.roots, "")
    return groups


def suggest_communes(territory: Territory, text: str, communes: list[Commune]) -> list[Commune]:
    """The member communes the text names, in the order it names them: the detection of
    the localised plan (faisse.locations.detection), so that "Alès Agglomération" is not
    Alès and "Brouzet-lès-Alès" is not Alès either."""
    if not text.strip():
        return []
    by_insee = {commune.insee: commune for commune in communes}
    found = []
    for match in matcher_for(territory, communes).find(text):
        commune = by_insee.get(match.place.insee) if match.place.member else None
        if commune is not None and commune not in found:
            found.append(commune)
    return found


def text_digest(title: str, description: str) -> str:
    """A fingerprint of the text the author was shown suggestions for: when it changes,
    the suggestions are made again before the proposal is sent."""
    return hashlib.sha256(f"{title.strip()}\n{description.strip()}".encode()).hexdigest()[:20]


@transaction.atomic
def submit(form, author, territory: Territory, membership) -> Proposal:
    """Save a valid ProposalForm as a proposal of `author`, its first state recorded."""
    proposal = form.save(commit=False)
    proposal.territory = territory
    proposal.author = author
    proposal.author_commune = membership.commune if membership is not None else None
    proposal.process = proposal.step.process if proposal.step else None
    proposal.state = Proposal.State.SUBMITTED
    proposal.save()
    form.save_m2m()
    ProposalEvent.objects.create(proposal=proposal, state=proposal.state, by=author)
    return proposal


def step_label(step: ProcessStep | None) -> str:
    if step is None:
        return _("étape supprimée")
    if step.number and step.kind == ProcessStep.Kind.WORKSHOP:
        return _("étape %(number)s « %(title)s »") % {"number": step.number, "title": step.title}
    return _("« %(title)s »") % {"title": step.title}
