"""Registering with an account: places, the waiting list, the first person waiting
promoted (and told by one e-mail) when someone cancels; nothing once the meeting started;
concurrent registrations never overfill a meeting."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.meetings.models import Registration
from faisse.meetings.registering import (
    RegistrationRefused,
    cancel,
    cancel_member,
    capacity_changed,
    register,
)
from faisse.meetings.testing import make_meeting
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
REGISTERED, WAITING = Registration.Status.REGISTERED, Registration.Status.WAITING


@pytest.fixture
def elus(territory):
    return [make_member(territory, Role.ELECTED, f"elu{i}@example.org") for i in range(4)]


def test_places_fill_then_the_waiting_list_in_order(territory, elus):
    meeting = make_meeting(territory, registration_enabled=True, capacity=2)
    statuses = [register(meeting, user=elu).registration.status for elu in elus]
    assert statuses == [REGISTERED, REGISTERED, WAITING, WAITING]
    assert meeting.remaining_places() == 0


def test_registering_twice_keeps_the_first_registration(territory, elus):
    meeting = make_meeting(territory, registration_enabled=True, capacity=1)
    first = register(meeting, user=elus[0])
    again = register(meeting, user=elus[0])
    assert first.created and not again.created
    assert again.registration.pk == first.registration.pk
    assert meeting.registrations.count() == 1


def test_a_cancellation_promotes_the_first_waiting_and_mails_them_once(
    territory, elus, django_capture_on_commit_callbacks
):
    meeting = make_meeting(territory, registration_enabled=True, capacity=2)
    for elu in elus:
        register(meeting, user=elu)
    with django_capture_on_commit_callbacks(execute=True):
        assert cancel_member(meeting, elus[0], "https://faisse.example")
    assert dict(meeting.registrations.values_list("user__email", "status")) == {
        "elu1@example.org": REGISTERED,
        "elu2@example.org": REGISTERED,  # the first who waited
        "elu3@example.org": WAITING,
    }
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["elu2@example.org"]
    assert "Une place s’est libérée" in message.subject
    assert f"https://faisse.example/{territory.slug}/reunions/{meeting.pk}/" in message.body


def test_a_waiting_person_who_leaves_promotes_nobody(
    territory, elus, django_capture_on_commit_callbacks
):
    meeting = make_meeting(territory, registration_enabled=True, capacity=1)
    for elu in elus[:3]:
        register(meeting, user=elu)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_member(meeting, elus[1])
    assert list(meeting.registrations.values_list("status", flat=True)) == [REGISTERED, WAITING]
    assert mail.outbox == []


def test_more_places_go_to_the_people_waiting(territory, elus, django_capture_on_commit_callbacks):
    meeting = make_meeting(territory, registration_enabled=True, capacity=1)
    for elu in elus:
        register(meeting, user=elu)
    meeting.capacity = 3
    meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = capacity_changed(meeting)
    assert [registration.user for registration in promoted] == elus[1:3]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "elu1@example.org",
        "elu2@example.org",
    ]
    meeting.capacity = 1
    meeting.save()
    capacity_changed(meeting)  # fewer places take nobody's place away
    assert meeting.registrations.filter(status=REGISTERED).count() == 3


def test_no_registration_once_started_nor_without_registration(territory, elus):
    started = make_meeting(
        territory, registration_enabled=True, starts_at=timezone.now() - timedelta(minutes=5)
    )
    with pytest.raises(RegistrationRefused, match="a commencé"):
        register(started, user=elus[0])
    free = make_meeting(territory)
    with pytest.raises(RegistrationRefused, match="ne demande pas"):
        register(free, user=elus[0])
    draft = make_meeting(territory, registration_enabled=True, is_published=False)
    with pytest.raises(RegistrationRefused, match="pas encore publiée"):
        register(draft, user=elus[0])
    assert not Registration.objects.exists()


def test_a_cancellation_after_the_start_is_refused(territory, elus):
    meeting = make_meeting(territory, registration_enabled=True)
    outcome = register(meeting, user=elus[0])
    meeting.starts_at = timezone.now() - timedelta(minutes=1)
    meeting.save()
    with pytest.raises(RegistrationRefused):
        cancel(outcome.registration)
    assert meeting.registrations.count() == 1


def test_the_page_registers_and_cancels_a_member(client, territory, elus):
    meeting = make_meeting(territory, registration_enabled=True, capacity=1)
    register(meeting, user=elus[1])
    client.force_login(elus[0])
    url = reverse("meetings:register", args=[territory.slug, meeting.pk])
    page = client.post(url, follow=True).content.decode()
    assert "vous êtes en liste d’attente" in page
    assert "Quitter la liste d’attente" in page
    cancel_url = reverse("meetings:cancel", args=[territory.slug, meeting.pk])
    page = client.post(cancel_url, follow=True).content.decode()
    assert "Votre inscription est annulée." in page
    assert not meeting.registrations.filter(user=elus[0]).exists()


def test_a_member_of_another_territory_cannot_register_to_a_meeting_for_elus(client, territory):
    from faisse.meetings.models import Meeting

    meeting = make_meeting(territory, audience=Meeting.Audience.ELECTED, registration_enabled=True)
    outsider = make_member(make_territory(), Role.ELECTED)
    client.force_login(outsider)
    url = reverse("meetings:register", args=[territory.slug, meeting.pk])
    assert client.post(url).status_code == 404
    assert not meeting.registrations.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overfill_a_meeting():
    territory = make_territory()
    meeting = make_meeting(territory, registration_enabled=True, capacity=3)
    people = [make_member(territory, Role.ELECTED) for _ in range(12)]
    barrier = threading.Barrier(len(people))

    def run(person):
        barrier.wait()
        try:
            return register(meeting, user=person).registration.status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(people)) as pool:
        statuses = list(pool.map(run, people))
    assert statuses.count(REGISTERED) == 3
    assert statuses.count(WAITING) == 9
    assert meeting.registrations.filter(status=REGISTERED).count() == 3
