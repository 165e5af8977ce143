"""Limits on login attempts (django-axes) and on e-mails sent on request.

django-axes counts failures by e-mail address and by IP address (`LOGIN_LOCKOUT_PARAMETERS`
in the settings); `attempted_email` makes "Camille@X.fr" and "camille@x.fr" count as the
same address. `may_send` keeps anyone from flooding an inbox with sign-in links or
password reset e-mails.
"""

import hashlib
import logging
import math
import time

from axes.models import AccessAttempt, AccessBase
from django.conf import settings
from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def attempted_email(request, credentials: dict | None) -> str | None:
    """The address a login attempt was made for, normalised (AXES_USERNAME_CALLABLE)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    if not value:
        return None
    return str(value).strip().lower()[:254]


def lockout_parameters(request_or_attempt, credentials: dict | None) -> list:
    """What failures are counted by (AXES_LOCKOUT_PARAMETERS).

    An attempt without an address (a sign-in link, an OpenID Connect callback) is counted
    by IP address only: counting it by "no address" would let a few bad links from
    anywhere block everybody's sign-in links.
    """
    if isinstance(request_or_attempt, AccessBase):
        username = request_or_attempt.username
    else:
        username = attempted_email(request_or_attempt, credentials)
    configured = settings.LOGIN_LOCKOUT_PARAMETERS
    if username:
        return configured
    without = [p for p in configured if "username" not in ([p] if isinstance(p, str) else p)]
    return without or ["ip_address"]


def forget_own_failures(sender, request, user, **kwargs) -> None:
    """On a successful login, forget the failures recorded against that account only.

    The failures of the same IP address against other addresses stay counted: otherwise
    anyone with an account could guess another person's password forever, signing in to
    their own account between guesses (connected to `user_logged_in` in apps.py).
    """
    if user.email:
        AccessAttempt.objects.filter(username=user.email.strip().lower()).delete()


def send_wait(kind: str, email: str) -> int:
    """0 when an e-mail of this kind may go to this address now (it is then counted as
    sent), else the seconds to wait: at most one per `ACCOUNT_EMAIL_INTERVAL` seconds for a
    kind of e-mail and an address (the shared cache makes it hold across servers).

    Count every address asked for, with an account or not: then being told to wait says
    nothing about an account (see views.signin_link_request).
    """
    interval = settings.ACCOUNT_EMAIL_INTERVAL
    if interval <= 0:
        return 0
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    key = f"faisse:mail:{kind}:{digest}"
    now = time.time()
    try:
        if cache.add(key, now, timeout=interval):
            return 0
        sent_at = cache.get(key)
    except RedisError:  # the shared cache is down: send rather than lock everyone out
        logger.exception("The cache could not be reached; e-mail sent without its limit")
        return 0
    if not isinstance(sent_at, float):  # just expired, or written by an older version
        return interval if sent_at is not None else 1
    return min(interval, max(1, math.ceil(sent_at + interval - now)))


def may_send(kind: str, email: str) -> bool:
    """True at most once per `ACCOUNT_EMAIL_INTERVAL` seconds for a kind of e-mail and an
    address (send_wait, when the wait does not matter)."""
    return send_wait(kind, email) == 0
