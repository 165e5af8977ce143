import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory


@pytest.fixture
def plan(db):
    return make_plan(make_territory("Agglo des Faïsses"), axes=1, orientations=1, objectives=1)


@pytest.fixture
def action(plan):
    return PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()


@pytest.fixture
def editor(plan):
    return make_member(plan.territory, Role.EDITOR)


def edit(node: PlanNode, user, **changes) -> PlanNode:
    """Save changes to a node as `user` through the ORM, as the site does."""
    node = PlanNode.objects.get(pk=node.pk)
    for name, value in changes.items():
        setattr(node, name, value)
    node.version += 1
    node._history_user = user
    node._change_reason = "Modification dans le site"
    node.save()
    return node


REFUSED_ROLES = (Role.ELECTED, Role.PILOT, Role.PARTNER)


@pytest.fixture
def outsiders(plan):
    """People who may not see the history of the plan's territory: the roles below editor,
    and an editor and an admin of another territory."""
    elsewhere = make_territory("Ailleurs")
    people = {role: make_member(plan.territory, role) for role in REFUSED_ROLES}
    people["other editor"] = make_member(elsewhere, Role.EDITOR)
    people["other admin"] = make_member(elsewhere, Role.ADMIN)
    return people
