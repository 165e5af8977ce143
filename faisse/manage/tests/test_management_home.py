"""The management space (/<slug>/gestion/): each person finds the tools they may use."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Invitation, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


def page(client, user, territory):
    client.force_login(user)
    return client.get(reverse("manage:home", args=[territory.slug]))


def test_a_pilot_sees_the_actions_they_pilot_and_nothing_else(client, territory, plan):
    pilot = make_member(territory, Role.PILOT)
    mine, other = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")[:2]
    mine.pilots.add(pilot)
    html = page(client, pilot, territory).content.decode()
    assert reverse("plans:node_edit", args=[territory.slug, mine.pk]) in html
    assert reverse("plans:node_edit", args=[territory.slug, other.pk]) not in html
    assert reverse("plans:structure", args=[territory.slug]) not in html
    assert reverse("members:list", args=[territory.slug]) not in html


def test_a_pilot_without_actions_is_told_how_they_get_some(client, territory, plan):
    html = page(client, make_member(territory, Role.PILOT), territory).content.decode()
    assert "Aucune action ne vous est confiée" in html


def test_an_editor_sees_the_plan_tools_with_what_waits(client, territory, plan):
    drafts = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")[:3])
    for node in drafts:
        node.is_published = False
        node.save()
    html = page(client, make_member(territory, Role.EDITOR), territory).content.decode()
    for name in ("plans:structure", "locations:review", "plans:similar_actions"):
        assert reverse(name, args=[territory.slug]) in html
    assert reverse("history:activity", args=[territory.slug]) in html
    assert "3 éléments en brouillon" in html
    assert reverse("members:list", args=[territory.slug]) not in html


def test_an_administrator_also_manages_people(client, territory, plan):
    Invitation.create(territory, "nouvelle@example.org", Role.PARTNER)
    html = page(client, make_member(territory, Role.ADMIN), territory).content.decode()
    assert reverse("members:list", args=[territory.slug]) in html
    assert "1 invitation en attente" in html


@pytest.mark.parametrize("role", [Role.ELECTED, Role.PARTNER])
def test_readers_have_no_management_space_nor_its_link(client, territory, plan, role):
    user = make_member(territory, role)
    assert page(client, user, territory).status_code == 403
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert reverse("manage:home", args=[territory.slug]) not in home


def test_the_menu_shows_the_management_space_to_those_who_have_one(client, territory, plan):
    client.force_login(make_member(territory, Role.EDITOR))
    home = client.get(reverse("portal:territory", args=[territory.slug])).content.decode()
    assert reverse("manage:home", args=[territory.slug]) in home


def test_query_count_does_not_grow_with_the_actions_piloted(client, territory, plan):
    admin = make_member(territory, Role.ADMIN)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    url = reverse("manage:home", args=[territory.slug])
    client.force_login(admin)
    counts = []
    for piloted in (actions[:1], actions):
        for action in piloted:
            action.pilots.add(admin)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert len(actions) > 5
    assert counts[0] == counts[1]


def test_an_editor_is_given_the_untitled_elements_as_tasks(client, territory, plan):
    """The public reads an untitled axis as "Axe 2" only; editors get it as a task."""
    axis = PlanNode.objects.filter(plan=plan, kind="axis").order_by("pk").last()
    PlanNode.objects.filter(pk=axis.pk).update(title="")
    html = page(client, make_member(territory, Role.EDITOR), territory).content.decode()
    assert "À compléter" in html and "Donner un intitulé à « Axe 2 »" in html
    assert reverse("plans:node_edit", args=[territory.slug, axis.pk]) in html
    pilot_html = page(client, make_member(territory, Role.PILOT), territory).content.decode()
    assert "À compléter" not in pilot_html
