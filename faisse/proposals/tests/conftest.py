"""A small territory whose communes carry real names and INSEE codes (so that the commune
detection reads them as the Alès plan's), its plan, a process whose step 2 is open to
proposals, and one person per role."""

import pytest

from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.proposals.models import Proposal, ProposalEvent
from faisse.proposals.review import set_call
from faisse.territories.testing import make_territory

COMMUNES = [
    ("30010", "Anduze"),
    ("30147", "Lézan"),
    ("30269", "Saint-Jean-du-Gard"),
    ("30348", "Vézénobres"),
]


def name_communes(territory) -> dict[str, object]:
    communes = list(territory.communes.order_by("insee"))
    named = {}
    for commune, (insee, name) in zip(communes, COMMUNES, strict=False):
        commune.insee, commune.name = insee, name
        commune.save()
        named[name] = commune
    return named


def make_process(territory, plan, *, open_step: int | None = 2) -> Process:
    process = Process.objects.create(territory=territory, plan=plan, title="Actualisation")
    for number in (1, 2, 3):
        step = ProcessStep.objects.create(
            territory=territory,
            process=process,
            phase=ProcessStep.Phase.CO_CONSTRUCTION,
            kind=ProcessStep.Kind.WORKSHOP,
            number=number,
            title=f"Atelier {number}",
            position=number,
        )
        if number == open_step:
            set_call(step, None, True)
    return process


def make_proposal(world, title="Créer une voie verte", *, author=None, communes=(), **fields):
    """A submitted proposal of the world's élu (or `author`), during the open step."""
    author = author or world["elu"]
    membership = Membership.objects.get(user=author, territory=world["territory"])
    proposal = Proposal.objects.create(
        territory=world["territory"],
        process=world["process"],
        step=fields.pop("step", world["step"]),
        author=author,
        author_commune=membership.commune,
        title=title,
        description=fields.pop("description", "Une description."),
        objective=fields.pop("objective", world["objective"]),
        **fields,
    )
    proposal.communes.set(communes)
    ProposalEvent.objects.create(proposal=proposal, state=proposal.state, by=author)
    return proposal


def make_world(name="Agglo des Faïsses") -> dict:
    territory = make_territory(name, communes=4)
    communes = name_communes(territory)
    plan = make_plan(territory)
    process = make_process(territory, plan)
    people = {role: make_member(territory, role) for role in Role.values}
    Membership.objects.filter(user=people[Role.ELECTED]).update(commune=communes["Anduze"])
    objective = PlanNode.objects.filter(plan=plan, kind="objective").order_by("pk").first()
    return {
        "territory": territory,
        "communes": communes,
        "plan": plan,
        "process": process,
        "step": process.steps.get(number=2),
        "objective": objective,
        "people": people,
        "elu": people[Role.ELECTED],
        "editor": people[Role.EDITOR],
    }


@pytest.fixture
def world(db):
    return make_world()
