"""PlanGeography counts each action once, at its home."""

import pytest

from faisse.locations.geography import PlanGeography
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode, SharedPlacement
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_a_shared_action_and_its_sub_actions_count_once_per_commune():
    territory = make_territory("Val de Test", communes=2)
    plan = make_plan(territory, axes=1, orientations=1, objectives=2, actions=1)
    first, second = PlanNode.objects.filter(plan=plan, kind="objective").order_by("pk")
    action = first.children.get()
    sub = PlanNode.objects.create(
        plan=plan, territory=territory, parent=action, kind="action", title="Sous-action"
    )
    SharedPlacement.objects.create(plan=plan, territory=territory, node=action, parent=second)
    commune = territory.communes.first()
    CommuneLink.objects.create(territory=territory, plan=plan, node=sub, commune=commune)

    geography = PlanGeography.load(plan)

    assert [a.pk for a in geography.actions()].count(sub.pk) == 1
    assert geography.specific_action_counts()[commune.pk] == 1
