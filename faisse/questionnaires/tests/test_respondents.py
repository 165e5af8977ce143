"""The known list and its e-mails: one personal link per person, reminders only to those
who have not answered, one e-mail each, never twice within the gap."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Commission, Membership, Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.answering import respondent_of
from faisse.questionnaires.models import Questionnaire, Respondent
from faisse.questionnaires.respondents import REMINDER_GAP, build_list, send_links
from faisse.questionnaires.testing import make_questionnaire

pytestmark = pytest.mark.django_db
SITE = "https://faisse.example.org"


def link_in(message) -> str:
    return next(line for line in message.body.splitlines() if line.startswith(SITE))


@pytest.fixture
def listed(territory):
    questionnaire = make_questionnaire(territory, group=Questionnaire.Group.ELECTED)
    elected = [make_member(territory, Role.ELECTED) for _ in range(3)]
    make_member(territory, Role.PARTNER)
    build_list(questionnaire)
    return questionnaire, elected


def test_the_list_is_drawn_from_the_group_once(territory, listed):
    questionnaire, elected = listed
    assert set(questionnaire.respondents.values_list("user", flat=True)) == {u.pk for u in elected}
    assert build_list(questionnaire) == 0
    commission = Commission.objects.create(territory=territory, name="Mobilités")
    commission.members.add(Membership.objects.get(user=elected[1]))
    fresh = make_questionnaire(territory, group="commission", commission=commission)
    build_list(fresh)
    assert list(fresh.respondents.values_list("user", flat=True)) == [elected[1].pk]


def test_each_person_gets_one_e_mail_with_a_working_personal_link(client, listed):
    questionnaire, elected = listed
    report = send_links(questionnaire, SITE)
    assert report.sent == 3 and len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in elected)
    link = link_in(mail.outbox[0])
    assert client.get(link.removeprefix(SITE)).status_code == 200
    assert send_links(questionnaire, SITE).sent == 0  # sent already: nothing again
    assert len(mail.outbox) == 3


def test_reminders_go_once_to_those_who_have_not_answered(listed):
    questionnaire, elected = listed
    sent = timezone.now() - REMINDER_GAP - timedelta(hours=1)
    questionnaire.respondents.update(sent_at=sent)
    Respondent.objects.filter(user=elected[0]).update(answered=True)
    report = send_links(questionnaire, SITE, reminder=True)
    assert report.sent == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in elected[1:])
    assert "Rappel" in mail.outbox[0].subject
    # The reminder's link replaces the first one.
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert respondent_of(questionnaire, token).user.email == mail.outbox[0].to[0]
    # A second round the same day sends nothing: never a flood.
    assert send_links(questionnaire, SITE, reminder=True).sent == 0
    later = timezone.now() + REMINDER_GAP + timedelta(hours=1)
    assert send_links(questionnaire, SITE, reminder=True, now=later).sent == 2


def test_the_reminder_command_and_the_button(client, territory, listed):
    questionnaire, _elected = listed
    questionnaire.respondents.update(sent_at=timezone.now() - REMINDER_GAP * 2)
    with pytest.raises(CommandError, match="--site-url"):
        call_command("remind_questionnaire", str(questionnaire.pk), site_url="")
    call_command("remind_questionnaire", str(questionnaire.pk), site_url=SITE)
    assert len(mail.outbox) == 3
    client.force_login(make_member(territory, Role.EDITOR))
    url = reverse("questionnaires_manage:respondents", args=[territory.slug, questionnaire.pk])
    response = client.post(url, {"action": "remind"}, follow=True)
    assert "0 rappel(s) envoyé(s)." in response.content.decode()
    assert len(mail.outbox) == 3


def test_no_reminder_for_a_closed_questionnaire(territory):
    questionnaire = make_questionnaire(territory, is_open=False)
    make_member(territory, Role.ELECTED)
    build_list(questionnaire)
    questionnaire.respondents.update(sent_at=timezone.now() - REMINDER_GAP * 2)
    with pytest.raises(CommandError, match="n’est pas ouvert"):
        call_command("remind_questionnaire", str(questionnaire.pk), site_url=SITE)
    assert send_links(questionnaire, SITE, reminder=True).sent == 0
    assert mail.outbox == []


def test_a_person_of_the_list_asks_for_a_new_link(client, survey):
    client.force_login(survey.elected)
    url = reverse(
        "questionnaires:link_resend", args=[survey.territory.slug, survey.questionnaire.pk]
    )
    response = client.post(url, follow=True)
    assert "Un nouveau lien personnel vous a été envoyé" in response.content.decode()
    assert len(mail.outbox) == 1
    assert client.get(survey.link()).status_code == 404  # the old link stops working
    client.post(url)
    assert len(mail.outbox) == 1  # a second request within the minute sends nothing
