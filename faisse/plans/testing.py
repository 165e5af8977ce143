"""Builders of territories and plans for tests and benchmarks (real rows, no mocks)."""

from itertools import count

from faisse.plans.models import Challenge, Plan, PlanNode
from faisse.territories.models import Territory

_serial = count(1)


def make_plan(
    territory: Territory,
    *,
    axes: int = 2,
    orientations: int = 2,
    objectives: int = 2,
    actions: int = 3,
    title: str = "",
) -> Plan:
    """A plan of axes → orientations → objectives → actions, created level by level.

    Four bulk inserts whatever the size, so that a benchmark can build a large plan fast.
    """
    plan = Plan.objects.create(
        territory=territory,
        title=title or f"Projet de territoire {next(_serial)}",
        period_start=2020,
        period_end=2030,
        ambition_motto="Audace — Solidarité",
        ambition_text="Une ambition partagée.",
    )
    Challenge.objects.create(plan=plan, territory=territory, title="Un défi", points=["Un point"])

    def level(parents, kind, per_parent, numbered):
        nodes = []
        for parent in parents:
            for i in range(1, per_parent + 1):
                number = ""
                if numbered:
                    number = f"{parent.number}.{i}" if parent is not None else str(i)
                nodes.append(
                    PlanNode(
                        plan=plan,
                        territory=territory,
                        parent=parent,
                        kind=kind,
                        number=number,
                        title=f"{PlanNode.Kind(kind).label} {number or i}",
                        position=i,
                    )
                )
        return PlanNode.objects.bulk_create(nodes)

    axis_nodes = level([None], PlanNode.Kind.AXIS, axes, True)
    orientation_nodes = level(axis_nodes, PlanNode.Kind.ORIENTATION, orientations, True)
    objective_nodes = level(orientation_nodes, PlanNode.Kind.OBJECTIVE, objectives, False)
    level(objective_nodes, PlanNode.Kind.ACTION, actions, False)
    return plan
