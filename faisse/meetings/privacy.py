"""Registrations are personal data: what a person sees in "my data", what goes with an
erased account, and what a person who lost their role keeps (registered in apps.py).

A registration made without an account (name and address) for the address of an account
counts as that person's too: it is shown to them and erased with the account.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext

from faisse.accounts.privacy import PersonalDataSource
from faisse.meetings.audience import Reader
from faisse.meetings.models import Registration
from faisse.meetings.registering import cancel


def _of(user):
    own = Q(user=user)
    if user.email:
        own |= Q(user=None, email__iexact=user.email)
    return Registration.objects.filter(own)


def _export(user) -> list[dict]:
    registrations = _of(user).select_related("meeting__territory").order_by("created_at", "id")
    return [
        {
            "territory": registration.meeting.territory.name,
            "meeting": registration.meeting.title,
            "starts_at": registration.meeting.starts_at.isoformat(),
            "status": registration.status,
            "name": registration.name or None,
            "email": registration.email or None,
            "registered": registration.created_at.isoformat(),
        }
        for registration in registrations
    ]


def _erase(user) -> None:
    """Remove the person's registrations; a place freed goes to the first person waiting
    (for meetings still to come)."""
    now = timezone.now()
    for registration in _of(user).select_related("meeting__territory"):
        if registration.meeting.has_started(now):
            registration.delete()
        else:
            cancel(registration, check_open=False)


MEETING_REGISTRATIONS = PersonalDataSource(
    key="meeting_registrations",
    export=_export,
    describe=lambda rows: (
        ngettext(
            "%(count)s inscription à une réunion",
            "%(count)s inscriptions à des réunions",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=_erase,
)


def leave_meetings_no_longer_open(sender, user, territory, role, by=None, **kwargs) -> None:
    """A person whose role changed or ended keeps only the registrations to meetings still
    to come that their new place lets them see (connected to accounts' role_changed)."""
    reader = Reader.with_role(user, territory, role)
    upcoming = Registration.objects.filter(
        user=user, meeting__territory=territory, meeting__starts_at__gt=timezone.now()
    ).select_related("meeting")
    for registration in upcoming:
        if not reader.sees(registration.meeting):
            cancel(registration, check_open=False)
