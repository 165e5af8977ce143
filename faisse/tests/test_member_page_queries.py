"""Pages of signed-in members run the same number of queries for a plan ten times larger."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.editing import update_node
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

SMALL = {"axes": 2, "orientations": 2, "objectives": 3, "actions": 3}  # 36 actions
LARGE = {"axes": 2, "orientations": 4, "objectives": 6, "actions": 8}  # 384 actions
ACTIVITY_AT_MOST = 13


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def measure(client, size) -> dict[str, int]:
    territory = make_territory()
    plan = make_plan(territory, **size)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    editor = make_member(territory, Role.EDITOR)
    pilot = make_member(territory, Role.PILOT)
    for action in actions[::3]:
        action.pilots.add(pilot)
        update_node(action, editor, {"follow_up": "Avancement"}, action.version)
    for _ in range(len(actions) // 10):
        make_member(territory, Role.PARTNER)
    action = actions[len(actions) // 2]
    slug = territory.slug
    client.force_login(editor)
    counts = {
        "manage (editor)": count(client, reverse("manage:home", args=[slug])),
        "action page (editor)": count(client, action.get_absolute_url()),
        "plan (editor, drafts)": count(client, reverse("portal:plan", args=[slug])),
        "structure": count(client, reverse("plans:structure", args=[slug])),
        "node edit": count(client, reverse("plans:node_edit", args=[slug, action.pk])),
        "activity": count(client, reverse("history:activity", args=[slug])),
        "node history": count(client, reverse("history:node", args=[slug, action.pk])),
    }
    client.force_login(pilot)
    counts["manage (pilot)"] = count(client, reverse("manage:home", args=[slug]))
    admin = make_member(territory, Role.ADMIN)
    client.force_login(admin)
    counts["members"] = count(client, reverse("members:list", args=[slug]))
    counts["account"] = count(client, reverse("accounts:account"))
    return counts


def test_member_pages_query_counts_do_not_grow_with_the_plan(client):
    small = measure(client, SMALL)
    large = measure(client, LARGE)
    # The activity log loads the records of each kind (node, link, placement, plan…) shown
    # on its page: its count depends on which kinds the page holds, never on the plan size.
    assert max(small.pop("activity"), large.pop("activity")) <= ACTIVITY_AT_MOST
    assert small == large
    # Each count includes the session and the user (2) and the person's role (1).
    assert small == {
        "manage (editor)": 10,  # with the proposals to examine
        # with its rankings by questionnaires, its indicators, its follow-up (4 queries; the
        # plan has no sheet yet: faisse/actions/tests/test_node_section_queries.py)
        "action page (editor)": 20,
        "plan (editor, drafts)": 7,
        "structure": 8,
        "node edit": 8,
        "node history": 12,
        "manage (pilot)": 6,
        "members": 11,
        "account": 3,
    }
