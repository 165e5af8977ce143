"""Registering to a meeting, cancelling, and the waiting list.

Places are counted under a lock of the meeting's row (on SQLite, the write lock that every
transaction takes first), so that two people never get the last place. When a registered
person cancels, the first person waiting gets the place and is told by one e-mail, sent
once the transaction is committed.

A person without an account registers to a public meeting with a name and an e-mail
address; nothing is stored before they open the link sent to that address (a signed
token carrying the meeting, name and address). So the public page never tells who is
registered: submitting someone else's address changes nothing that can be seen, and the
count of places moves only when the mailbox's owner confirms.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from faisse.core.errors import Refusal
from faisse.meetings import emails
from faisse.meetings.models import Meeting, Registration

Status = Registration.Status


class RegistrationRefused(Refusal):
    """Registering or cancelling is not possible; the message says why, in French."""


@dataclass
class Outcome:
    registration: Registration
    created: bool  # False: the person was already registered or waiting


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def _check_open(meeting: Meeting) -> None:
    if not meeting.registration_enabled:
        raise RegistrationRefused(_("Cette réunion ne demande pas d’inscription."))
    if not meeting.is_published:
        raise RegistrationRefused(_("Cette réunion n’est pas encore publiée."))
    if meeting.has_started():
        raise RegistrationRefused(_("La réunion a commencé : les inscriptions sont closes."))


def _new_status(meeting: Meeting) -> str:
    if meeting.capacity is None:
        return Status.REGISTERED
    registered = meeting.registrations.filter(status=Status.REGISTERED).count()
    return Status.REGISTERED if registered < meeting.capacity else Status.WAITING


@transaction.atomic
def register(meeting: Meeting, *, user=None, name: str = "", email: str = "") -> Outcome:
    """Register a member (`user`) or a person by `name` and `email` (public meetings):
    registered while places remain, else on the waiting list. Registering twice keeps
    the first registration. Raises RegistrationRefused when registration is closed."""
    meeting = _locked(meeting)
    _check_open(meeting)
    if user is None and meeting.audience != Meeting.Audience.PUBLIC:
        raise RegistrationRefused(_("Connectez-vous pour vous inscrire à cette réunion."))
    email = email.strip().lower()
    person = {"user": user} if user is not None else {"user": None, "email": email}
    existing = meeting.registrations.filter(**person).first()
    if existing is not None:
        return Outcome(existing, created=False)
    registration = Registration(
        territory_id=meeting.territory_id,
        meeting=meeting,
        user=user,
        name="" if user is not None else " ".join(name.split()),
        email="" if user is not None else email,
        status=_new_status(meeting),
    )
    registration.full_clean(exclude=["territory", "meeting", "user"], validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same person at the same instant, in another request
        existing = meeting.registrations.get(**person)
        return Outcome(existing, created=False)
    return Outcome(registration, created=True)


def promote(meeting: Meeting, base_url: str = "") -> list[Registration]:
    """Give the free places to the first people waiting (in the order they came), and
    tell each one by one e-mail after the commit. Call it inside a transaction holding
    the meeting's lock."""
    if meeting.capacity is None:
        waiting = list(meeting.registrations.filter(status=Status.WAITING))
    else:
        registered = meeting.registrations.filter(status=Status.REGISTERED).count()
        free = max(meeting.capacity - registered, 0)
        waiting = list(meeting.registrations.filter(status=Status.WAITING)[:free]) if free else []
    for registration in waiting:
        registration.status = Status.REGISTERED
        registration.save(update_fields=["status"])
        transaction.on_commit(
            lambda registration=registration: emails.send_promotion(registration, base_url)
        )
    return waiting


@transaction.atomic
def cancel(registration: Registration, base_url: str = "", *, check_open: bool = True) -> list:
    """Remove a registration; a place freed goes to the first person waiting. Returns the
    people promoted."""
    meeting = _locked(registration.meeting)
    if check_open and meeting.has_started():
        raise RegistrationRefused(_("La réunion a commencé : les inscriptions sont closes."))
    deleted, _details = Registration.objects.filter(pk=registration.pk).delete()
    if not deleted:
        return []
    return promote(meeting, base_url)


def cancel_member(meeting: Meeting, user, base_url: str = "") -> bool:
    """Cancel the member's registration, if any; False when there was none."""
    registration = meeting.registrations.filter(user=user).first()
    if registration is None:
        return False
    cancel(registration, base_url)
    return True


@transaction.atomic
def capacity_changed(meeting: Meeting, base_url: str = "") -> list[Registration]:
    """After an editor changed the number of places: more places go to the people
    waiting. Fewer places take nobody's place away: new people wait until it frees."""
    return promote(_locked(meeting), base_url)
