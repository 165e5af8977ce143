"""Plans built with real rows for the portal tests."""

import datetime

import pytest

from faisse.participation.models import ProcessStep
from faisse.plans.models import Plan, PlanNode, SharedPlacement
from faisse.plans.testing import make_plan


def add_node(plan, parent, kind, title, *, number="", position=0, description=""):
    return PlanNode.objects.create(
        plan=plan,
        territory=plan.territory,
        parent=parent,
        kind=kind,
        number=number,
        title=title,
        description=description,
        position=position,
    )


@pytest.fixture
def rich_plan(territory):
    """A plan with the irregularities of real ones: empty axis title, objective directly
    under an axis, a group, descriptions and an action shared under two axes."""
    plan = make_plan(territory, axes=2, orientations=2, objectives=1, actions=2, title="Riche")
    plan.status = Plan.Status.ADOPTED
    plan.adopted_on = datetime.date(2018, 6, 28)
    plan.save()
    Kind = PlanNode.Kind
    axis3 = add_node(plan, None, Kind.AXIS, "", number="3", position=3)
    objective = add_node(
        plan,
        axis3,
        Kind.OBJECTIVE,
        "Objectif sans orientation",
        position=1,
        description="Premier paragraphe.\n\nSecond paragraphe.",
    )
    group = add_node(plan, objective, Kind.GROUP, "Un sous-ensemble", position=1)
    grouped = add_node(plan, group, Kind.ACTION, "Action groupée", position=1)
    shared = PlanNode.objects.filter(plan=plan, kind=Kind.ACTION).order_by("pk").first()
    SharedPlacement.objects.create(
        plan=plan, territory=territory, node=shared, parent=objective, position=2
    )
    steps = [
        ("preparation", "preparation", None, "Préparation", (2017, 7, 1), (2017, 9, 30), "month"),
        (
            "co_construction",
            "workshop",
            1,
            "Connaissance partagée",
            (2017, 10, 1),
            (2017, 10, 31),
            "month",
        ),
        (
            "co_construction",
            "questionnaire",
            None,
            "Questionnaire n°1",
            (2017, 12, 1),
            (2018, 1, 31),
            "month",
        ),
        ("sharing", "meeting", None, "Partage avec les élus", (2018, 5, 23), (2018, 5, 23), "day"),
        ("sharing", "council", None, "Conseil communautaire", (2018, 6, 28), (2018, 6, 28), "day"),
    ]
    ProcessStep.objects.bulk_create(
        ProcessStep(
            territory=territory,
            plan=plan,
            phase=phase,
            kind=kind,
            number=number,
            title=title,
            starts_on=datetime.date(*start),
            ends_on=datetime.date(*end),
            date_precision=precision,
            position=i,
        )
        for i, (phase, kind, number, title, start, end, precision) in enumerate(steps)
    )
    plan.extra = {
        "axis3": axis3,
        "objective": objective,
        "group": group,
        "grouped": grouped,
        "shared": shared,
    }
    return plan


@pytest.fixture
def located_plan(plan):
    """The regular plan, with commune boundaries, links and a role (see located.locate)."""
    from faisse.portal.tests.located import locate

    plan.extra = locate(plan)
    return plan
