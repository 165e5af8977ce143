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
    assert "<mark>Anduze</mark>" in html and "à vérifier" in html
    assert "(ligne " not in html  # import jargon
    assert "Lieux hors du territoire" in html and "Bagnols-sur-Cèze" in html


def test_the_words_found_are_shown_in_their_sentence(staff_client, located):
    """ "Alès" the town and "Alès Audace" the motto: the sentence tells them apart."""
    html = staff_client.get(review_url(located)).content.decode()
    link = CommuneLink.objects.filter(commune__name="Anduze").first()
    row = html.split(f'id="l-{link.pk}"')[1].split("</tr>")[0]
    before, after = row.split("<mark>Anduze</mark>")
    assert before.rstrip().endswith(link.node.title.split("Anduze")[0].strip()[-20:])


def test_rows_stay_put_after_a_decision_which_can_be_undone(staff_client, located):
    """The probe: after "Confirmer" the row jumped to the top, so the next click on
    "Écarter" hit the link just confirmed."""

    def row_ids():
        html = staff_client.get(review_url(located)).content.decode()
        return [part.split('"')[0] for part in html.split('<tr id="l-')[1:]]

    before = row_ids()
    link = CommuneLink.objects.get(pk=int(before[3]))
    url = reverse("locations:change", args=[located.territory.slug, link.pk])
    response = staff_client.post(url, {"action": "confirm"})
    assert response["Location"].endswith(f"#l-{link.pk}")
    page = staff_client.get(response["Location"]).content.decode()
    assert f"{link.commune.name} confirmée pour" in page
    assert row_ids() == before
    assert "Annuler la confirmation" in page.split(f'id="l-{link.pk}"')[1].split("</tr>")[0]
    staff_client.post(url, {"action": "undo"})
    link.refresh_from_db()
    assert link.origin == Origin.DETECTED and row_ids() == before


def test_ticked_links_are_confirmed_at_once_and_only_those_to_check(staff_client, located):
    detected = list(CommuneLink.objects.filter(origin=Origin.DETECTED).order_by("pk")[:3])
    rejected = detected[2]
    rejected.origin = Origin.REJECTED
    rejected.save()
    response = staff_client.post(
        review_url(located), {"liens": [link.pk for link in detected] + ["x", "999999"]}
    )
    assert response.status_code == 302
    origins = [CommuneLink.objects.get(pk=link.pk).origin for link in detected]
    assert origins == [Origin.CONFIRMED, Origin.CONFIRMED, Origin.REJECTED]
    assert "2 liens confirmés." in staff_client.get(response["Location"]).content.decode()
    assert (
        "Cochez les liens" in staff_client.post(review_url(located), follow=True).content.decode()
    )


def test_the_filter_shows_one_state(staff_client, located):
    link = CommuneLink.objects.filter(origin=Origin.DETECTED).first()
    link.origin = Origin.REJECTED
    link.save()
    html = staff_client.get(review_url(located), {"etat": "ecartes"}).content.decode()
    assert html.count('<tr id="l-') == 1 and f'id="l-{link.pk}"' in html


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
