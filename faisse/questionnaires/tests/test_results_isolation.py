"""Territory B's results are not read nor published under territory A's address, not
even by A's administrator, and B's published results do not leak into A's pages."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.testing import make_plan
from faisse.questionnaires.models import Questionnaire
from faisse.questionnaires.tests.results_world import answer, every_kind
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    a, b = make_territory("Territoire A"), make_territory("Territoire B")
    plan_a, plan_b = make_plan(a), make_plan(b)
    questionnaire, q = every_kind(
        b, plan_b, results_visibility=Questionnaire.ResultsVisibility.PUBLIC
    )
    answer(questionnaire, q, list(b.communes.all()), 6)
    return {"a": a, "b": b, "plan_a": plan_a, "questionnaire": questionnaire}


def test_b_results_under_a_slug_are_not_found(client, two):
    a, questionnaire = two["a"], two["questionnaire"]
    client.force_login(make_member(a, Role.ADMIN))
    url = reverse("questionnaires:results", args=[a.slug, questionnaire.pk])
    assert client.get(url).status_code == 404
    assert client.get(url + "?par=commune").status_code == 404
    # Under B's own slug the results are public: A's admin reads them as anyone would.
    own = reverse("questionnaires:results", args=[two["b"].slug, questionnaire.pk])
    assert client.get(own).status_code == 200


def test_a_admin_cannot_publish_or_hide_b_results(client, two):
    a, questionnaire = two["a"], two["questionnaire"]
    client.force_login(make_member(a, Role.ADMIN))
    for slug in (a.slug, two["b"].slug):
        url = reverse("questionnaires_manage:results_visibility", args=[slug, questionnaire.pk])
        response = client.post(url, {"results_visibility": "none"})
        assert response.status_code == (404 if slug == a.slug else 403)
    questionnaire.refresh_from_db()
    assert questionnaire.results_visibility == Questionnaire.ResultsVisibility.PUBLIC


def test_b_rankings_show_on_b_plan_only(client, two):
    ranked = two["questionnaire"].questions.get(key="ordre").options.first().node
    assert "Dans les questionnaires" in client.get(ranked.get_absolute_url()).content.decode()
    node = two["plan_a"].nodes.filter(kind="orientation").order_by("pk").first()
    html = client.get(node.get_absolute_url()).content.decode()
    assert "Dans les questionnaires" not in html
