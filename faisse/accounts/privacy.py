"""Personal data (RGPD): what Faïsse keeps about a person, given to them on request, and
the erasure of their account.

Erasing empties the account of every personal datum (address, names, password, roles,
tokens, login records) but keeps its row: the history of the plan goes on telling that
these changes were made by one and the same person, now "Compte supprimé n° N".
"""

from collections.abc import Callable
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from faisse.accounts.models import ApiToken, Invitation, Membership, Role, User
from faisse.core.errors import Refusal


class ErasureRefused(Refusal):
    """The account cannot be erased yet; the message says why, in French."""


@dataclass(frozen=True)
class PersonalDataSource:
    """Personal data kept by an app built on accounts (the pilots of actions, the history
    of changes; questionnaire answers and meeting registrations will come): registered by
    that app in its AppConfig.ready(), so that accounts never imports it.

    `export(user)` gives JSON-ready data, under `key` in the download; `describe(data)`
    one line for the "my data" page; `erase(user)`, called inside the erasure's
    transaction, removes or detaches what the erased account must not keep.
    """

    key: str
    export: Callable[[User], object]
    describe: Callable[[object], str]
    erase: Callable[[User], None] | None = None


SOURCES: dict[str, PersonalDataSource] = {}


def register_personal_data(source: PersonalDataSource) -> None:
    SOURCES[source.key] = source


def _moment(value):
    return value.isoformat() if value else None


def personal_data(user: User) -> dict:
    """Everything kept about the person, in plain JSON-ready values."""
    memberships = Membership.objects.filter(user=user).select_related("territory", "commune")
    tokens = ApiToken.objects.filter(user=user).select_related("territory").order_by("pk")
    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": _moment(user.date_joined),
            "last_login": _moment(user.last_login),
            "has_password": user.has_usable_password(),
        },
        "memberships": [
            {
                "territory": membership.territory.name,
                "role": membership.role,
                "commune": membership.commune.name if membership.commune else None,
                "commissions": [commission.name for commission in membership.commissions.all()],
                "since": _moment(membership.created_at),
            }
            for membership in memberships
        ],
        "api_tokens": [
            {
                "name": token.name,
                "territory": token.territory.name,
                "scope": token.scope,
                "starts_with": token.hint,
                "created": _moment(token.created_at),
                "last_used": _moment(token.last_used_at),
                "expires": _moment(token.expires_at),
                "revoked": _moment(token.revoked_at),
            }
            for token in tokens
        ],
        "invitations_sent": Invitation.objects.filter(invited_by=user).count(),
        "invitations_received": [
            {
                "territory": invitation.territory.name,
                "role": invitation.role,
                "sent": _moment(invitation.created_at),
                "accepted": _moment(invitation.accepted_at),
            }
            for invitation in Invitation.objects.filter(email__iexact=user.email)
            .select_related("territory")
            .order_by("created_at")
        ],
        "role_history": [
            {
                "territory": record.territory.name if record.territory else None,
                "role": record.role,
                "change": {"+": "given", "~": "changed", "-": "removed"}[record.history_type],
                "date": _moment(record.history_date),
            }
            for record in Membership.history.filter(user_id=user.pk)
            .select_related("territory")
            .order_by("history_date")
        ],
        "login_records": [
            {
                "date": _moment(record.attempt_time),
                "ip_address": record.ip_address,
                "browser": record.user_agent,
                "kind": kind,
            }
            for kind, model in (("failed", AccessFailureLog), ("signed_in", AccessLog))
            for record in model.objects.filter(username__iexact=user.email).order_by("attempt_time")
        ],
        **{key: source.export(user) for key, source in SOURCES.items()},
    }


def summaries(data: dict) -> list[str]:
    """One line per registered source of personal data, for the "my data" page."""
    return [source.describe(data[key]) for key, source in SOURCES.items()]


def erasure_blockers(user: User) -> list[str]:
    """Names of the territories the person is the last administrator of."""
    administered = Membership.objects.filter(user=user, role=Role.ADMIN)
    return [
        membership.territory.name
        for membership in administered.select_related("territory")
        if membership.is_last_admin()
    ]


def _end_sessions(user: User) -> None:
    """Delete the person's sessions. Sessions are stored signed, not indexed by person:
    reading them all is slow on a big site, but erasing an account is rare."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


@transaction.atomic
def erase_account(user: User) -> None:
    blockers = erasure_blockers(user)
    if blockers:
        raise ErasureRefused(
            _(
                "Vous êtes le·la dernier·e administrateur·rice de : %(territories)s. "
                "Nommez quelqu’un d’autre administrateur·rice avant de supprimer votre compte."
            )
            % {"territories": ", ".join(blockers)}
        )
    email = user.email
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=email).delete()
    Invitation.objects.filter(email__iexact=email).delete()
    _end_sessions(user)
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=f"#{user.pk}")
    Membership.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    for source in SOURCES.values():
        if source.erase is not None:
            source.erase(user)
    Invitation.objects.filter(invited_by=user).update(invited_by=None)
    user.email = f"compte-supprime-{user.pk}@faisse.invalid"
    user.first_name = user.last_name = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.erased_at = timezone.now()
    user.save()
