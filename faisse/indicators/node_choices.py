"""The plan's elements an editor may link an indicator to: every kind, in plan order."""

from dataclasses import dataclass

from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree


@dataclass
class Choice:
    node: PlanNode
    depth: int
    checked: bool


def node_choices(territory, plan: Plan | None, selected: set[int]) -> tuple[Plan | None, list]:
    """The elements of the indicator's plan (else the territory's current plan), drafts
    included, each once (a shared element at its home), with their depth: 2 queries."""
    plan = plan or Plan.objects.of_territory(territory).current()
    if plan is None:
        return None, []
    tree = PlanTree.load(plan, drafts=True)
    choices, seen = [], set()
    for entry in tree.walk():
        if entry.node.pk in seen:
            continue
        seen.add(entry.node.pk)
        choices.append(Choice(entry.node, entry.depth, entry.node.pk in selected))
    return plan, choices
