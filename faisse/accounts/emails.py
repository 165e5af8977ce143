"""The e-mails of accounts: sign-in links and invitations (plain text, in French).

Password reset e-mails are sent by Django's own view, through forms.PasswordResetForm,
with the templates of this app.

An e-mail about one territory comes in its name: "Alès Agglomération via Faïsse", from the
address of DEFAULT_FROM_EMAIL (the only one the mail server is known to send for); an
invitation can be answered: its Reply-To is the person who invited.
"""

import logging
import smtplib
from email.utils import parseaddr
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from sesame.utils import get_token

from faisse.accounts.models import Invitation, hash_token
from faisse.territories.models import Territory

logger = logging.getLogger(__name__)


def mailbox(name: str, address: str) -> str:
    """ "Name" <address>, the name quoted so that a comma or a quote in it stays a name."""
    name = " ".join(str(name).split())  # no line break can reach a header
    if not name:
        return address
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{quoted}" <{address}>'


def sender(territory: Territory | None = None) -> str:
    """The From of an e-mail: DEFAULT_FROM_EMAIL, or in a territory's name
    ("Alès Agglomération via Faïsse") at the same address."""
    if territory is None:
        return settings.DEFAULT_FROM_EMAIL
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return mailbox(
        _("%(territory)s via %(site)s") % {"territory": territory.name, "site": name or "Faïsse"},
        address or settings.DEFAULT_FROM_EMAIL,
    )


def territory_of(user) -> Territory | None:
    """The territory an e-mail to this person is about when nothing else says: the one
    where they hold a role, if they hold a role in one territory only."""
    territories = list(Territory.objects.filter(memberships__user=user).distinct()[:2])
    return territories[0] if len(territories) == 1 else None


def territory_of_path(path: str) -> Territory | None:
    """The territory a page of this site is about: its slug, or an invitation's."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if "slug" in match.kwargs:
        return Territory.objects.filter(slug=match.kwargs["slug"]).first()
    if match.view_name == "accounts:invitation":
        invitation = (
            Invitation.objects.select_related("territory")
            .filter(token_hash=hash_token(match.kwargs["token"]))
            .first()
        )
        return invitation.territory if invitation else None
    return None


def _send(
    template: str, context: dict, to: str, from_email: str = "", reply_to: list | None = None
) -> bool:
    """Send one e-mail; False (and a log line) when the mail server refuses or is down."""
    subject = " ".join(render_to_string(f"accounts/email/{template}_subject.txt", context).split())
    body = render_to_string(f"accounts/email/{template}.txt", context)
    message = EmailMessage(
        subject, body, from_email or settings.DEFAULT_FROM_EMAIL, [to], reply_to=reply_to
    )
    try:
        message.send()
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
    """The link, in the name of the territory of the page asked for (an invitation, a
    territory's page) or else of the person's only territory."""
    next_url = safe_next(request, next_url)
    territory = (territory_of_path(next_url) if next_url else None) or territory_of(user)
    context = {
        "user": user,
        "url": signin_link(request, user, next_url),
        "minutes": settings.SIGNIN_LINK_MINUTES,
        "site": request.get_host(),
        "territory": territory,
    }
    return _send("signin_link", context, user.email, sender(territory))


def invitation_link(request, token: str) -> str:
    return request.build_absolute_uri(reverse("accounts:invitation", args=[token]))


def send_invitation(request, invitation, token: str) -> bool:
    """In the territory's name; answering it writes to the person who invited."""
    inviter = request.user
    reply_to = [mailbox(inviter.get_full_name(), inviter.email)] if inviter.email else None
    context = {
        "invitation": invitation,
        "inviter": inviter,
        "url": invitation_link(request, token),
        "site": request.get_host(),
        "territory": invitation.territory,
    }
    return _send(
        "invitation", context, invitation.email, sender(invitation.territory), reply_to=reply_to
    )
