"""GET /api/v1/territories/{slug}/questionnaires and /api/v1/questionnaires/{id}/results:
what each caller may see, and the results' shape."""

import pytest

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.testing import add_question, add_section, invite, make_questionnaire
from faisse.questionnaires.tests.test_results import respond
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
Kind = Question.Kind
V = Questionnaire.ResultsVisibility


def bearer(user, territory):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.create(user, territory, 'api', 'read')[1]}"}


@pytest.fixture
def people(territory):
    return {role: make_member(territory, role, f"{role}@example.org") for role in Role.values}


@pytest.fixture
def questionnaires(territory):
    found = {
        "public": make_questionnaire(
            territory, title="Public", audience="public", results_visibility=V.PUBLIC
        ),
        "members": make_questionnaire(
            territory, title="Élus", results_visibility=V.RESPONDENTS, is_open=False
        ),
        "draft": make_questionnaire(territory, title="Brouillon", published=False),
    }
    for questionnaire in found.values():
        page = add_section(questionnaire)
        question = add_question(page, "ordre", Kind.RANKING, options=["Eau", "Forêt", "Ville"])
        for order in (
            ("Forêt", "Eau", "Ville"),
            ("Eau", "Forêt", "Ville"),
            ("Forêt", "Ville", "Eau"),
        ):
            ranks = [(label, rank, None, "") for rank, label in enumerate(order, 1)]
            respond(questionnaire, {question: ranks})
    return found


def listed(client, territory, **headers) -> list[str]:
    response = client.get(f"/api/v1/territories/{territory.slug}/questionnaires", **headers)
    assert response.status_code == 200
    return [item["title"] for item in response.json()]


def test_the_list_shows_what_each_caller_may_see(client, territory, people, questionnaires):
    assert listed(client, territory) == ["Public"]
    partner = bearer(people["partner"], territory)
    assert sorted(listed(client, territory, **partner)) == ["Public", "Élus"]
    assert sorted(listed(client, territory, **bearer(people["editor"], territory))) == [
        "Brouillon",
        "Public",
        "Élus",
    ]


def test_the_list_links_the_results_only_when_readable(client, territory, questionnaires):
    body = client.get(f"/api/v1/territories/{territory.slug}/questionnaires").json()
    assert body[0]["results"].endswith(
        f"/api/v1/questionnaires/{questionnaires['public'].pk}/results"
    )
    assert body[0]["questions"] == 1 and body[0]["status"] == "open"


def test_published_results_for_everyone_in_the_documented_shape(client, questionnaires):
    response = client.get(f"/api/v1/questionnaires/{questionnaires['public'].pk}/results")
    assert response.status_code == 200
    body = response.json()
    assert body["respondents"] == 3
    [question] = body["questions"]
    # Borda 3-2-1: Forêt 3+2+3 = 8, Eau 2+3+1 = 6, Ville 1+1+2 = 4.
    assert question == {
        "key": "ordre",
        "type": "ranking",
        "label": "Question ordre",
        "answers": 3,
        "ranking": ["Forêt", "Eau", "Ville"],
        "scores": {"Forêt": 8, "Eau": 6, "Ville": 4},
        "mean_ranks": {"Forêt": 1.333, "Eau": 2.0, "Ville": 2.667},
        "tied": [],
    }


def test_results_for_respondents_only_to_those_who_answered(
    client, territory, people, questionnaires
):
    url = f"/api/v1/questionnaires/{questionnaires['members'].pk}/results"
    assert client.get(url).status_code == 403
    elected = people["elected"]
    respondent, _token = invite(questionnaires["members"], elected)
    assert client.get(url, **bearer(elected, territory)).status_code == 403
    respondent.answered = True
    respondent.save()
    assert client.get(url, **bearer(elected, territory)).status_code == 200
    assert client.get(url, **bearer(people["editor"], territory)).status_code == 200


def test_unpublished_results_only_for_the_territory_editors(
    client, territory, people, questionnaires
):
    draft = f"/api/v1/questionnaires/{questionnaires['draft'].pk}/results"
    response = client.get(draft)
    assert response.status_code == 404
    assert response.json() == {"detail": f"Questionnaire inconnu : {questionnaires['draft'].pk}."}
    assert client.get(draft, **bearer(people["admin"], territory)).status_code == 200
    other = make_territory("Autre agglo")
    stranger = make_member(other, Role.ADMIN, "admin@autre.example.org")
    assert client.get(draft, **bearer(stranger, other)).status_code == 404  # not even its id
    assert client.get("/api/v1/questionnaires/999999999999/results").status_code == 404


def test_the_results_cost_a_constant_number_of_queries(
    client, questionnaires, django_assert_max_num_queries
):
    url = f"/api/v1/questionnaires/{questionnaires['public'].pk}/results"
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
