"""Builders of meetings for tests (real rows, no mocks)."""

from datetime import datetime, timedelta
from itertools import count

from django.utils import timezone

from faisse.meetings.models import Meeting

_serial = count(1)


def paris(year: int, month: int, day: int, hour: int = 18, minute: int = 0) -> datetime:
    """An aware moment, given in Paris local time (the site's time zone)."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def make_meeting(territory, *, starts_at=None, hours: float = 2, **fields) -> Meeting:
    """A published public meeting in the territory's first commune, in ten days unless
    `starts_at` says otherwise."""
    starts_at = starts_at or timezone.now().replace(microsecond=0) + timedelta(days=10)
    fields.setdefault("title", f"Réunion {next(_serial)}")
    fields.setdefault("kind", Meeting.Kind.PUBLIC_MEETING)
    fields.setdefault("audience", Meeting.Audience.PUBLIC)
    fields.setdefault("is_published", True)
    if "commune" not in fields and not fields.get("online_url"):
        fields["commune"] = territory.communes.order_by("insee").first()
    return Meeting.objects.create(
        territory=territory,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        **fields,
    )
