"""The structure page and the move picker, as an editor uses them: folded levels with a
filter, moves that keep the keyboard's place and say what happened, and a tree of the
only places that may take a node."""

import re

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


def structure(client, plan, **query):
    url = reverse("plans:structure", args=[plan.territory.slug])
    return client.get(url, query).content.decode()


@pytest.fixture
def editor(client, plan):
    user = make_member(plan.territory, Role.EDITOR)
    client.force_login(user)
    return user


def test_for_editors_only(client, plan):
    client.force_login(make_member(plan.territory, Role.ELECTED))
    assert client.get(reverse("plans:structure", args=[plan.territory.slug])).status_code == 403


def test_levels_are_folded_at_first_view_and_each_says_what_it_holds(client, plan, editor):
    html = structure(client, plan)
    assert (
        html.count('<details class="tree__children"') == plan.nodes.exclude(kind="action").count()
    )
    assert '<details class="tree__children" open' not in html
    assert "2 orientations, 4 objectifs, 12 actions" in html  # under each axis
    assert "Ajouter un axe" in html.split('<ul class="tree"')[0]  # at the top, not the bottom
    unfolded = structure(client, plan, deplier="1")
    assert unfolded.count('<details class="tree__children" open') == html.count(
        '<details class="tree__children"'
    )


def test_the_filter_keeps_what_matches_and_opens_the_way_to_it(client, plan, editor):
    target = plan.nodes.filter(kind="action").order_by("pk").last()
    PlanNode.objects.filter(pk=target.pk).update(title="Créer une maison de santé")
    html = structure(client, plan, q="maison de SANTE")
    assert "1 élément correspond à la recherche." in html
    assert "Créer une maison de santé" in html
    assert html.count('name="direction" value="up"') == 4  # axis, orientation, objective, it
    drafts = structure(client, plan, etat="brouillon")
    assert "Aucun élément ne correspond" in drafts


def test_a_move_says_what_happened_and_keeps_the_keyboard_on_the_element(client, plan, editor):
    objective = plan.nodes.filter(kind="objective").order_by("pk").first()
    first, second, third = objective.children.order_by("position")
    url = reverse("plans:node_move", args=[plan.territory.slug, third.pk])
    response = client.post(url, {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?ouvert={third.pk}&focus=up")
    html = client.get(response["Location"]).content.decode()
    assert "« Action 3 » est monté d’un rang." in html
    line = html.split(f'id="n-{third.pk}"')[1].split("</li>")[0]
    assert re.search(r'value="up"\s+autofocus', line)  # the keyboard stays on ↑
    assert html.count('<details class="tree__children" open') == 3  # its path is open
    assert list(objective.children.order_by("position")) == [first, third, second]
    client.post(
        reverse("plans:node_move", args=[plan.territory.slug, first.pk]), {"direction": "up"}
    )
    top = client.get(f"{reverse('plans:structure', args=[plan.territory.slug])}?ouvert={first.pk}")
    assert "est déjà le premier à son niveau" in top.content.decode()


def test_the_picker_offers_only_the_places_that_may_take_the_node(client, plan, editor):
    action = plan.nodes.filter(kind="action").order_by("pk").first()
    url = reverse("plans:node_move", args=[plan.territory.slug, action.pk])
    html = client.get(url).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="parent" value="(\d+)"', html)}
    objectives = set(plan.nodes.filter(kind="objective").values_list("pk", flat=True))
    above = set(plan.nodes.filter(kind__in=["axis", "orientation"]).values_list("pk", flat=True))
    assert offered == objectives | above  # no action (nor itself): no sub-action unasked
    assert "emplacement actuel" in html
    assert 'name="parent" value=""' not in html  # an action cannot become an axis
    with_actions = client.get(url, {"sous_action": "1"}).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="parent" value="(\d+)"', with_actions)}
    assert action.pk not in offered and len(offered) == len(objectives) + len(above) + 23


def test_the_picker_searches_and_moves(client, plan, editor):
    action = plan.nodes.filter(kind="action").order_by("pk").first()
    target = plan.nodes.filter(kind="objective").order_by("pk").last()
    PlanNode.objects.filter(pk=target.pk).update(title="Mobilités douces")
    url = reverse("plans:node_move", args=[plan.territory.slug, action.pk])
    html = client.get(url, {"q": "mobilites"}).content.decode()
    assert re.findall(r'name="parent" value="(\d+)"', html) == [str(target.pk)]
    assert "Axe 2 : Axe 2 ›" in html  # the path of the place
    response = client.post(url, {"parent": target.pk})
    assert response["Location"].endswith(f"?ouvert={action.pk}&focus=move")
    action.refresh_from_db()
    assert action.parent_id == target.pk
    page = client.get(response["Location"]).content.decode()
    assert (
        "« Action 1 » est désormais sous « Objectif Mobilités douces »."
        in page.replace("&#x27;", "'")
        or "est désormais sous" in page
    )


def test_the_structure_page_is_short_for_the_alès_plan_at_first_view(client, ales_plan):
    """160 elements: folded, the page lists three axes, not 160 rows with 666 tab stops."""
    client.force_login(make_member(ales_plan.territory, Role.EDITOR))
    html = client.get(reverse("plans:structure", args=[ales_plan.territory.slug])).content
    html = html.decode()
    assert html.count('<details class="tree__children" open') == 0
    top_level = html.split('<ul class="tree"')[1]
    assert top_level.count('class="tree__item"') == ales_plan.nodes.count()  # all there…
    assert html.count("<summary>") >= 3  # …folded under their axes
