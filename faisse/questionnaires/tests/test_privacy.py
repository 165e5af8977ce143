"""Personal data of respondents: their places on lists, their named responses and their
drafts are in "my data" and leave with the account; anonymous answers stay, unlinked, and
named answers stay, unattributed."""

import json

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Answer, Draft, Respondent, Response
from faisse.questionnaires.tests.conftest import build_survey
from faisse.questionnaires.tests.test_bad_answers import answer_all, first_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client, territory):
    """An élu who answered a named questionnaire, an anonymous one, and left a draft."""
    make_member(territory, Role.ADMIN)
    named = build_survey(territory)
    answer_all(client, named, idea="Idée nominative")
    anonymous = build_survey(territory, title="Anonyme", anonymous=True)
    anonymous.elected.delete()
    anonymous.respondent.delete()
    from faisse.questionnaires.testing import invite

    anonymous.respondent, anonymous.token = invite(anonymous.questionnaire, named.elected)
    answer_all(client, anonymous, idea="Idée anonyme")
    drafting = build_survey(territory, title="En cours")
    drafting.respondent.delete()
    drafting.respondent, drafting.token = invite(drafting.questionnaire, named.elected)
    client.post(drafting.link("page", 1), first_page(drafting))
    return named.elected, named, anonymous, drafting


def test_my_data_holds_lists_named_responses_and_drafts_but_no_anonymous_answer(client, person):
    user, named, _anonymous, _drafting = person
    client.force_login(user)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "3 invitation(s) à répondre, 1 réponse(s) nominative(s), 1 brouillon(s)" in page
    data = json.loads(client.get(reverse("accounts:my_data_download")).content)["questionnaires"]
    assert [entry["questionnaire"] for entry in data["lists"]] == [
        "Questionnaire n°1",
        "Anonyme",
        "En cours",
    ]
    (response,) = data["responses"]
    assert {"question": "Une idée", "answer": ["Idée nominative"]} in response["answers"]
    assert "Idée anonyme" not in json.dumps(data, ensure_ascii=False)
    (draft,) = data["drafts"]
    assert {"question": "Utilisez-vous les transports en commun ?", "answer": ["Oui"]} in draft[
        "answers"
    ]


def test_erasing_the_account_unlinks_answers_and_deletes_drafts(client, person):
    user, named, anonymous, drafting = person
    client.force_login(user)
    client.post(reverse("accounts:erase"), {"email": user.email})
    assert not Draft.objects.exists()
    assert not Response.objects.filter(person__isnull=False).exists()
    named_response = Response.objects.get(questionnaire=named.questionnaire)
    assert named_response.answers.get(question__key="idee").text == "Idée nominative"
    assert named_response.commune is not None  # breakdowns stay
    assert Answer.objects.filter(text="Idée anonyme").exists()
    places = Respondent.objects.filter(
        questionnaire__in=[named.questionnaire, drafting.questionnaire]
    ).order_by("pk")
    assert list(places.values_list("user", "token_hash", "answered")) == [
        (None, "", True),
        (None, "", False),
    ]
    assert client.get(named.link()).status_code == 404  # the personal link is gone
