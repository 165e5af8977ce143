"""Links sent by e-mail to people without an account: signed tokens, nothing stored.

The confirmation link carries the meeting, the name and the address, and works for
CONFIRMATION_DAYS days; the cancel link carries the meeting and the address, and works as
long as that registration exists.
"""

from django.core import signing

from faisse.meetings.models import Meeting, Registration

CONFIRMATION_SALT = "faisse.meetings.confirm"
CANCEL_SALT = "faisse.meetings.cancel"
CONFIRMATION_DAYS = 2


def confirmation_token(meeting: Meeting, name: str, email: str) -> str:
    payload = {"m": meeting.pk, "n": " ".join(name.split()), "e": email.strip().lower()}
    return signing.dumps(payload, salt=CONFIRMATION_SALT, compress=True)


def read_confirmation(token: str, meeting: Meeting) -> tuple[str, str] | None:
    """(name, email) of a valid confirmation link for this meeting, else None."""
    try:
        payload = signing.loads(
            token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_DAYS * 24 * 3600
        )
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("m") != meeting.pk:
        return None
    name, email = payload.get("n"), payload.get("e")
    if not isinstance(name, str) or not isinstance(email, str) or not email:
        return None
    return name, email


def cancel_token(meeting: Meeting, email: str) -> str:
    return signing.dumps({"m": meeting.pk, "e": email.strip().lower()}, salt=CANCEL_SALT)


def registration_of_cancel_token(token: str, meeting: Meeting) -> Registration | None:
    """The registration a cancel link is for, if it still exists."""
    try:
        payload = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("m") != meeting.pk:
        return None
    email = payload.get("e")
    if not isinstance(email, str) or not email:
        return None
    return meeting.registrations.filter(user=None, email=email).first()
