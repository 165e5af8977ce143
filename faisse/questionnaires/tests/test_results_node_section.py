"""A plan element's public page says how the questionnaires ranked it, once their results
are published to everyone: its place among the options, by how many people, with a link
to the results; ties said ex æquo; "élus" only for a questionnaire of the élus."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.tests.results_world import answer, every_kind

pytestmark = pytest.mark.django_db
Visibility = Questionnaire.ResultsVisibility


@pytest.fixture
def ranked(territory, plan):
    questionnaire, q = every_kind(territory, plan, results_visibility=Visibility.PUBLIC)
    nodes = [option.node for option in q["ordre"].options.order_by("position")]
    return questionnaire, q, nodes


def html_of(client, node) -> str:
    response = client.get(node.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_node_page_says_its_place_in_each_ranking_question(client, ranked, territory):
    questionnaire, q, nodes = ranked
    answer(questionnaire, q, list(territory.communes.all()), 7)  # Borda 15, 14, 13
    first = html_of(client, nodes[0])
    assert "Dans les questionnaires" in first
    assert "Classée 1ʳᵉ sur 3 par 7 élus" in first
    assert "(mention majoritaire : Passable)" in first
    assert "(42 points)" in first
    results = f"/{territory.slug}/questionnaires/{questionnaire.pk}/resultats/#question-ordre"
    assert results in first
    assert "Classée 2ᵉ sur 3 par 7 élus" in html_of(client, nodes[1])
    assert "Classée 3ᵉ sur 3 par 7 élus" in html_of(client, nodes[2])
    # Questions that do not rank (a single choice) add nothing: three lines, one per
    # ranking, majority-judgment and points question.
    assert first.count("sur 3 par 7 élus") == 3


def test_ties_are_said_ex_aequo(client, ranked, territory):
    questionnaire, q, nodes = ranked
    answer(questionnaire, q, list(territory.communes.all()), 6)  # every Borda score 12
    html = html_of(client, nodes[2])
    assert "Classée 1ʳᵉ ex æquo sur 3 par 6 élus" in html


def test_the_section_appears_only_once_results_are_published_to_everyone(client, ranked, territory):
    questionnaire, q, nodes = ranked
    answer(questionnaire, q, list(territory.communes.all()), 5)
    for visibility in (Visibility.NONE, Visibility.RESPONDENTS):
        Questionnaire.objects.filter(pk=questionnaire.pk).update(results_visibility=visibility)
        client.force_login(make_member(territory, Role.EDITOR))  # even for the team
        assert "Dans les questionnaires" not in html_of(client, nodes[0])
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        results_visibility=Visibility.PUBLIC, published_at=None
    )
    assert "Dans les questionnaires" not in html_of(client, nodes[0])
    Questionnaire.objects.filter(pk=questionnaire.pk).update(published_at=questionnaire.opens_on)
    client.logout()
    assert "Classée 1ʳᵉ sur 3 par 5 élus" in html_of(client, nodes[0])


def test_without_answers_the_section_is_not_shown(client, ranked):
    assert "Dans les questionnaires" not in html_of(client, ranked[2][0])


def test_people_not_elus_for_a_public_questionnaire(client, territory, plan):
    questionnaire, q = every_kind(
        territory,
        plan,
        audience=Questionnaire.Audience.PUBLIC,
        group="",
        results_visibility=Visibility.PUBLIC,
    )
    answer(questionnaire, q, list(territory.communes.all()), 7)
    node = q["ordre"].options.order_by("position").first().node
    assert "Classée 1ʳᵉ sur 3 par 7 personnes" in html_of(client, node)


def test_a_masculine_element_is_classe(client, territory, plan):
    questionnaire, q = every_kind(territory, results_visibility=Visibility.PUBLIC)
    objective = plan.nodes.filter(kind="objective").order_by("pk").first()
    option = q["ordre"].options.order_by("position").first()
    option.node = objective
    option.save()
    answer(questionnaire, q, list(territory.communes.all()), 7)
    assert "Classé 1ᵉʳ sur 3 par 7 élus" in html_of(client, objective)
