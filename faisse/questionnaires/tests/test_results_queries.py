"""The results page and a plan element's page cost as many queries for 50 responses as
for 5; the element's ranking section costs two queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Commission, Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.node_rankings import node_section
from faisse.questionnaires.tests.results_world import answer, every_kind

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def world(territory, plan):
    questionnaire, q = every_kind(
        territory, plan, results_visibility=Questionnaire.ResultsVisibility.PUBLIC
    )
    commissions = [Commission.objects.create(territory=territory, name="Mobilités")]
    return questionnaire, q, list(territory.communes.all()), commissions


@pytest.mark.parametrize("query", ["", "?par=commune", "?par=role", "?par=commission"])
def test_the_results_page_does_not_grow_with_responses(client, world, territory, query):
    questionnaire, q, communes, commissions = world
    client.force_login(make_member(territory, Role.EDITOR))
    url = reverse("questionnaires:results", args=[territory.slug, questionnaire.pk]) + query
    answer(questionnaire, q, communes, 5, commissions)
    few = queries(client, url)
    answer(questionnaire, q, communes, 45, commissions)
    assert queries(client, url) == few
    assert few <= 22, few


def test_a_node_page_does_not_grow_with_responses(client, world):
    questionnaire, q, communes, _commissions = world
    node = q["ordre"].options.order_by("position").first().node
    answer(questionnaire, q, communes, 5)
    few = queries(client, node.get_absolute_url())
    answer(questionnaire, q, communes, 45)
    assert queries(client, node.get_absolute_url()) == few
    assert "par 50 élus" in client.get(node.get_absolute_url()).content.decode()


def test_the_ranking_section_costs_two_queries(world, django_assert_num_queries):
    questionnaire, q, communes, _commissions = world
    answer(questionnaire, q, communes, 5)
    node = q["ordre"].options.order_by("position").first().node
    with django_assert_num_queries(2):
        section = node_section(node)
    assert section is not None
    other = q["ordre"].options.order_by("position").first().node.parent
    with django_assert_num_queries(1):  # nothing ranks it: one query, no section
        assert node_section(other) is None
