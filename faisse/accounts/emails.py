"""The e-mails of accounts: sign-in links and invitations (plain text, in French).

Password reset e-mails are sent by Django's own view with the templates of this app.
"""

import logging
import smtplib
from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from sesame.utils import get_token

logger = logging.getLogger(__name__)


def _send(template: str, context: dict, to: str) -> bool:
    """Send one e-mail; False (and a log line) when the mail server refuses or is down."""
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    body = render_to_string(f"accounts/email/{template}.txt", context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except (smtplib.SMTPException, OSError):
        logger.exception("The %s e-mail could not be sent", template)
        return False
    return True


def safe_next(request, url: str | None) -> str:
    """`url` if it leads to this site, else an empty string."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def signin_link(request, user, next_url: str = "") -> str:
    """An absolute one-time link that signs the user in (valid SESAME_MAX_AGE seconds)."""
    path = reverse("accounts:signin_link_open", args=[get_token(user)])
    next_url = safe_next(request, next_url)
    if next_url:
        path += "?" + urlencode({"next": next_url})
    return request.build_absolute_uri(path)


def send_signin_link(request, user, next_url: str = "") -> bool:
    context = {
        "user": user,
        "url": signin_link(request, user, next_url),
        "minutes": settings.SIGNIN_LINK_MINUTES,
        "site": request.get_host(),
    }
    return _send("signin_link", context, user.email)


def invitation_link(request, token: str) -> str:
    return request.build_absolute_uri(reverse("accounts:invitation", args=[token]))


def send_invitation(request, invitation, token: str) -> bool:
    context = {
        "invitation": invitation,
        "inviter": request.user,
        "url": invitation_link(request, token),
        "site": request.get_host(),
    }
    return _send("invitation", context, invitation.email)
