"""/<slug>/gestion/historique/: the territory's activity log, for editors."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.tests.conftest import edit
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def url(territory):
    return reverse("history:activity", args=[territory.slug])


def test_anonymous_people_are_sent_to_the_login_page(client, plan):
    response = client.get(url(plan.territory))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_only_editors_and_admins_of_the_territory_see_it(client, plan, outsiders):
    for person in outsiders.values():
        client.force_login(person)
        assert client.get(url(plan.territory)).status_code == 403
    for role in (Role.EDITOR, Role.ADMIN):
        client.force_login(make_member(plan.territory, role))
        assert client.get(url(plan.territory)).status_code == 200


def test_it_says_who_when_what_and_links_to_the_element(client, action, editor):
    editor.first_name, editor.last_name = "Élise", "Éditrice"
    editor.save()
    edit(action, editor, title="Intitulé du jour", follow_up="Démarrée")
    client.force_login(editor)
    html = client.get(url(action.territory)).content.decode()
    assert "Élise Éditrice" in html
    assert "Intitulé du jour" in html and "Note de suivi" in html and "Démarrée" in html
    assert action.get_absolute_url() in html
    assert reverse("history:node", args=[action.territory.slug, action.pk]) in html


def test_it_never_shows_another_territory(client, plan, action, editor):
    other = make_plan(make_territory("Voisine"), axes=1).nodes.filter(kind="action").first()
    edit(other, None, title="Confidentiel voisin")
    edit(action, editor, title="Chez nous")
    client.force_login(editor)
    html = client.get(url(plan.territory)).content.decode()
    assert "Chez nous" in html and "Confidentiel voisin" not in html


def test_it_is_paginated(client, plan, action, editor):
    for n in range(60):
        edit(action, editor, title=f"Titre {n}")
    client.force_login(editor)
    first = client.get(url(plan.territory)).content.decode()
    assert "Titre 59" in first and 'rel="next"' in first
    second = client.get(url(plan.territory), {"page": 2}).content.decode()
    assert "Titre 59" not in second and 'rel="prev"' in second


def test_its_queries_do_not_grow_with_the_changes(client, plan, editor):
    """A full page of changes of every kind, then twice as many changes."""
    actions = list(plan.nodes.filter(kind="action"))
    client.force_login(editor)

    def add_changes(count):
        for n in range(count):
            edit(actions[n % len(actions)], editor, title=f"Titre {n}")
            challenge = plan.challenges.get()
            challenge.title = f"Défi {n}"
            challenge.save()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(plan.territory)).status_code == 200
        return len(captured)

    add_changes(30)
    few = queries()
    add_changes(60)
    assert queries() == few


def test_get_only(client, plan, editor):
    client.force_login(editor)
    assert client.post(url(plan.territory)).status_code == 405
