"""Registering without an account to a public meeting: name and address, a link by
e-mail, nothing stored before it is opened; the page never tells who is registered;
requests are limited per address and per IP address; the e-mail's second link cancels."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from faisse.meetings.models import Meeting, Registration
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting
from faisse.meetings.throttle import REQUESTS_PER_HOUR
from faisse.meetings.tokens import confirmation_token

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://testserver(/\S+)")


@pytest.fixture
def meeting(territory):
    return make_meeting(territory, registration_enabled=True, capacity=1)


def ask(client, meeting, email="camille@example.org", name="Camille Habitante", ip="192.0.2.1"):
    url = reverse("meetings:register", args=[meeting.territory.slug, meeting.pk])
    return client.post(url, {"name": name, "email": email}, REMOTE_ADDR=ip, follow=True)


def links(message) -> list[str]:
    return LINK.findall(message.body)


def test_asking_stores_nothing_and_sends_the_confirmation_link(client, meeting):
    page = ask(client, meeting).content.decode()
    assert "Un e-mail vient de partir à camille@example.org" in page
    assert not Registration.objects.exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["camille@example.org"]
    assert "Confirmez votre inscription" in message.subject
    confirm, cancel = links(message)
    assert "/confirmer/" in confirm and "/annuler/" in cancel


def test_opening_the_link_changes_nothing_and_its_button_registers(client, meeting):
    ask(client, meeting)
    confirm, cancel = links(mail.outbox[0])
    page = client.get(confirm).content.decode()
    assert "Confirmer mon inscription" in page
    assert not Registration.objects.exists()
    page = client.post(confirm).content.decode()
    assert "Vous êtes inscrit·e" in page
    registration = Registration.objects.get()
    assert (registration.name, registration.email, registration.user) == (
        "Camille Habitante",
        "camille@example.org",
        None,
    )
    assert client.post(confirm).status_code == 200  # twice: still one registration
    assert Registration.objects.count() == 1
    page = client.post(cancel).content.decode()
    assert "Votre inscription est annulée" in page
    assert not Registration.objects.exists()


def test_the_page_answers_alike_whether_the_address_is_registered_or_not(client, meeting):
    """Someone typing a neighbour's address learns nothing: same answer, same count of
    places, and only the neighbour's inbox hears of it."""
    register(meeting, name="Voisin", email="voisin@example.org")
    detail = reverse("meetings:detail", args=[meeting.territory.slug, meeting.pk])
    before = client.get(detail).content.decode()
    known = ask(client, meeting, email="voisin@example.org", ip="192.0.2.7")
    unknown = ask(client, meeting, email="inconnu@example.org", ip="192.0.2.7")
    for response, address in ((known, "voisin@example.org"), (unknown, "inconnu@example.org")):
        text = response.content.decode().replace(address, "ADRESSE")
        assert "Un e-mail vient de partir à ADRESSE" in text
        assert "Voisin" not in text
    assert "Complet : liste d’attente" in before
    assert "Complet : liste d’attente" in client.get(detail).content.decode()
    assert Registration.objects.count() == 1


def test_the_confirmation_link_of_another_meeting_or_tampered_is_refused(client, meeting):
    other = make_meeting(meeting.territory, registration_enabled=True)
    token = confirmation_token(other, "Camille", "camille@example.org")
    url = reverse("meetings:confirm", args=[meeting.territory.slug, meeting.pk, token])
    for address in (url, url.replace("/confirmer/", "/confirmer/x")):
        page = client.post(address).content.decode()
        assert "Ce lien ne marche pas ou plus" in page
    assert not Registration.objects.exists()


def test_a_second_request_for_the_same_address_waits(client, meeting):
    ask(client, meeting, ip="192.0.2.1")
    response = ask(client, meeting, ip="192.0.2.2")
    assert response.status_code == 429
    assert "Un lien a déjà été envoyé à camille@example.org" in response.content.decode()
    assert len(mail.outbox) == 1


def test_one_ip_address_cannot_send_to_many_addresses(client, meeting):
    for n in range(REQUESTS_PER_HOUR):
        assert ask(client, meeting, email=f"p{n}@example.org").status_code == 200
    response = ask(client, meeting, email="one-more@example.org")
    assert response.status_code == 429
    assert "Trop de demandes d’inscription" in response.content.decode()
    assert len(mail.outbox) == REQUESTS_PER_HOUR
    assert ask(client, meeting, email="elsewhere@example.org", ip="198.51.100.9").status_code == 200


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"name": "", "email": "a@example.org"}, "name", "Ce champ est obligatoire"),
        ({"name": "Ana", "email": "pas-une-adresse"}, "email", "adresse de courriel valide"),
        ({"name": "A\x00na", "email": "a@example.org"}, "name", "caractère nul"),
    ],
)
def test_a_bad_form_says_which_field_and_sends_nothing(client, meeting, data, field, message):
    url = reverse("meetings:register", args=[meeting.territory.slug, meeting.pk])
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert f'id="id_{field}_error"' in response.content.decode()
    assert mail.outbox == [] and not Registration.objects.exists()


def test_meetings_for_members_take_no_registration_by_address(client, territory):
    meeting = make_meeting(territory, audience=Meeting.Audience.MEMBERS, registration_enabled=True)
    assert ask(client, meeting).status_code == 404
    assert mail.outbox == []


def test_the_cancel_link_only_cancels_its_own_registration(client, meeting):
    from faisse.meetings.tokens import cancel_token

    register(meeting, name="Camille", email="camille@example.org")
    register(meeting, name="Dominique", email="dominique@example.org")
    token = cancel_token(meeting, "personne@example.org")
    url = reverse("meetings:cancel_link", args=[meeting.territory.slug, meeting.pk, token])
    page = client.post(url).content.decode()
    assert "Aucune inscription ne correspond à ce lien" in page
    assert Registration.objects.count() == 2
