"""Limits of a plan: its depth, its number of elements, the length and characters of its
texts. The probe nested 70–80 actions with the "add under" form, after which the plan
page, the action page and the plan API failed with RecursionError (500)."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode
from faisse.plans.structure import add_node, move_under
from faisse.plans.testing import make_plan
from faisse.plans.tree import PlanTree
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
KINDS = ["axis", "orientation", "objective", "group"]


def chain(plan, levels: int) -> list[PlanNode]:
    """axis → orientation → objective → group → action → sub-action → …, `levels` deep."""
    nodes, parent = [], None
    for level in range(levels):
        kind = KINDS[level] if level < len(KINDS) else "action"
        parent = PlanNode.objects.create(
            plan=plan,
            territory=plan.territory,
            parent=parent,
            kind=kind,
            title=f"Niveau {level + 1}",
        )
        nodes.append(parent)
    return nodes


@pytest.fixture
def plan():
    return make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=1)


def test_the_add_under_form_stops_at_the_maximum_depth(client, plan, settings):
    settings.MAX_PLAN_DEPTH = 8
    client.force_login(make_member(plan.territory, Role.EDITOR))
    deepest = chain(plan, 8)[-1]
    url = reverse("plans:node_add", args=[plan.territory.slug, deepest.pk])
    response = client.post(url, {"kind": "action", "title": "Une de trop"}, follow=True)
    assert "plus de 8 niveaux" in response.content.decode()
    assert not PlanNode.objects.filter(title="Une de trop").exists()


@pytest.mark.parametrize("depth", [25])
def test_pages_and_api_render_a_plan_at_the_highest_allowed_depth(client, plan, settings, depth):
    """25 is the ceiling FAISSE_MAX_PLAN_DEPTH accepts: every page still renders."""
    settings.MAX_PLAN_DEPTH = depth
    nodes = chain(plan, depth)
    slug = plan.territory.slug
    client.force_login(make_member(plan.territory, Role.EDITOR))
    pages = [
        reverse("portal:plan", args=[slug]),
        nodes[-1].get_absolute_url(),
        nodes[4].get_absolute_url(),
        nodes[0].get_absolute_url(),
        reverse("plans:structure", args=[slug]),
        reverse("plans:node_edit", args=[slug, nodes[-1].pk]),
        f"/api/v1/territories/{slug}/plan",
        f"/api/v1/territories/{slug}/nodes/{nodes[-1].pk}",
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page
    assert "Niveau 25" in client.get(reverse("portal:plan", args=[slug])).content.decode()


def test_a_plan_deeper_than_the_limit_still_renders(client, plan, settings):
    """A plan nested deeper before the limit existed: its pages answer, cut at the limit."""
    settings.MAX_PLAN_DEPTH = 25
    nodes = chain(plan, 120)
    tree = PlanTree.load(plan)
    assert tree.too_deep
    for page in (reverse("portal:plan", args=[plan.territory.slug]), nodes[10].get_absolute_url()):
        assert client.get(page).status_code == 200
    assert client.get(f"/api/v1/territories/{plan.territory.slug}/plan").status_code == 200


def test_moving_a_subtree_under_a_deep_node_is_refused(plan, settings):
    settings.MAX_PLAN_DEPTH = 8
    nodes = chain(plan, 7)
    sub = chain(plan, 7)  # a second axis with its own chain of 7 levels
    with pytest.raises(EditError, match="plus de 8 niveaux"):
        move_under(sub[4], nodes[5])  # 6 + 3 levels
    sub[4].refresh_from_db()
    assert sub[4].parent_id == sub[3].pk
    move_under(sub[6], nodes[6])  # 7 + 1: fits
    assert PlanTree.load(plan, drafts=True).too_deep is False


def test_no_element_beyond_the_plan_maximum(plan, settings):
    settings.MAX_PLAN_NODES = PlanNode.objects.filter(plan=plan).count() + 1
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    add_node(plan, axis, "orientation", "La dernière place")
    with pytest.raises(EditError, match="le plus qu’il puisse en avoir"):
        add_node(plan, axis, "orientation", "Une de trop")


@pytest.mark.parametrize(
    ("title", "number", "message"),
    [
        ("x" * 1001, "", "1\xa0000 au plus"),
        ("Titre", "1" * 25, "au plus 20 caractères"),
        ("Avec \x00 nul", "", "Caractère nul"),
        ("Avec \x1b échappement", "", r"U\+001B"),
    ],
)
def test_a_new_element_with_a_bad_text_is_refused(plan, title, number, message):
    axis = PlanNode.objects.filter(plan=plan, kind="axis").first()
    count = PlanNode.objects.count()
    with pytest.raises(EditError, match=message):
        add_node(plan, axis, "orientation", title, number)
    assert PlanNode.objects.count() == count
