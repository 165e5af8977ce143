"""Editor pages for commune links: permissions, decisions, additions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.locations.detection import apply_detection, detect
from faisse.locations.models import CommuneLink
from faisse.plans.testing import make_plan
from faisse.territories.models import Commune
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
Origin = CommuneLink.Origin


@pytest.fixture
def located(ales_plan):
    apply_detection(detect(ales_plan))
    return ales_plan


@pytest.fixture
def staff_client(client, located):
    """An editor of the territory."""
    client.force_login(make_member(located.territory, Role.EDITOR))
    return client


def review_url(plan):
    return reverse("locations:review", args=[plan.territory.slug])


def test_anonymous_is_sent_to_login_and_non_editors_are_refused(client, located):
    response = client.get(review_url(located))
    assert response.status_code == 302 and "/connexion/" in response["Location"]
    for user in (
        make_member(located.territory, Role.ELECTED),
        make_member(located.territory, Role.PILOT),
        make_member(located.territory, Role.PARTNER),
        make_member(make_territory(), Role.ADMIN),  # admin of another territory
    ):
        client.force_login(user)
        assert client.get(review_url(located)).status_code == 403
    link = CommuneLink.objects.first()
    url = reverse("locations:change", args=[located.territory.slug, link.pk])
    assert client.post(url, {"action": "reject"}).status_code == 403
    link.refresh_from_db()
    assert link.origin == Origin.DETECTED


def test_review_lists_links_with_evidence_and_places_outside(staff_client, located):
    html = staff_client.get(review_url(located)).content.decode()
    assert "« Anduze »" in html and "Détecté" in html
    assert "Lieux hors du territoire" in html and "Bagnols-sur-Cèze" in html


def test_confirm_reject_restore(staff_client, located):
    link = CommuneLink.objects.get(commune__name="Anduze")
    url = reverse("locations:change", args=[located.territory.slug, link.pk])
    for action, origin in (
        ("confirm", Origin.CONFIRMED),
        ("reject", Origin.REJECTED),
        ("restore", Origin.CONFIRMED),
    ):
        response = staff_client.post(url, {"action": action})
        assert response.status_code == 302
        link.refresh_from_db()
        assert link.origin == origin


def test_an_impossible_decision_is_explained_and_changes_nothing(staff_client, located):
    link = CommuneLink.objects.get(commune__name="Anduze")
    url = reverse("locations:change", args=[located.territory.slug, link.pk])
    response = staff_client.post(url, {"action": "restore"}, follow=True)
    assert "impossible de le rétablir" in response.content.decode()
    response = staff_client.post(url, {"action": "effacer"}, follow=True)
    assert "Action inconnue" in response.content.decode()
    link.refresh_from_db()
    assert link.origin == Origin.DETECTED


def test_add_and_remove_a_link_by_hand(staff_client, located):
    node = located.nodes.get(source_line=583)
    aujac = Commune.objects.get(territory=located.territory, name="Aujac")
    url = reverse("locations:add", args=[located.territory.slug, node.pk])
    assert staff_client.post(url, {"commune": aujac.pk}).status_code == 302
    link = CommuneLink.objects.get(node=node, commune=aujac)
    assert link.origin == Origin.MANUAL
    response = staff_client.post(url, {"commune": aujac.pk}, follow=True)
    assert "déjà liée" in response.content.decode()
    change = reverse("locations:change", args=[located.territory.slug, link.pk])
    staff_client.post(change, {"action": "remove", "back": "node"})
    assert not CommuneLink.objects.filter(pk=link.pk).exists()


@pytest.mark.parametrize("value", ["", "abc", "999999", "1 OR 1=1"])
def test_adding_something_that_is_not_a_commune_of_the_territory_is_refused(
    staff_client, located, value
):
    node = located.nodes.get(source_line=583)
    url = reverse("locations:add", args=[located.territory.slug, node.pk])
    response = staff_client.post(url, {"commune": value}, follow=True)
    assert "Choisissez une commune du territoire" in response.content.decode()
    assert not CommuneLink.objects.filter(node=node).exists()


def test_another_territory_s_commune_or_node_is_not_reachable(staff_client, located):
    other = make_territory()
    other_plan = make_plan(other)
    other_commune = Commune.objects.filter(territory=other).first()
    node = located.nodes.get(source_line=583)
    url = reverse("locations:add", args=[located.territory.slug, node.pk])
    staff_client.post(url, {"commune": other_commune.pk})
    assert not CommuneLink.objects.filter(node=node).exists()
    other_node = other_plan.nodes.first()
    assert (
        staff_client.get(
            reverse("locations:node", args=[located.territory.slug, other_node.pk])
        ).status_code
        == 404
    )
    link = CommuneLink.objects.first()
    # An editor of Alès has no rights in the other territory.
    assert (
        staff_client.post(
            reverse("locations:change", args=[other.slug, link.pk]), {"action": "reject"}
        ).status_code
        == 403
    )
    link.refresh_from_db()
    assert link.origin == Origin.DETECTED


def test_decisions_need_post(staff_client, located):
    link = CommuneLink.objects.first()
    url = reverse("locations:change", args=[located.territory.slug, link.pk])
    assert staff_client.get(url).status_code == 405


def test_review_page_queries_do_not_grow_with_links(staff_client, located):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(review_url(located)).status_code == 200
        return len(queries)

    before = count()
    node = located.nodes.get(source_line=583)
    for commune in Commune.objects.filter(territory=located.territory)[:20]:
        CommuneLink.objects.get_or_create(
            node=node,
            commune=commune,
            defaults={"territory": located.territory, "plan": located, "origin": Origin.MANUAL},
        )
    assert count() == before
