"""Who reads a questionnaire's results, beyond the permission matrix: the browser that
answered a public questionnaire, the élu who answered (not the one who did not), the
links shown only to those who may follow them, and the editors' one way to publish."""

import pytest
from django.test import Client
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire

pytestmark = pytest.mark.django_db
Visibility = Questionnaire.ResultsVisibility


def results_url(questionnaire) -> str:
    return reverse("questionnaires:results", args=[questionnaire.territory.slug, questionnaire.pk])


@pytest.fixture
def public(territory):
    questionnaire = make_questionnaire(
        territory,
        title="Votre avis",
        audience=Questionnaire.Audience.PUBLIC,
        group="",
        results_visibility=Visibility.RESPONDENTS,
    )
    add_question(add_section(questionnaire), "avis", "long_text", label="Votre avis")
    return questionnaire


def answer_public(client, questionnaire, text="Plus de bus"):
    args = [questionnaire.territory.slug, questionnaire.pk]
    client.post(reverse("questionnaires:answer_page", args=[*args, 1]), {"q-avis": text})
    response = client.post(reverse("questionnaires:answer_summary", args=args))
    assert response.status_code == 302


def test_the_browser_that_answered_a_public_questionnaire_reads_its_results(client, public):
    assert client.get(results_url(public)).status_code == 302  # to the login page
    answer_public(client, public)
    page = client.get(results_url(public))
    assert page.status_code == 200
    assert "Plus de bus" in page.content.decode()
    # Another browser, which did not answer, does not.
    assert Client().get(results_url(public)).status_code == 302
    # The public page and the list link to the results for the browser that answered.
    detail = reverse("questionnaires:detail", args=[public.territory.slug, public.pk])
    listing = reverse("questionnaires:list", args=[public.territory.slug])
    assert results_url(public) in client.get(detail).content.decode()
    assert results_url(public) in client.get(listing).content.decode()
    assert results_url(public) not in Client().get(detail).content.decode()
    assert results_url(public) not in Client().get(listing).content.decode()


def test_a_signed_in_person_who_answered_a_named_public_questionnaire_reads_them(
    client, territory, public
):
    partner = make_member(territory, Role.PARTNER)
    client.force_login(partner)
    answer_public(client, public)
    other = Client()
    other.force_login(partner)  # same person, another browser: found by their response
    assert other.get(results_url(public)).status_code == 200
    Questionnaire.objects.filter(pk=public.pk).update(anonymous=True)
    # Anonymous: the response keeps no link to the person; only the browser's cookie.
    assert other.get(results_url(public)).status_code == 403
    assert client.get(results_url(public)).status_code == 200


def test_only_the_elus_who_answered_read_results_published_to_respondents(client, territory):
    questionnaire = make_questionnaire(territory, results_visibility=Visibility.RESPONDENTS)
    add_question(add_section(questionnaire), "choix", "single_choice", options=["A", "B"])
    did, did_not = (make_member(territory, Role.ELECTED) for _ in range(2))
    respondent, _token = invite(questionnaire, did)
    respondent.answered = True
    respondent.save()
    invite(questionnaire, did_not)
    detail = reverse("questionnaires:detail", args=[territory.slug, questionnaire.pk])
    client.force_login(did_not)
    assert client.get(results_url(questionnaire)).status_code == 403
    assert results_url(questionnaire) not in client.get(detail).content.decode()
    client.force_login(did)
    assert client.get(results_url(questionnaire)).status_code == 200
    assert results_url(questionnaire) in client.get(detail).content.decode()


def test_results_kept_to_the_team_are_refused_even_to_those_who_answered(client, territory):
    questionnaire = make_questionnaire(territory)  # results_visibility: none
    add_section(questionnaire)
    elected = make_member(territory, Role.ELECTED)
    respondent, _token = invite(questionnaire, elected)
    respondent.answered = True
    respondent.save()
    client.force_login(elected)
    assert client.get(results_url(questionnaire)).status_code == 403
    client.force_login(make_member(territory, Role.EDITOR))
    assert client.get(results_url(questionnaire)).status_code == 200


def test_a_draft_has_no_results_page_not_even_for_editors(client, territory):
    draft = make_questionnaire(territory, published=False, results_visibility=Visibility.PUBLIC)
    client.force_login(make_member(territory, Role.EDITOR))
    assert client.get(results_url(draft)).status_code == 404


def test_an_editor_publishes_the_results_from_the_edit_page(client, territory):
    questionnaire = make_questionnaire(territory, title="Questionnaire n°1")
    add_section(questionnaire)
    client.force_login(make_member(territory, Role.EDITOR))
    edit = reverse("questionnaires_manage:edit", args=[territory.slug, questionnaire.pk])
    html = client.get(edit).content.decode()
    assert 'id="resultats"' in html and results_url(questionnaire) in html
    assert html.count('name="results_visibility"') == 3  # one form, three choices
    action = reverse(
        "questionnaires_manage:results_visibility", args=[territory.slug, questionnaire.pk]
    )
    response = client.post(action, {"results_visibility": "public"})
    assert response.url == edit + "#resultats"
    questionnaire.refresh_from_db()
    assert questionnaire.results_visibility == Visibility.PUBLIC
    assert Client().get(results_url(questionnaire)).status_code == 200
    # A value that is not a choice changes nothing and says what to choose.
    response = client.post(action, {"results_visibility": "tout-le-monde"}, follow=True)
    assert "Choisissez qui voit les résultats" in response.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.results_visibility == Visibility.PUBLIC
    # The settings form is not a second way: saving it leaves the visibility alone.
    saved = client.post(
        edit,
        {"title": "Questionnaire n°1", "audience": "members", "group": "elected",
         "results_visibility": "none"},
    )  # fmt: skip
    assert saved.status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.results_visibility == Visibility.PUBLIC
    # Everyone finds the results from the list once they are public.
    listing = reverse("questionnaires:list", args=[territory.slug])
    member = Client()
    member.force_login(make_member(territory, Role.PARTNER))
    assert results_url(questionnaire) in member.get(listing).content.decode()


def test_a_breakdown_that_does_not_exist_is_explained(client, territory):
    questionnaire = make_questionnaire(territory, results_visibility=Visibility.PUBLIC)
    add_section(questionnaire)
    response = client.get(results_url(questionnaire) + "?par=age")
    assert response.status_code == 400
    assert "« age » n’est pas une répartition possible" in response.content.decode()
