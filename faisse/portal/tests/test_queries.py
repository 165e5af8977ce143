"""Every page runs the same number of queries for a plan ten times larger."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan, make_territory

pytestmark = pytest.mark.django_db

SMALL = {"axes": 2, "orientations": 3, "objectives": 4, "actions": 5}  # 120 actions
LARGE = {"axes": 2, "orientations": 6, "objectives": 10, "actions": 10}  # 1,200 actions


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def measure(client, size) -> dict[str, int]:
    territory = make_territory(communes=5 * size["orientations"])
    plan = make_plan(territory, **size)
    actions = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk")
    assert actions.count() == 2 * size["orientations"] * size["objectives"] * size["actions"]
    middle = actions[actions.count() // 2]
    axis = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.AXIS).first()
    return {
        "home": queries(client, territory.get_absolute_url()),
        "plan": queries(client, reverse("portal:plan", args=[territory.slug])),
        "action": queries(client, middle.url_for(territory.slug)),
        "axis": queries(client, axis.url_for(territory.slug)),
    }


def test_query_counts_do_not_grow_with_the_plan(client):
    small = measure(client, SMALL)
    large = measure(client, LARGE)
    assert small == large
    # territory, plan, tree nodes, tree placements, and per page: challenges, communes, steps.
    assert small == {"home": 7, "plan": 4, "action": 4, "axis": 4}


def test_territory_list_query_count_does_not_grow(client):
    make_territory()
    first = queries(client, reverse("portal:home"))
    for _ in range(5):
        make_territory()
    assert queries(client, reverse("portal:home")) == first == 1
