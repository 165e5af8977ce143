"""The proposals' rows of the permission matrix (faisse/tests/test_permission_matrix.py),
also in docs/proposals.md. Élus, editors and administrators propose; every member reads
their own proposals; editors review."""

from django.urls import reverse

from faisse.accounts.models import Role
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.proposals.models import Proposal
from faisse.proposals.review import set_call
from faisse.tests.matrix import EDITORS, EDITORS_POST, only

PROPOSERS = ("elected", "editor", "admin")
ROWS = {
    "proposals:propose": ("get", only(dict.fromkeys(PROPOSERS, 200))),
    "proposals:propose (send a proposal)": ("post", only(dict.fromkeys(PROPOSERS, 302))),
    "proposals:mine": (
        "get",
        only(dict.fromkeys(("partner", "elected", "pilot", "editor", "admin"), 200)),
    ),
    "proposals_manage:list": ("get", EDITORS),
    "proposals_manage:review": ("get", EDITORS),
    "proposals_manage:call": ("post", EDITORS_POST),
    "proposals_manage:accept": ("post", EDITORS_POST),
    "proposals_manage:merge": ("post", EDITORS_POST),
    "proposals_manage:decline": ("post", EDITORS_POST),
}


def prepare(world: dict) -> None:
    territory, plan = world["territory"], world["plan"]
    process = Process.objects.create(territory=territory, plan=plan, title="Actualisation")
    step = ProcessStep.objects.create(
        territory=territory,
        process=process,
        phase=ProcessStep.Phase.CO_CONSTRUCTION,
        kind=ProcessStep.Kind.WORKSHOP,
        number=5,
        title="Plan d’actions",
    )
    set_call(step, None, True)
    objective = world["actions"][0].parent
    proposals = {
        decision: Proposal.objects.create(
            territory=territory,
            process=process,
            step=step,
            author=world["people"][Role.ELECTED],
            title=f"Proposition à {decision}",
            description="Une idée.",
            objective=objective,
        )
        for decision in ("review", "accept", "merge", "decline")
    }
    world["proposals"] = {"step": step, "objective": objective, **proposals}


def request(name: str, world: dict) -> tuple[str, dict]:
    slug = world["territory"].slug
    found = world["proposals"]
    base = name.split(" ")[0]
    if base.startswith("proposals:"):
        data = {}
        if "send" in name:
            data = {
                "step": found["step"].pk,
                "title": "Ouvrir un tiers-lieu",
                "description": "Pour tout le territoire.",
                "objective": found["objective"].pk,
                "send": "1",
            }
        return reverse(base, args=[slug]), data
    if base == "proposals_manage:list":
        return reverse(base, args=[slug]), {}
    if base == "proposals_manage:call":
        return reverse(base, args=[slug, found["step"].pk]), {"open": "1"}
    action = PlanNode.objects.filter(plan=world["plan"], kind="action").order_by("pk").last()
    data = {
        "proposals_manage:review": {},
        "proposals_manage:accept": {"parent": found["objective"].pk, "title": "Retenue"},
        "proposals_manage:merge": {"action": action.pk},
        "proposals_manage:decline": {"reason": "Déjà prévu."},
    }[base]
    proposal = found[base.split(":")[1]]
    if data:
        data["confirm"] = "1"
    return reverse(base, args=[slug, proposal.pk]), data
