"""GET /api/v1/territories/{slug}/communes/{insee}/actions, and action_count of communes."""

import pytest

from faisse.locations.detection import apply_detection, detect
from faisse.plans.testing import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def located(ales_plan):
    apply_detection(detect(ales_plan))
    return ales_plan


def test_actions_of_anduze_with_evidence_and_the_node_that_names_it(get_json, located):
    slug = located.territory.slug
    status, body, _ = get_json(f"/api/v1/territories/{slug}/communes/30010/actions")
    assert status == 200
    assert [action["title"] for action in body][0] == "Redynamiser/restructurer l’offre commerciale"
    assert len(body) == 4
    link = body[0]["links"][0]
    assert (link["evidence"], link["origin"], link["via"]["kind"]) == (
        "Anduze",
        "detected",
        "objective",
    )
    assert link["via"]["title"].startswith("Revitaliser les centre-bourgs")


def test_a_commune_the_plan_never_names_has_no_specific_action(get_json, located):
    slug = located.territory.slug
    assert get_json(f"/api/v1/territories/{slug}/communes/30022/actions")[:2] == (200, [])


def test_communes_carry_their_number_of_specific_actions(get_json, located):
    status, body, _ = get_json(f"/api/v1/territories/{located.territory.slug}/communes")
    counts = {commune["name"]: commune["action_count"] for commune in body}
    assert counts["Anduze"] == 4 and counts["Aujac"] == 0
    assert counts["Alès"] >= 10


@pytest.mark.parametrize("insee", ["99999", "abc", "30010%00", "3001"])
def test_unknown_commune_is_404(get_json, located, insee):
    status, body, _ = get_json(
        f"/api/v1/territories/{located.territory.slug}/communes/{insee}/actions"
    )
    assert status == 404
    assert "Commune inconnue" in body["detail"]


def test_query_count_does_not_grow_with_the_plan(get_json, ales_plan):
    territory = ales_plan.territory
    url = f"/api/v1/territories/{territory.slug}/communes/30010/actions"
    *_, small = get_json(url)
    make_plan(territory, axes=5, orientations=4, objectives=6, actions=10, title="Plus grand")
    ales_plan.nodes.all().delete()  # the larger plan becomes the one in force
    ales_plan.delete()
    *_, large = get_json(url)
    assert small == large
