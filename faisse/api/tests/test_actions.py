"""GET /territories/{slug}/actions and PATCH …/actions/{id}: the follow-up by the API."""

import json
from datetime import date

import pytest

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, ActionUpdate
from faisse.actions.testing import add_budget, add_milestones, make_sheet
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def followed(actions=2):
    territory = make_territory()
    plan = make_plan(territory, axes=2, orientations=1, objectives=1, actions=actions)
    nodes = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("position", "pk"))
    for node in nodes:
        sheet = make_sheet(node, status="in_progress", end_date=date(2020, 1, 1), sdgs=[13])
        add_budget(sheet, "investment", "planned", 2025, 1000)
        add_milestones(sheet, ("Étude", True, None), ("Travaux", False, None))
    return territory, nodes


def token(user, territory, scope="read_write"):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.create(user, territory, 'test', scope)[1]}"}


def test_the_public_reads_statuses_and_progress_but_not_budgets_or_pilots(get_json):
    territory, nodes = followed()
    status, body, _queries = get_json(f"/api/v1/territories/{territory.slug}/actions")
    assert status == 200 and len(body) == len(nodes)
    first = body[0]
    assert (first["status"], first["status_label"], first["progress"]) == (
        "in_progress",
        "En cours",
        50.0,
    )
    assert first["late"] is True and first["sdgs"] == [13]
    assert first["budget"] is None and first["pilots"] is None


def test_members_read_budgets_and_pilots_and_filters_apply(client):
    territory, nodes = followed()
    pilot = make_member(territory, Role.PILOT, first_name="Paule", last_name="Pilote")
    nodes[0].pilots.add(pilot)
    ActionSheet.objects.filter(node=nodes[1]).update(status="done")
    url = f"/api/v1/territories/{territory.slug}/actions"
    body = client.get(url, **token(pilot, territory, "read")).json()
    assert body[0]["budget"] == {"planned": 1000.0, "actual": 0.0, "funded": 0.0}
    assert body[0]["pilots"] == ["Paule Pilote"]
    done = client.get(url + "?status=done").json()
    assert [row["id"] for row in done] == [nodes[1].pk]
    assert client.get(url + "?status=fini").status_code == 422


def test_the_list_costs_the_same_queries_on_a_plan_ten_times_larger(get_json):
    small, _nodes = followed(2)
    large, _nodes = followed(20)
    counts = [get_json(f"/api/v1/territories/{t.slug}/actions")[2] for t in (small, large)]
    assert counts[0] == counts[1]


def test_the_plan_tree_gives_progress_and_weight(get_json):
    territory, _nodes = followed()
    _status, body, _queries = get_json(f"/api/v1/territories/{territory.slug}/plan")
    axis = body["nodes"][0]
    assert (axis["weight"], axis["progress"]) == (1, 50.0)


def patch(client, node, headers, **data):
    url = f"/api/v1/territories/{node.territory.slug}/actions/{node.pk}"
    return client.patch(url, json.dumps(data), content_type="application/json", **headers)


def test_a_pilot_updates_their_action_with_the_pages_rules(client):
    territory, nodes = followed()
    pilot = make_member(territory, Role.PILOT)
    nodes[0].pilots.add(pilot)
    headers = token(pilot, territory)
    response = patch(client, nodes[0], headers, version=1, status="done", note="Livré.")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done" and response.json()["version"] == 2
    update = ActionUpdate.objects.get()
    assert (update.author, update.new_status, update.note) == (pilot, "done", "Livré.")
    assert ActionSheet.objects.get(node=nodes[0]).history.first().history_user == pilot
    refused = patch(client, nodes[0], headers, status="planned")
    assert refused.status_code == 409 and "Après « Réalisé »" in refused.json()["detail"]
    tomorrow = date.today().replace(year=date.today().year + 1).isoformat()
    assert patch(client, nodes[0], headers, on=tomorrow, note="x").status_code == 409
    assert patch(client, nodes[0], headers, version=1, note="x").status_code == 409
    assert patch(client, nodes[1], headers, note="Pas la mienne").status_code == 403
    assert patch(client, nodes[0], token(pilot, territory, "read"), note="x").status_code == 403
    assert patch(client, nodes[0], {}, note="x").status_code == 401
    assert patch(client, nodes[0], headers, progress=101).status_code == 422
    assert ActionUpdate.objects.count() == 1
