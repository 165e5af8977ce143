"""Unknown or foreign addresses answer 404, never 500 nor another territory's data; a
page one may not open answers a French 403 with a way back."""

import pytest
from django.urls import reverse
from django.views.defaults import server_error

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(plan):
    return PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).first()


def test_unknown_slug(client):
    response = client.get("/inconnu/")
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in response.content.decode()
    assert client.get("/inconnu/plan/").status_code == 404
    assert client.get("/inconnu/plan/actions/1/").status_code == 404


def test_unknown_segment(client, action, territory):
    url = reverse("portal:node", args=[territory.slug, "fiches", action.pk])
    assert client.get(url).status_code == 404


def test_segment_of_another_kind(client, action, territory):
    for segment in ("axes", "orientations", "objectifs", "ensembles"):
        url = reverse("portal:node", args=[territory.slug, segment, action.pk])
        assert client.get(url).status_code == 404, segment


def test_unknown_node(client, territory, plan):
    url = reverse("portal:node", args=[territory.slug, "actions", 999_999])
    assert client.get(url).status_code == 404


def test_node_of_another_territory(client, action, territory):
    other = make_territory("Voisins")
    make_plan(other)
    assert client.get(action.url_for(other.slug)).status_code == 404
    assert client.get(action.url_for(territory.slug)).status_code == 200


def test_server_error_page_is_french_and_standalone(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "<h1>Une erreur est survenue</h1>" in response.content.decode()


def test_forbidden_page_is_french_with_a_way_back(client, territory):
    client.force_login(make_member(territory, Role.PARTNER))
    response = client.get(f"/{territory.slug}/gestion/plan/")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="fr"' in html and "Vous n’avez pas accès à cette page" in html
    assert 'href="/compte/"' in html and 'href="/"' in html
