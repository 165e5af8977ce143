"""The statuses of an action and the moves between them, written once.

Territoires en Transitions lets any status follow any other; a ten-year plan read by a
council needs the story to make sense ("Réalisé" does not go back to "À venir"). Editors
may still *correct* a status to any other by giving a reason; the import, a restore and
the demo write statuses without checking moves.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Status:
    """The values of ActionSheet.status ("" = no status yet)."""

    NONE = ""
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PAUSED = "paused"
    ABANDONED = "abandoned"
    BLOCKED = "blocked"
    LATE = "late"
    TO_DISCUSS = "to_discuss"


CHOICES = [
    (Status.PLANNED, gettext_lazy("À venir")),
    (Status.IN_PROGRESS, gettext_lazy("En cours")),
    (Status.DONE, gettext_lazy("Réalisé")),
    (Status.PAUSED, gettext_lazy("En pause")),
    (Status.ABANDONED, gettext_lazy("Abandonné")),
    (Status.BLOCKED, gettext_lazy("Bloqué")),
    (Status.LATE, gettext_lazy("En retard")),
    (Status.TO_DISCUSS, gettext_lazy("À discuter")),
]
LABELS = dict(CHOICES)
NO_STATUS_LABEL = gettext_lazy("Sans statut")

_ALL = {value for value, _label in CHOICES}
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NONE: frozenset(_ALL),
    Status.PLANNED: frozenset(_ALL - {Status.PLANNED}),
    Status.IN_PROGRESS: frozenset(
        {
            Status.DONE,
            Status.PAUSED,
            Status.BLOCKED,
            Status.LATE,
            Status.TO_DISCUSS,
            Status.ABANDONED,
        }
    ),
    Status.LATE: frozenset(
        {
            Status.IN_PROGRESS,
            Status.DONE,
            Status.PAUSED,
            Status.BLOCKED,
            Status.TO_DISCUSS,
            Status.ABANDONED,
        }
    ),
    Status.PAUSED: frozenset(
        {Status.IN_PROGRESS, Status.BLOCKED, Status.TO_DISCUSS, Status.ABANDONED}
    ),
    Status.BLOCKED: frozenset(
        {Status.IN_PROGRESS, Status.PAUSED, Status.TO_DISCUSS, Status.ABANDONED}
    ),
    Status.TO_DISCUSS: frozenset(
        {Status.PLANNED, Status.IN_PROGRESS, Status.PAUSED, Status.ABANDONED}
    ),
    Status.DONE: frozenset({Status.IN_PROGRESS}),
    Status.ABANDONED: frozenset({Status.TO_DISCUSS}),
}
# Statuses that end an action: it is never late, and an abandoned one leaves the roll-up.
CLOSED = frozenset({Status.DONE, Status.ABANDONED})


class TransitionError(ValueError):
    """A status move the table refuses; the message lists the allowed ones, in French."""


def label(status: str) -> str:
    return str(LABELS.get(status, NO_STATUS_LABEL))


def allowed_after(status: str) -> list[str]:
    """The statuses that may follow `status`, itself first (an update with only a note)."""
    following = TRANSITIONS.get(status, frozenset(_ALL))
    return [status] * bool(status) + [value for value, _ in CHOICES if value in following]


def check_transition(old: str, new: str, *, correcting: bool = False) -> None:
    if old == new or correcting or new in TRANSITIONS.get(old, _ALL):
        return
    if new not in _ALL:
        raise TransitionError(
            _("Statut inconnu : « %(value)s ». Statuts possibles : %(allowed)s.")
            % {"value": new, "allowed": ", ".join(str(lab) for _v, lab in CHOICES)}
        )
    allowed = ", ".join(label(value) for value in allowed_after(old) if value != old)
    raise TransitionError(
        _(
            "Une action « %(old)s » ne peut pas passer à « %(new)s ». "
            "Après « %(old)s » : %(allowed)s."
        )
        % {"old": label(old), "new": label(new), "allowed": allowed}
    )


CORRECTION_REASON = gettext_lazy("Correction du statut")
