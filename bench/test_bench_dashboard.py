"""The dashboard of the Alès plan (3 axes, 8 orientations, 117 actions, 71 communes with
their boundaries), every action with its sheet, budget lines, funding, programme, lead
service, three milestones and a commune (faisse/reports/tests/dashboard_world.py), plus
a dozen indicators; rendered through the test client for the public and for an editor,
with and without filters. The issue's bar: under 100 ms."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, Milestone
from faisse.indicators.testing import make_indicator
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode
from faisse.plans.tests.conftest import SOURCE
from faisse.reports.tests.dashboard_world import follow_plan
from faisse.territories.loading import load_ales


@pytest.fixture
def ales(db):
    plan = save_plan(parse_path(SOURCE), load_ales(), PlanDetails())
    territory = plan.territory
    today = timezone.localdate()
    pilot = make_member(territory, Role.PILOT)
    actions = follow_plan(plan, today=today, pilot=pilot)
    Milestone.objects.bulk_create(
        Milestone(sheet=sheet, position=n, title=f"Étape {n}", done=n == 0,
                  due_on=today + timedelta(days=20 * n - 15))
        for sheet in ActionSheet.objects.filter(plan=plan)
        for n in range(3)
    )  # fmt: skip
    year = date.today().year
    nodes = list(PlanNode.objects.filter(plan=plan).exclude(kind="action"))
    for n in range(12):
        make_indicator(
            territory,
            plan=plan,
            title=f"Indicateur {n}",
            targets={year - 4: 10, year: 20},
            values={date(year - k, 6, 30): 10 + n + k for k in range(4)},
            nodes=[nodes[n % len(nodes)], actions[n]],
        )
    return {
        "url": reverse("reports:dashboard", args=[territory.slug]),
        "editor": make_member(territory, Role.EDITOR),
        "actions": len(actions),
    }


def render(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_dashboard_ales_public(benchmark, client, ales):
    assert ales["actions"] == 117
    queries = benchmark(render, client, ales["url"], {})
    benchmark.extra_info["queries"] = queries


def test_dashboard_ales_editor_budget_map(benchmark, client, ales):
    client.force_login(ales["editor"])
    queries = benchmark(render, client, ales["url"], {"carte": "budget"})
    benchmark.extra_info["queries"] = queries


def test_dashboard_ales_editor_filtered(benchmark, client, ales):
    client.force_login(ales["editor"])
    params = {"statut": "en_cours", "commune": "30007"}
    queries = benchmark(render, client, ales["url"], params)
    benchmark.extra_info["queries"] = queries


def test_actions_api_ales_public(benchmark, client, ales):
    url = f"/api/v1/territories/{ales['url'].split('/')[1]}/actions"
    queries = benchmark(render, client, url, {})
    benchmark.extra_info["queries"] = queries


def test_actions_api_ales_member(benchmark, client, ales):
    client.force_login(ales["editor"])
    url = f"/api/v1/territories/{ales['url'].split('/')[1]}/actions"
    queries = benchmark(render, client, url, {})
    benchmark.extra_info["queries"] = queries
