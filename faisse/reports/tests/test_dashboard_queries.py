"""The dashboard runs the same number of SQL queries on a plan and on one ten times larger,
for the public and for members, with sheets, budgets, fundings, programmes, pilots,
services, commune links and indicators; filters are applied in memory (no query)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.located import give_boundaries
from faisse.reports.tests.dashboard_world import follow_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

# Territory, plan, tree (2), follow-up (4, and its programmes), commune links, communes,
# indicators, their links, targets, values. Members add their session, their account,
# their role, the pilots and the lead services.
PUBLIC_QUERIES = 15
MEMBER_QUERIES = PUBLIC_QUERIES + 5


def dashboard_of(actions_per_objective: int) -> dict:
    territory = make_territory(communes=12)
    give_boundaries(territory)
    plan = make_plan(territory, actions=actions_per_objective)
    pilot = make_member(territory, Role.PILOT)
    actions = follow_plan(plan, today=timezone.localdate(), pilot=pilot)
    year = date.today().year
    for n, node in enumerate(PlanNode.objects.filter(plan=plan).exclude(kind="action")):
        make_indicator(
            territory,
            plan=plan,
            targets={year - 1: 10, year: 20},
            values={date(year, 1, 1): n % 30},
            nodes=[node, actions[n]],
        )
    return {
        "url": reverse("reports:dashboard", args=[territory.slug]),
        "actions": len(actions),
        "members": {role: make_member(territory, role) for role in (Role.EDITOR, Role.PARTNER)}
        | {Role.PILOT: pilot},
    }


def count(client, url, user=None, **params) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


QUERIES = [
    {},
    {"statut": "en_cours", "priorite": "eleve", "odd": "13"},
    {"commune": "99001", "carte": "budget", "programme": "abc"},
]


@pytest.mark.parametrize("params", QUERIES)
def test_same_queries_on_a_plan_ten_times_larger(client, params):
    small, large = dashboard_of(3), dashboard_of(30)
    assert (small["actions"], large["actions"]) == (24, 240)
    for world in (small, large):
        assert count(client, world["url"], **params) == PUBLIC_QUERIES
        partner = world["members"][Role.PARTNER]
        assert count(client, world["url"], partner, **params) == PUBLIC_QUERIES + 3
        for role in (Role.EDITOR, Role.PILOT):
            user = world["members"][role]
            assert count(client, world["url"], user, **params) == MEMBER_QUERIES, role
