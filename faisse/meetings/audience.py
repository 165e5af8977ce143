"""Who reads the meetings of a territory, and which ones they may see.

A meeting is seen by its audience and by the editors (those who may edit the plan, who
prepare the meetings); a draft by the editors only. Everyone else gets a 404, as for
the plan's drafts: they need not know the meeting exists.
"""

from dataclasses import dataclass, field

from django.http import Http404
from django.shortcuts import get_object_or_404

from faisse.accounts.abilities import GRANTS, role_in
from faisse.accounts.models import Commission
from faisse.meetings.models import Meeting


@dataclass(frozen=True)
class Reader:
    user: object
    role: str | None = None
    editor: bool = False
    commission_ids: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, user, territory) -> "Reader":
        """At most two queries: the role (cached on the user) and the commissions."""
        return cls.with_role(user, territory, role_in(user, territory))

    @classmethod
    def with_role(cls, user, territory, role: str | None) -> "Reader":
        """The reader `user` is with `role` in the territory (e.g. the role just given)."""
        operator = getattr(user, "is_superuser", False) and user.is_active
        editor = operator or "edit_plan" in GRANTS[role]
        commissions = frozenset()
        if role is not None and not editor:
            commissions = frozenset(
                Commission.objects.filter(territory=territory, members__user=user).values_list(
                    "pk", flat=True
                )
            )
        return cls(user=user, role=role, editor=editor, commission_ids=commissions)

    @property
    def is_member(self) -> bool:
        return self.role is not None

    def sees(self, meeting) -> bool:
        if self.editor:
            return True
        if not meeting.is_published:
            return False
        audience = meeting.audience
        if audience == "public":
            return True
        if audience == "members":
            return self.role is not None
        if audience in ("elected", "partners"):
            return self.role == {"elected": "elected", "partners": "partner"}[audience]
        if audience == "commission":
            return meeting.commission_id in self.commission_ids
        return False


def meeting_or_404(territory, pk: int, reader: Reader, queryset=None):
    """The meeting `pk` of the territory if `reader` may see it; else 404."""
    queryset = queryset if queryset is not None else Meeting.objects.all()
    meeting = get_object_or_404(queryset, pk=pk, territory=territory)
    if not reader.sees(meeting):
        raise Http404
    return meeting
