"""The members' journal of a territory: who got, changed or lost a role, when, by whom.

Read from the history of `Membership` (django-simple-history) in two queries, whatever
the number of events shown.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from faisse.accounts.models import Membership, Role


@dataclass
class MemberEvent:
    date: datetime
    person: str
    change: str
    by: str


def _label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else role


def _change(record, previous) -> str:
    if record.history_type == "+":
        return _("reçoit le rôle « %(role)s »") % {"role": _label(record.role)}
    if record.history_type == "-":
        return _("quitte le territoire (rôle « %(role)s »)") % {"role": _label(record.role)}
    if previous is None:
        return _("rôle « %(role)s »") % {"role": _label(record.role)}
    if previous["role"] != record.role:
        return _("rôle « %(before)s » → « %(after)s »") % {
            "before": _label(previous["role"]),
            "after": _label(record.role),
        }
    return _("commune mise à jour")


def member_journal(territory, size: int = 30) -> list[MemberEvent]:
    records = list(
        Membership.history.filter(territory_id=territory.pk)
        .select_related("user", "history_user")
        .order_by("-history_date", "-history_id")[:size]
    )
    changed = {record.id for record in records if record.history_type == "~"}
    versions: dict[int, list[dict]] = {}
    for version in (
        Membership.history.filter(id__in=changed)
        .order_by("history_date", "history_id")
        .values("id", "history_id", "role")
    ):
        versions.setdefault(version["id"], []).append(version)
    events = []
    for record in records:
        earlier = [v for v in versions.get(record.id, []) if v["history_id"] < record.history_id]
        events.append(
            MemberEvent(
                date=record.history_date,
                person=str(record.user) if record.user else "—",
                change=_change(record, earlier[-1] if earlier else None),
                by=str(record.history_user) if record.history_user else "—",
            )
        )
    return events
