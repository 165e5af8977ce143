"""GET /api/v1/territories/{slug}/plan"""

import datetime
from collections import Counter

import pytest

from faisse.plans.models import Challenge, Plan, PlanNode, SharedPlacement
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

NODE_KEYS = {
    *("id", "kind", "level_name", "number", "title", "description", "shared", "children"),
    *("weight", "progress"),
}


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def plan_url(territory):
    return f"/api/v1/territories/{territory.slug}/plan"


def test_plan_shape_and_values(get_json):
    territory = make_territory()
    plan = make_plan(territory, axes=2, orientations=2, objectives=2, actions=3)
    Challenge.objects.create(
        plan=plan, territory=territory, position=5, title="Un second défi", points=[]
    )
    axis = PlanNode.objects.get(plan=plan, kind="axis", number="1")
    axis.description = "Développer l'emploi."
    axis.save()

    status, body, _ = get_json(plan_url(territory))

    assert status == 200
    assert set(body) == {
        "id", "title", "period_start", "period_end", "status", "adopted_on",
        "level_names", "ambition", "challenges", "nodes",
    }  # fmt: skip
    assert body["id"] == plan.pk
    assert body["title"] == plan.title
    assert (body["period_start"], body["period_end"]) == (2020, 2030)
    assert (body["status"], body["adopted_on"]) == ("draft", None)
    assert body["ambition"] == {"motto": "Audace — Solidarité", "text": "Une ambition partagée."}
    assert body["challenges"] == [
        {"title": "Un défi", "points": ["Un point"]},
        {"title": "Un second défi", "points": []},
    ]

    nodes = list(walk(body["nodes"]))
    assert all(set(node) == NODE_KEYS for node in nodes)
    assert not any(node["shared"] for node in nodes)
    assert [n["kind"] for n in body["nodes"]] == ["axis", "axis"]
    assert [n["number"] for n in body["nodes"]] == ["1", "2"]
    assert body["nodes"][0]["description"] == "Développer l'emploi."
    assert [n["number"] for n in body["nodes"][0]["children"]] == ["1.1", "1.2"]
    assert body["nodes"][0]["children"][0]["kind"] == "orientation"

    in_db = Counter(PlanNode.objects.filter(plan=plan).values_list("kind", flat=True))
    assert Counter(node["kind"] for node in nodes) == in_db
    assert in_db == {"axis": 2, "orientation": 4, "objective": 8, "action": 24}
    assert {node["id"] for node in nodes} == set(
        PlanNode.objects.filter(plan=plan).values_list("id", flat=True)
    )
    action = next(node for node in nodes if node["kind"] == "action")
    assert action["children"] == []


def test_children_follow_the_home_parent(get_json):
    territory = make_territory()
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=0)
    objective = PlanNode.objects.get(plan=plan, kind="objective")
    group = PlanNode.objects.create(
        plan=plan,
        territory=territory,
        parent=objective,
        kind="group",
        title="Mobilités",
        position=1,
    )
    for position, title in [(2, "Seconde"), (1, "Première")]:
        PlanNode.objects.create(
            plan=plan, territory=territory, parent=group, kind="action", title=title,
            position=position,
        )  # fmt: skip

    _, body, _ = get_json(plan_url(territory))

    (axis,) = body["nodes"]
    (group_out,) = axis["children"][0]["children"][0]["children"]
    assert (group_out["kind"], group_out["title"]) == ("group", "Mobilités")
    assert [a["title"] for a in group_out["children"]] == ["Première", "Seconde"]


def test_shared_node_appears_at_its_second_place(get_json):
    territory = make_territory()
    plan = make_plan(territory, axes=2, orientations=1, objectives=1, actions=2)
    action = PlanNode.objects.filter(plan=plan, kind="action", parent__parent__parent__number="1")
    action = action.order_by("position").first()
    other_objective = PlanNode.objects.get(plan=plan, kind="objective", parent__number="2.1")
    SharedPlacement.objects.create(
        plan=plan, territory=territory, node=action, parent=other_objective, position=9
    )

    status, body, _ = get_json(plan_url(territory))

    assert status == 200
    places = [node for node in walk(body["nodes"]) if node["id"] == action.pk]
    assert [place["shared"] for place in places] == [False, True]
    second = body["nodes"][1]["children"][0]["children"][0]
    assert second["id"] == other_objective.pk
    assert [(c["id"], c["shared"]) for c in second["children"]][-1] == (action.pk, True)
    assert places[0]["title"] == places[1]["title"] == action.title
    # counting distinct ids still matches the database
    nodes = list(walk(body["nodes"]))
    assert len(nodes) == PlanNode.objects.filter(plan=plan).count() + 1
    assert len({node["id"] for node in nodes}) == PlanNode.objects.filter(plan=plan).count()


def share_first_action(plan):
    """Show the plan's first action under its last objective too."""
    nodes = PlanNode.objects.filter(plan=plan)
    action = nodes.filter(kind="action").order_by("id").first()
    objective = nodes.filter(kind="objective").order_by("id").last()
    SharedPlacement.objects.create(
        plan=plan, territory=plan.territory, node=action, parent=objective
    )


def test_query_count_does_not_grow_with_the_plan(get_json):
    small, large = make_territory(), make_territory()
    share_first_action(make_plan(small, axes=2, orientations=2, objectives=2, actions=3))
    share_first_action(make_plan(large, axes=20, orientations=2, objectives=2, actions=3))

    status_small, body_small, few = get_json(plan_url(small))
    status_large, body_large, many = get_json(plan_url(large))

    assert status_small == status_large == 200
    assert len(list(walk(body_small["nodes"]))) == 38 + 1  # one shared place
    assert len(list(walk(body_large["nodes"]))) == 380 + 1
    assert few == many
    # territory, plan, challenges, nodes, shared placements; the follow-up's sheets, milestone
    # counts, budget and funding sums (faisse/actions/follow_up.py)
    assert many == 9


def test_shows_the_current_plan(get_json):
    territory = make_territory()
    adopted = make_plan(territory, title="Projet 2018")
    adopted.status = Plan.Status.ADOPTED
    adopted.adopted_on = datetime.date(2018, 6, 28)
    adopted.period_start = 2018
    adopted.save()
    make_plan(territory, title="Projet 2026 en préparation")  # newer, but a draft

    _, body, _ = get_json(plan_url(territory))

    assert (body["id"], body["status"], body["adopted_on"]) == (adopted.pk, "adopted", "2018-06-28")


def test_empty_plan(get_json):
    territory = make_territory()
    plan = Plan.objects.create(territory=territory, title="Projet vide")

    status, body, _ = get_json(plan_url(territory))

    assert status == 200
    assert body["id"] == plan.pk
    assert (body["challenges"], body["nodes"]) == ([], [])
    assert body["ambition"] == {"motto": "", "text": ""}
    assert body["period_start"] is None


def test_unknown_territory(get_json):
    status, body, _ = get_json("/api/v1/territories/nulle-part/plan")
    assert status == 404
    assert body == {"detail": "Territoire inconnu : « nulle-part »."}


@pytest.mark.parametrize("slug", ["%C3%A9t%C3%A9", "a" * 500, "%20", "x%00y", "%2E%2E"])
def test_odd_slugs_are_404_not_500(get_json, slug):
    status, body, _ = get_json(f"/api/v1/territories/{slug}/plan")
    assert status == 404
    assert body["detail"].startswith("Territoire inconnu")


def test_territory_without_plan(get_json):
    territory = make_territory("Causses et Cévennes")
    status, body, _ = get_json(plan_url(territory))
    assert status == 404
    assert "aucun projet de territoire" in body["detail"]
    assert "Causses et Cévennes" in body["detail"]


def test_the_plan_names_its_levels_in_its_own_words(get_json, territory, plan):
    plan.set_level_names({"axis": ["Enjeu", "Enjeux"], "objective": ["Objectif prioritaire"]})

    status, body, _ = get_json(plan_url(territory))

    assert status == 200
    assert body["level_names"]["axis"] == ["Enjeu", "Enjeux"]
    assert body["level_names"]["orientation"] == ["Orientation", "Orientations"]
    assert body["nodes"][0]["level_name"] == "Enjeu"
    objectives = [n for n in walk(body["nodes"]) if n["kind"] == "objective"]
    assert objectives and {n["level_name"] for n in objectives} == {"Objectif prioritaire"}
