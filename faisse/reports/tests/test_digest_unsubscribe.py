"""The digest's opt-out: a signed link, no sign-in; the page asks with one button, the post
(from the page or a mail program's unsubscribe button) stops the e-mail, and can undo it."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.reports.digest import unsubscribe_token
from faisse.reports.models import DigestSubscription
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pilot():
    territory = make_territory("Agglo des Faïsses")
    return territory, make_member(territory, Role.PILOT)


def link(territory, person) -> str:
    token = unsubscribe_token(person, territory)
    return reverse("digest:unsubscribe", args=[territory.slug, token])


def test_opening_the_link_asks_with_one_button_and_changes_nothing(client, pilot):
    territory, person = pilot
    html = client.get(link(territory, person)).content.decode()
    assert "Ne plus recevoir ce courriel" in html
    assert not DigestSubscription.objects.exists()


def test_the_post_stops_the_email_without_signing_in_and_can_be_undone(client, pilot):
    territory, person = pilot
    response = client.post(link(territory, person))
    assert response.status_code == 200
    assert "vous ne recevrez plus le courriel hebdomadaire de suivi d’Agglo des Faïsses" in (
        response.content.decode()
    )
    assert DigestSubscription.objects.get(user=person, territory=territory).enabled is False
    undone = client.post(link(territory, person), {"do": "reabonner"})
    assert "Vous recevrez de nouveau" in undone.content.decode()
    assert DigestSubscription.objects.get(user=person).enabled is True


def test_a_mail_programs_one_click_post_needs_no_csrf_token(pilot):
    from django.test import Client

    territory, person = pilot
    client = Client(enforce_csrf_checks=True)
    response = client.post(link(territory, person), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert DigestSubscription.objects.get(user=person).enabled is False


@pytest.mark.parametrize("case", ["altered", "another territory", "erased account"])
def test_a_link_that_is_not_valid_here_says_so_and_changes_nothing(client, pilot, case):
    territory, person = pilot
    url = link(territory, person)
    if case == "altered":
        url = url.replace(":", ":x", 1)
    elif case == "another territory":
        elsewhere = make_territory()
        url = reverse(
            "digest:unsubscribe", args=[elsewhere.slug, unsubscribe_token(person, territory)]
        )
    else:
        person.erased_at = "2026-01-01T00:00:00Z"
        person.save()
    response = client.post(url)
    assert response.status_code == 200
    assert "Ce lien de désabonnement n’est pas valide" in response.content.decode()
    assert not DigestSubscription.objects.exists()


def test_an_unknown_territory_is_not_found(client, pilot):
    territory, person = pilot
    token = unsubscribe_token(person, territory)
    assert client.get(reverse("digest:unsubscribe", args=["nulle-part", token])).status_code == 404
