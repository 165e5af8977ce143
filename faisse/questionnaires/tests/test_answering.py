"""Answering: conditions on the server, the draft between pages, the public's one answer
per browser (throttled), what an anonymous response keeps, and constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires import answering
from faisse.questionnaires.models import Answer, Draft, Questionnaire, Respondent, Response
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire
from faisse.questionnaires.tests.test_bad_answers import answer_all, first_page, second_page

pytestmark = pytest.mark.django_db


def test_a_conditional_question_is_asked_only_when_its_condition_holds(client, survey):
    client.post(
        survey.link("page", 1), first_page(survey, **{"q-usage": survey.opt("usage", "Non")})
    )
    page = client.get(survey.link("page", 2)).content.decode()
    assert "Quelles lignes prenez-vous ?" not in page
    # Posted anyway (an old form), the answer to a question not asked is dropped.
    data = second_page(survey) | {"q-lignes": [survey.opt("lignes", "Bus")]}
    client.post(survey.link("page", 2), data)
    assert "lignes" not in Draft.objects.get().values


def test_changing_the_answer_a_condition_depends_on_discards_the_dependent_answer(client, survey):
    client.post(survey.link("page", 1), first_page(survey))
    client.post(
        survey.link("page", 2), second_page(survey) | {"q-lignes": [survey.opt("lignes", "Bus")]}
    )
    assert Draft.objects.get().values["lignes"] == [survey.opt("lignes", "Bus")]
    client.post(
        survey.link("page", 1), first_page(survey, **{"q-usage": survey.opt("usage", "Non")})
    )
    assert "lignes" not in Draft.objects.get().values
    client.post(survey.link("page", 3), {"q-idee": ""})
    client.post(survey.link("summary"))
    assert not Answer.objects.filter(question__key="lignes").exists()


def test_the_draft_is_kept_between_pages_and_going_back_shows_it(client, survey):
    client.post(survey.link("page", 1), first_page(survey))
    response = client.post(survey.link("page", 2), {"go": "previous"})
    assert response.url == survey.link("page", 1)
    page = client.get(survey.link("page", 1)).content.decode()
    assert f'value="{survey.opt("usage", "Oui")}" checked' in page
    # Another browser with the same link finds the same draft: it is on the server.
    from django.test import Client

    other = Client().get(survey.link()).content.decode()
    assert "Reprendre" in other


def test_a_page_whose_questions_are_all_skipped_is_passed(client, territory):
    questionnaire = make_questionnaire(territory)
    first, second, third = (add_section(questionnaire, title) for title in "ABC")
    usage = add_question(first, "usage", "single_choice", options=["Oui", "Non"])
    only_if = add_question(second, "suite", "short_text", show_if_question=usage)
    only_if.show_if_option = usage.options.get(label="Oui")
    only_if.save()
    add_question(third, "fin", "short_text")
    user = make_member(territory, Role.ELECTED)
    _respondent, token = invite(questionnaire, user)
    args = [territory.slug, questionnaire.pk, token]
    response = client.post(
        reverse("questionnaires:link_page", args=[*args, 1]),
        {"q-usage": str(usage.options.get(label="Non").pk)},
    )
    assert response.url == reverse("questionnaires:link_page", args=[*args, 3])
    page = client.get(reverse("questionnaires:link_page", args=[*args, 3])).content.decode()
    assert "(page 2 sur 2)" in page


def test_an_anonymous_response_keeps_no_link_to_the_person(client, survey):
    survey.questionnaire.anonymous = True
    survey.questionnaire.save()
    answer_all(client, survey)
    response = Response.objects.get()
    assert response.person is None
    assert response.commune == survey.territory.communes.first() and response.role == "elected"
    assert (response.submitted_at.hour, response.submitted_at.minute) in {(22, 0), (23, 0)}
    assert Respondent.objects.get().answered
    assert response.key_hash != survey.respondent.token_hash
    assert not Draft.objects.exists()
    # The person changes it with the same link; the draft of the change is not theirs.
    client.post(survey.link("page", 3), {"q-idee": "Autre"})
    draft = Draft.objects.get()
    assert draft.respondent is None and draft.key_hash == response.key_hash
    client.post(survey.link("summary"))
    assert Response.objects.get().answers.get(question__key="idee").text == "Autre"


@pytest.fixture
def public(territory):
    questionnaire = make_questionnaire(
        territory, title="Votre avis", audience=Questionnaire.Audience.PUBLIC, group=""
    )
    section = add_section(questionnaire)
    add_question(section, "lieu", "commune", required=True, label="Votre commune")
    add_question(section, "avis", "long_text", label="Votre avis")
    return questionnaire


def public_url(questionnaire, name, *extra):
    return reverse(
        f"questionnaires:answer_{name}",
        args=[questionnaire.territory.slug, questionnaire.pk, *extra],
    )


def test_the_public_answers_once_per_browser(client, territory, public):
    insee = territory.communes.last().insee
    client.post(public_url(public, "page", 1), {"q-lieu": insee, "q-avis": "Bien"})
    assert client.post(public_url(public, "summary")).url == public_url(public, "thanks")
    response = Response.objects.get()
    assert response.commune.insee == insee and response.person is None
    # The same browser changes its response; it never adds one.
    client.post(public_url(public, "page", 1), {"q-lieu": insee, "q-avis": "Très bien"})
    client.post(public_url(public, "summary"))
    assert Response.objects.count() == 1
    assert Answer.objects.get(question__key="avis").text == "Très bien"
    # Another browser is another response; a personal link does not open it.
    from django.test import Client

    other = Client()
    other.post(public_url(public, "page", 1), {"q-lieu": insee})
    other.post(public_url(public, "summary"))
    assert Response.objects.count() == 2


def test_public_answers_are_throttled_per_address(client, territory, public, monkeypatch):
    monkeypatch.setattr(answering, "PUBLIC_RESPONSES_PER_HOUR", 2)
    from django.test import Client

    insee = territory.communes.first().insee
    for _ in range(2):
        assert Client().post(public_url(public, "page", 1), {"q-lieu": insee}).status_code == 302
    response = Client().post(public_url(public, "page", 1), {"q-lieu": insee})
    assert response.status_code == 400
    assert "Trop de réponses viennent de votre adresse réseau" in response.content.decode()
    assert Draft.objects.count() == 2


def test_a_questionnaire_for_members_has_no_public_way_in(client, survey):
    url = reverse(
        "questionnaires:answer_page", args=[survey.territory.slug, survey.questionnaire.pk, 1]
    )
    assert client.post(url, {"q-usage": survey.opt("usage", "Oui")}).status_code == 404
    assert not Draft.objects.exists()


def queries_for(client, url, method="get", data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302)
    return len(queries)


def test_answering_pages_use_as_many_queries_for_many_options_and_communes(client, territory):
    from faisse.questionnaires.tests.conftest import build_survey

    small = build_survey(territory)
    large = build_survey(territory)
    for question in large.questions.values():
        if question.kind in ("single_choice", "ranking", "points", "matrix"):
            from faisse.questionnaires.building import add_options

            add_options(question, [f"Choix {n}" for n in range(40)])
    from faisse.territories.models import Commune

    Commune.objects.bulk_create(
        Commune(territory=territory, insee=f"{30000 + n}", name=f"Village {n}") for n in range(60)
    )
    counts = []
    for survey in (small, large):
        client.post(survey.link("page", 1), first_page(survey))
        counts.append(
            (
                queries_for(client, survey.link("page", 1)),
                queries_for(client, survey.link("page", 2)),
                queries_for(client, survey.link("summary")),
            )
        )
    assert counts[0] == counts[1]
