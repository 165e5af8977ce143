"""The back office lists and edits plans, nodes, placements and steps without N+1 queries."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.plans.models import Challenge, PlanNode, SharedPlacement
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:plans_plan_changelist",
    "admin:plans_plannode_changelist",
    "admin:plans_sharedplacement_changelist",
    "admin:plans_challenge_changelist",
    "admin:participation_processstep_changelist",
]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin@example.org", "x")
    client.force_login(user)
    return client


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_changelists_run_constant_queries(admin_client, rich_plan):
    before = {name: count(admin_client, reverse(name)) for name in CHANGELISTS}
    other = make_territory()
    other_plan = make_plan(other, axes=3)
    nodes = PlanNode.objects.filter(plan=other_plan, kind="action").order_by("pk")[:4]
    objective = PlanNode.objects.filter(plan=other_plan, kind="objective").last()
    for node in nodes:
        SharedPlacement.objects.create(
            plan=other_plan, territory=other, node=node, parent=objective
        )
    after = {name: count(admin_client, reverse(name)) for name in CHANGELISTS}
    # Filters list one more plan/territory, never one query per row.
    assert before == after


def test_add_node_copies_the_territory_of_its_plan(admin_client, plan):
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    response = admin_client.post(
        reverse("admin:plans_plannode_add"),
        {
            "plan": plan.pk,
            "parent": axis.pk,
            "kind": "orientation",
            "number": "1.9",
            "title": "Nouvelle orientation",
            "description": "",
            "position": 9,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    node = PlanNode.objects.get(number="1.9")
    assert node.territory_id == plan.territory_id


def test_challenge_inline_copies_the_territory_of_its_plan(admin_client, plan):
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    assert admin_client.get(url).status_code == 200
    challenge = plan.challenges.get()
    data = {
        "territory": plan.territory_id,
        "title": plan.title,
        "status": "draft",
        "period_start": 2020,
        "period_end": 2030,
        "ambition_motto": "",
        "ambition_text": "",
        "source_name": "",
        "adopted_on": "",
        "predecessor": "",
        "challenges-TOTAL_FORMS": 2,
        "challenges-INITIAL_FORMS": 1,
        "challenges-MIN_NUM_FORMS": 0,
        "challenges-MAX_NUM_FORMS": 1000,
        "challenges-0-id": challenge.pk,
        "challenges-0-plan": plan.pk,
        "challenges-0-position": 1,
        "challenges-0-title": "Un défi",
        "challenges-0-points": "[]",
        "challenges-1-plan": plan.pk,
        "challenges-1-position": 2,
        "challenges-1-title": "Un second défi",
        "challenges-1-points": '["Un point"]',
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = Challenge.objects.get(title="Un second défi")
    assert added.territory_id == plan.territory_id and added.points == ["Un point"]
