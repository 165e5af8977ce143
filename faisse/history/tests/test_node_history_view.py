"""/<slug>/gestion/historique/elements/<pk>/: the versions of one element, for editors."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.history.tests.conftest import edit
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def url(node):
    return reverse("history:node", args=[node.territory.slug, node.pk])


def test_anonymous_people_are_sent_to_the_login_page(client, action):
    response = client.get(url(action))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_only_editors_and_admins_of_the_territory_see_it(client, action, outsiders):
    for person in outsiders.values():
        client.force_login(person)
        assert client.get(url(action)).status_code == 403
    for role in (Role.EDITOR, Role.ADMIN):
        client.force_login(make_member(action.territory, role))
        assert client.get(url(action)).status_code == 200


def test_a_node_of_another_territory_is_not_found(client, action, editor):
    other = make_plan(make_territory("Voisine"), axes=1).nodes.filter(kind="action").first()
    client.force_login(editor)
    wrong = reverse("history:node", args=[action.territory.slug, other.pk])
    assert client.get(wrong).status_code == 404


def test_it_shows_field_diffs_and_a_restore_button_per_older_version(client, action, editor):
    old_title = action.title
    edit(action, editor, title="Titre revu", description="Texte ajouté")
    client.force_login(editor)
    html = client.get(url(action)).content.decode()
    assert "Intitulé" in html and old_title in html and "Titre revu" in html
    assert "Description" in html and "Texte ajouté" in html
    # The current version cannot be restored; the one before can, once.
    assert html.count("Restaurer cette version") == 1
    older = PlanNode.history.filter(id=action.pk).order_by("history_id").first()
    assert f'name="history_id" value="{older.history_id}"' in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="version" value="2"' in html


def test_get_only(client, action, editor):
    client.force_login(editor)
    assert client.post(url(action)).status_code == 405
