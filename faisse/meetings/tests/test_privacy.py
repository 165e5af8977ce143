"""Registrations are personal data: shown and downloaded in "my data" (those made without
an account with the person's address too), erased with the account, the place freed
going to the first person waiting."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from faisse.accounts.privacy import erase_account
from faisse.meetings.models import Registration
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting, paris

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(territory, people):
    elected = people["elected"]
    upcoming = make_meeting(
        territory, title="Atelier à venir", registration_enabled=True, capacity=1
    )
    register(upcoming, user=elected)
    register(upcoming, user=people["partner"])  # waits
    past = make_meeting(territory, title="Atelier passé", starts_at=paris(2018, 5, 23))
    Registration.objects.create(
        territory=territory, meeting=past, user=elected, status=Registration.Status.REGISTERED
    )
    public = make_meeting(territory, title="Réunion publique", registration_enabled=True)
    register(public, name="Émile", email="ELECTED@example.org")
    return elected, upcoming, past, public


def test_my_data_lists_and_downloads_the_registrations(client, registered):
    elected = registered[0]
    client.force_login(elected)
    assert (
        "3 inscriptions à des réunions" in client.get(reverse("accounts:my_data")).content.decode()
    )
    data = json.loads(client.get(reverse("accounts:my_data_download")).content)
    rows = data["meeting_registrations"]
    assert sorted(row["meeting"] for row in rows) == [
        "Atelier passé",
        "Atelier à venir",
        "Réunion publique",
    ]
    by_address = next(row for row in rows if row["meeting"] == "Réunion publique")
    assert (by_address["name"], by_address["email"]) == ("Émile", "elected@example.org")


def test_erasing_the_account_erases_them_and_promotes_the_next(
    registered, people, django_capture_on_commit_callbacks
):
    elected, upcoming, past, public = registered
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(elected)
    assert not Registration.objects.filter(user=elected).exists()
    assert not Registration.objects.filter(email="elected@example.org").exists()
    assert upcoming.registrations.get().user == people["partner"]
    assert upcoming.registrations.get().status == Registration.Status.REGISTERED
    assert [message.to for message in mail.outbox] == [["partner@example.org"]]
