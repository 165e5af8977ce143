"""The e-mails of meetings (plain text, in French, in the territory's name): the link that
confirms a registration without an account, the place freed for a person who waited,
the meeting cancelled. Each is one e-mail to one person; a mail server that refuses is
logged, never an error for the person who acted."""

import logging
import smtplib

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from faisse.accounts.emails import sender
from faisse.meetings.display import when_text
from faisse.meetings.tokens import CONFIRMATION_DAYS, cancel_token, confirmation_token

logger = logging.getLogger(__name__)


def _send(template: str, context: dict, to: str, territory) -> bool:
    context = {**context, "territory": territory}
    subject = " ".join(render_to_string(f"meetings/email/{template}_subject.txt", context).split())
    body = render_to_string(f"meetings/email/{template}.txt", context)
    try:
        EmailMessage(subject, body, sender(territory), [to]).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("The meeting e-mail %s could not be sent", template)
        return False
    return True


def _meeting_context(meeting, base_url: str) -> dict:
    slug = meeting.territory.slug
    return {
        "meeting": meeting,
        "when": when_text(meeting.starts_at, meeting.ends_at),
        "url": base_url + meeting.url_for(slug) if base_url else "",
        "ics_url": base_url + reverse("meetings:ics", args=[slug, meeting.pk]) if base_url else "",
    }


def _cancel_url(meeting, email: str, base_url: str) -> str:
    if not base_url:
        return ""
    token = cancel_token(meeting, email)
    return base_url + reverse(
        "meetings:cancel_link", args=[meeting.territory.slug, meeting.pk, token]
    )


def send_confirmation_request(request, meeting, name: str, email: str) -> bool:
    """The link that registers a person without an account, and the one that cancels."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    token = confirmation_token(meeting, name, email)
    path = reverse("meetings:confirm", args=[meeting.territory.slug, meeting.pk, token])
    context = {
        **_meeting_context(meeting, base_url),
        "name": name,
        "confirm_url": base_url + path,
        "cancel_url": _cancel_url(meeting, email, base_url),
        "days": CONFIRMATION_DAYS,
        "site": request.get_host(),
    }
    return _send("confirm", context, email, meeting.territory)


def send_promotion(registration, base_url: str = "") -> bool:
    """A place freed: the person who waited is now registered."""
    meeting = registration.meeting
    context = {
        **_meeting_context(meeting, base_url),
        "name": registration.person_name,
        "cancel_url": (
            _cancel_url(meeting, registration.email, base_url)
            if registration.user_id is None
            else ""
        ),
    }
    return _send("promoted", context, registration.person_email, meeting.territory)


def send_cancelled(meeting, addresses: list[str]) -> int:
    """The meeting will not take place: one e-mail to each person registered or waiting.
    Returns how many were sent."""
    context = {"meeting": meeting, "when": when_text(meeting.starts_at, meeting.ends_at)}
    return sum(_send("cancelled", context, address, meeting.territory) for address in addresses)
