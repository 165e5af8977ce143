"""Sending the weekly digests of a territory: one e-mail per person (plain text and HTML,
in French, in the territory's name), with a one-click opt-out (a signed link, and the
List-Unsubscribe headers mail programs show as a button).

The week is claimed before the e-mail leaves (a conditional UPDATE: a second run, even at
the same moment, finds it taken); a mail server that refuses gives the week back, so the
next run tries again.
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import datetime

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.emails import sender
from faisse.reports.digest import Digest, TerritoryDigests, unsubscribe_token
from faisse.reports.models import DigestSubscription

logger = logging.getLogger(__name__)


@dataclass
class SendingReport:
    territory: str
    sent: int = 0
    nothing_to_say: int = 0
    already_sent: int = 0
    stopped: int = 0
    failed: int = 0

    def message(self, *, dry_run: bool = False) -> str:
        sent = (
            ngettext("%(count)s courriel à envoyer", "%(count)s courriels à envoyer", self.sent)
            if dry_run
            else ngettext("%(count)s courriel envoyé", "%(count)s courriels envoyés", self.sent)
        ) % {"count": self.sent}
        parts = [
            sent,
            ngettext(
                "%(count)s personne sans rien à signaler",
                "%(count)s personnes sans rien à signaler",
                self.nothing_to_say,
            )
            % {"count": self.nothing_to_say},
            ngettext(
                "%(count)s déjà servie cette semaine",
                "%(count)s déjà servies cette semaine",
                self.already_sent,
            )
            % {"count": self.already_sent},
            ngettext("%(count)s désabonnée", "%(count)s désabonnées", self.stopped)
            % {"count": self.stopped},
        ]
        if self.failed:
            parts.append(
                ngettext("%(count)s échec d’envoi", "%(count)s échecs d’envoi", self.failed)
                % {"count": self.failed}
            )
        return f"{self.territory} : {', '.join(parts)}."


def send_territory_digests(
    territory, site_url: str, *, now: datetime | None = None, dry_run: bool = False
) -> SendingReport:
    now = now or timezone.now()
    data = TerritoryDigests(territory, now=now)
    report = SendingReport(territory.name)
    waiting = []
    for person in data.people():
        if not data.wants(person):
            report.stopped += 1
        elif data.sent_this_week(person):
            report.already_sent += 1
        else:
            waiting.append(person)
    for digest in data.digests(waiting):
        if digest.is_empty:
            report.nothing_to_say += 1
        elif dry_run:
            report.sent += 1
        else:
            claimed = _claim(digest, now)
            if claimed is None:
                report.already_sent += 1
            elif send_digest(digest, site_url):
                report.sent += 1
            else:
                _give_back(claimed)
                report.failed += 1
    return report


def _claim(digest: Digest, now: datetime) -> tuple | None:
    """Mark the week as sent unless it already is; what it was before, or None."""
    subscription, _created = DigestSubscription.objects.get_or_create(
        user=digest.user, territory=digest.territory
    )
    before = (subscription.pk, subscription.last_sent_week, subscription.last_sent_at)
    claimed = (
        DigestSubscription.objects.filter(pk=subscription.pk, enabled=True)
        .exclude(last_sent_week=digest.week)
        .update(last_sent_week=digest.week, last_sent_at=now)
    )
    return before if claimed else None


def _give_back(before: tuple) -> None:
    pk, week, at = before
    DigestSubscription.objects.filter(pk=pk).update(last_sent_week=week, last_sent_at=at)


def digest_context(digest: Digest, site_url: str) -> dict:
    """What the templates need, the lines given their absolute addresses."""
    slug = digest.territory.slug
    for line in (*digest.late, *digest.due, *digest.changes):
        line.url = site_url + line.node.get_absolute_url()
    for line in digest.stale:
        line.url = site_url + line.indicator.url_for(slug)
    token = unsubscribe_token(digest.user, digest.territory)
    return {
        "digest": digest,
        "territory": digest.territory,
        "user": digest.user,
        "space_url": site_url + reverse("pilot:space", args=[slug]),
        "unsubscribe_url": site_url + reverse("digest:unsubscribe", args=[slug, token]),
    }


def send_digest(digest: Digest, site_url: str) -> bool:
    context = digest_context(digest, site_url)
    subject = " ".join(render_to_string("reports/digest_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject,
        render_to_string("reports/digest_body.txt", context),
        sender(digest.territory),
        [digest.user.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("reports/digest_body.html", context), "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("The weekly digest to user %s could not be sent", digest.user.pk)
        return False
    return True


def no_site_url_message() -> str:
    return _(
        "Donnez l’adresse du site, d’où partent les liens du courriel : "
        "--site-url https://… (ou la variable FAISSE_SITE_URL)."
    )
