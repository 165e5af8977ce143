"""The known list of a questionnaire and its e-mails: one personal link per person, then
reminders to those who have not answered — one e-mail each, never a flood.

Only the hash of a link's token is stored, so a reminder carries a new link (the previous
one stops working; a draft in progress stays, it belongs to the person's row). Each row is
claimed by a conditional UPDATE before its e-mail goes, so that two editors clicking at
once (or the button and `faisse remind_questionnaire`) never send twice; a person
reminded less than `REMINDER_GAP` ago is skipped.
"""

import logging
import secrets
import smtplib
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from faisse.accounts.emails import sender
from faisse.accounts.models import Membership, hash_token
from faisse.accounts.throttling import may_send
from faisse.questionnaires.models import Questionnaire, Respondent

logger = logging.getLogger(__name__)

REMINDER_GAP = timedelta(days=3)


def list_members(questionnaire: Questionnaire):
    """The memberships the questionnaire's list is drawn from."""
    members = Membership.objects.filter(
        territory_id=questionnaire.territory_id, user__is_active=True
    )
    group = questionnaire.group
    if group == Questionnaire.Group.COMMISSION:
        if questionnaire.commission_id is None:
            return members.none()
        return members.filter(commissions=questionnaire.commission_id)
    roles = Questionnaire.GROUP_ROLES.get(group)
    return members.filter(role__in=roles) if roles else members


def build_list(questionnaire: Questionnaire) -> int:
    """Add to the list the members of its group not yet on it; returns how many."""
    if questionnaire.is_public:
        return 0
    present = set(
        Respondent.objects.filter(questionnaire=questionnaire).values_list("user_id", flat=True)
    )
    new = [
        Respondent(
            territory_id=questionnaire.territory_id,
            questionnaire=questionnaire,
            user_id=membership.user_id,
            commune_id=membership.commune_id,
            role=membership.role,
        )
        for membership in list_members(questionnaire).distinct()
        if membership.user_id not in present
    ]
    Respondent.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@dataclass
class Sending:
    sent: int = 0
    failed: list[str] = field(default_factory=list)  # addresses the mail server refused

    def message(self, reminder: bool) -> str:
        if reminder:
            text = _("%(count)s rappel(s) envoyé(s).") % {"count": self.sent}
        else:
            text = _("%(count)s lien(s) personnel(s) envoyé(s).") % {"count": self.sent}
        if self.failed:
            text += " " + _("Non envoyés (serveur de messagerie) : %(emails)s.") % {
                "emails": ", ".join(self.failed)
            }
        return text


def link_url(base_url: str, respondent: Respondent, token: str) -> str:
    questionnaire = respondent.questionnaire
    path = reverse(
        "questionnaires:link_start", args=[questionnaire.territory.slug, questionnaire.pk, token]
    )
    return base_url.rstrip("/") + path


def link_message(respondent: Respondent, token: str, base_url: str, reminder: bool):
    questionnaire = respondent.questionnaire
    closes_on = questionnaire.closes_on
    context = {
        "questionnaire": questionnaire,
        "name": respondent.user.get_full_name(),
        "url": link_url(base_url, respondent, token),
        "reminder": reminder,
        "closes_on": date_format(timezone.localtime(closes_on), _("j F Y à H:i"))
        if closes_on
        else "",
    }
    subject = " ".join(render_to_string("questionnaires/email/link_subject.txt", context).split())
    body = render_to_string("questionnaires/email/link.txt", context)
    return EmailMessage(subject, body, sender(questionnaire.territory), [respondent.user.email])


def due(questionnaire: Questionnaire, reminder: bool, now=None):
    """The respondents a first link, or a reminder, would go to now."""
    now = now or timezone.now()
    people = Respondent.objects.filter(
        questionnaire=questionnaire, user__isnull=False, user__is_active=True
    )
    if not reminder:
        return people.filter(sent_at__isnull=True)
    quiet_since = now - REMINDER_GAP
    return people.filter(answered=False, sent_at__lte=quiet_since).filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lte=quiet_since)
    )


def _claim(respondent: Respondent, reminder: bool, now, token_hash: str) -> bool:
    """Take the row for this e-mail, unless someone else just did."""
    rows = Respondent.objects.filter(pk=respondent.pk)
    if reminder:
        rows = rows.filter(reminded_at=respondent.reminded_at, answered=False)
        return bool(rows.update(reminded_at=now, token_hash=token_hash))
    return bool(rows.filter(sent_at__isnull=True).update(sent_at=now, token_hash=token_hash))


def send_links(questionnaire: Questionnaire, base_url: str, *, reminder: bool = False, now=None):
    """Send the first links (or the reminders) due; one e-mail per person."""
    now = now or timezone.now()
    report = Sending()
    if reminder and not questionnaire.is_open(now):
        return report
    connection = get_connection()
    people = due(questionnaire, reminder, now).select_related("user", "questionnaire__territory")
    for respondent in people.order_by("pk"):
        token = secrets.token_urlsafe(32)
        previous = {"token_hash": respondent.token_hash, "sent_at": respondent.sent_at}
        previous["reminded_at"] = respondent.reminded_at
        if not _claim(respondent, reminder, now, hash_token(token)):
            continue
        message = link_message(respondent, token, base_url, reminder)
        message.connection = connection
        try:
            message.send()
        except (smtplib.SMTPException, OSError):
            logger.exception("The questionnaire link to respondent %s was not sent", respondent.pk)
            Respondent.objects.filter(pk=respondent.pk).update(**previous)
            report.failed.append(respondent.user.email)
        else:
            report.sent += 1
    return report


@dataclass
class Outcome:
    sent: bool
    message: str


def resend_own_link(request, respondent: Respondent) -> Outcome:
    """A new personal link for a person who lost theirs (the old one stops working)."""
    questionnaire = respondent.questionnaire
    if not questionnaire.is_open():
        return Outcome(False, _("Ce questionnaire n’est pas ouvert : aucun lien envoyé."))
    if questionnaire.anonymous and respondent.answered:
        return Outcome(
            False,
            _(
                "Vous avez déjà répondu, anonymement : votre réponse n’est reliée qu’au lien de "
                "votre premier courriel, un nouveau lien ne la retrouverait pas."
            ),
        )
    if not may_send(f"questionnaire-{questionnaire.pk}", respondent.user.email):
        return Outcome(False, _("Un lien vient de vous être envoyé : consultez vos courriels."))
    token = secrets.token_urlsafe(32)
    base_url = request.build_absolute_uri("/")
    respondent.token_hash = hash_token(token)
    respondent.sent_at = respondent.sent_at or timezone.now()
    try:
        link_message(respondent, token, base_url, reminder=False).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("The questionnaire link to respondent %s was not sent", respondent.pk)
        return Outcome(False, _("Le lien n’a pas pu être envoyé ; réessayez plus tard."))
    respondent.save(update_fields=["token_hash", "sent_at"])
    return Outcome(True, _("Un nouveau lien personnel vous a été envoyé par courriel."))
