"""The follow-up section of an element's page reads a constant number of queries whatever
the number of actions, sheets, milestones and updates."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionUpdate
from faisse.actions.testing import add_budget, add_funding, add_milestones, make_sheet
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def followed_plan(actions: int):
    territory = make_territory()
    plan = make_plan(territory, axes=2, orientations=2, objectives=1, actions=actions)
    for node in PlanNode.objects.filter(plan=plan, kind="action"):
        sheet = make_sheet(node, status="in_progress", end_date=date(2024, 1, 1))
        add_budget(sheet, "investment", "planned", 2025, 1000)
        add_funding(sheet, 500, "Région", "État")
        add_milestones(sheet, ("Étude", True, None), ("Travaux", False, date(2025, 1, 1)))
        ActionUpdate.objects.create(
            sheet=sheet, plan=plan, territory=territory, on=date(2025, 1, 1), note="Point."
        )
    return plan


def counts(client, plan):
    action = PlanNode.objects.filter(plan=plan, kind="action").first()
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    found = {}
    for who in ("public", "member"):
        if who == "member":
            client.force_login(make_member(plan.territory, Role.ELECTED))
        for name, node in (("action", action), ("axis", axis)):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(node.get_absolute_url()).status_code == 200
            found[f"{name} ({who})"] = len(queries)
        client.logout()
    return found


def test_the_section_costs_the_same_on_a_plan_ten_times_larger(client):
    small = counts(client, followed_plan(2))
    assert small == counts(client, followed_plan(20))
