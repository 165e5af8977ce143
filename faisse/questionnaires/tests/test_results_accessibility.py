"""The results pages pass the site's accessibility checks (one h1, headings in order,
named charts and map, no duplicate id, no external asset), as do the pages that link to
them: the edit page's Résultats block and a plan element's ranking section."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Commission, Role
from faisse.accounts.testing import make_member
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.testing import invite
from faisse.questionnaires.tests.results_world import answer, every_kind
from faisse.questionnaires.tests.test_results_page import square

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(territory, plan):
    for index, commune in enumerate(territory.communes.order_by("pk")):
        commune.boundary = square(4 + index * 0.1, 44)
        commune.save()
    questionnaire, q = every_kind(
        territory, plan, results_visibility=Questionnaire.ResultsVisibility.PUBLIC
    )
    commission = Commission.objects.create(territory=territory, name="Mobilités")
    answer(questionnaire, q, list(territory.communes.all()), 12, [commission])
    elected = make_member(territory, Role.ELECTED)
    invite(questionnaire, elected, commune=territory.communes.first())
    return questionnaire, q


@pytest.mark.parametrize("query", ["", "?par=commune", "?par=role", "?par=commission"])
def test_the_results_page(client, answered, territory, query):
    questionnaire, _q = answered
    url = reverse("questionnaires:results", args=[territory.slug, questionnaire.pk])
    html = page(client.get(url + query))
    assert_accessible(html)
    assert "carte-reponses-titre" in html.ids  # the map is drawn, and named
    # Every table has a caption and its headers a scope.
    assert html.html.count("<table") == html.html.count("<caption>")
    assert html.html.count("<th>") == 0


def test_the_results_page_of_an_anonymous_public_questionnaire(client, territory):
    questionnaire, q = every_kind(
        territory,
        audience="public",
        group="",
        anonymous=True,
        results_visibility=Questionnaire.ResultsVisibility.PUBLIC,
    )
    answer(questionnaire, q, list(territory.communes.all()), 3)
    url = reverse("questionnaires:results", args=[territory.slug, questionnaire.pk])
    assert_accessible(page(client.get(url)))


def test_the_edit_page_and_the_public_pages_that_link_to_the_results(client, answered, territory):
    questionnaire, q = answered
    client.force_login(make_member(territory, Role.EDITOR))
    edit = reverse("questionnaires_manage:edit", args=[territory.slug, questionnaire.pk])
    assert_accessible(page(client.get(edit)))
    detail = reverse("questionnaires:detail", args=[territory.slug, questionnaire.pk])
    assert_accessible(page(client.get(detail)))
    assert_accessible(page(client.get(reverse("questionnaires:list", args=[territory.slug]))))
    client.logout()
    node = q["ordre"].options.order_by("position").first().node
    html = page(client.get(node.get_absolute_url()))
    assert_accessible(html)
    assert "classements-questionnaires" in html.ids
