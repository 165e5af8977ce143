"""An administrator of territory A can neither read B's questionnaires that are not public
(drafts, answers, the known list, exports) nor change anything of B: not with B's
addresses, not with A's addresses carrying B's ids. B's personal links open nothing of A."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.questionnaires.models import Answer, Option, Question, Questionnaire, Response, Section
from faisse.questionnaires.testing import add_section, make_questionnaire
from faisse.questionnaires.tests.conftest import build_survey
from faisse.questionnaires.tests.test_bad_answers import answer_all
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(client):
    a, b = make_territory("Territoire A"), make_territory("Territoire B")
    survey = build_survey(b)
    answer_all(client, survey, idea="Confidentiel de B")
    client.logout()
    draft = make_questionnaire(b, title="Brouillon secret de B", published=False)
    add_section(draft, "Page")
    attacker = make_member(a, Role.ADMIN)
    own = make_questionnaire(a, title="Questionnaire de A")
    add_section(own, "Page de A")
    return {"a": a, "b": b, "survey": survey, "draft": draft, "attacker": attacker, "own": own}


def state_of_b(b) -> tuple:
    return tuple(
        list(model.objects.filter(territory=b).order_by("pk").values())
        for model in (Questionnaire, Section, Question, Option, Response, Answer)
    )


def targets(world, slug: str) -> list[tuple[str, str, list, dict]]:
    """Every management address, aimed at B's objects, under `slug`."""
    survey = world["survey"]
    q = survey.questionnaire.pk
    section = survey.questions["usage"].section_id
    question = survey.questions["usage"].pk
    option = survey.questions["usage"].options.first().pk
    return [
        ("get", "edit", [slug, q], {}),
        ("post", "edit", [slug, q], {"title": "Piraté", "audience": "public"}),
        ("get", "preview", [slug, world["draft"].pk], {}),
        ("post", "publish", [slug, world["draft"].pk], {}),
        ("post", "unpublish", [slug, q], {}),
        ("post", "delete", [slug, q], {"confirm": "1"}),
        ("get", "respondents", [slug, q], {}),
        ("post", "respondents", [slug, q], {"action": "send"}),
        ("get", "export", [slug, q, "csv"], {}),
        ("post", "section_add", [slug, q], {"title": "Intruse"}),
        ("post", "section", [slug, q, section], {"title": "Piratée"}),
        ("post", "section_move", [slug, q, section], {"direction": "down"}),
        ("post", "section_delete", [slug, q, section], {"confirm": "1"}),
        ("post", "question_add", [slug, q, section], {"kind": "short_text", "label": "Intruse"}),
        ("post", "question", [slug, q, question], {"label": "Piratée", "key": "x"}),
        ("post", "question_move", [slug, q, question], {"direction": "down"}),
        ("post", "question_delete", [slug, q, question], {"confirm": "1"}),
        ("post", "option_add", [slug, q, question], {"labels": "Intrus"}),
        ("post", "option_change", [slug, q, question, option], {"action": "delete"}),
    ]


def test_b_s_management_addresses_are_refused(client, two):
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    for method, name, args, data in targets(two, two["b"].slug):
        url = reverse(f"questionnaires_manage:{name}", args=args)
        assert getattr(client, method)(url, data).status_code == 403, name
    assert state_of_b(two["b"]) == before


def test_b_s_ids_under_a_s_addresses_are_not_found(client, two):
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    for method, name, args, data in targets(two, two["a"].slug):
        url = reverse(f"questionnaires_manage:{name}", args=args)
        assert getattr(client, method)(url, data).status_code == 404, name
    assert state_of_b(two["b"]) == before


def test_b_s_questionnaires_and_links_stay_closed_to_a(client, two):
    survey, a, b = two["survey"], two["a"].slug, two["b"].slug
    client.force_login(two["attacker"])
    q = survey.questionnaire.pk
    assert (
        "Brouillon secret de B"
        not in client.get(reverse("questionnaires:list", args=[b])).content.decode()
    )
    assert (
        client.get(reverse("questionnaires:detail", args=[b, two["draft"].pk])).status_code == 404
    )
    assert client.get(reverse("questionnaires:detail", args=[b, q])).status_code == 403
    assert client.get(reverse("questionnaires:detail", args=[a, q])).status_code == 404
    # B's personal link under A's address, or aimed at A's questionnaire, opens nothing.
    for args in (
        [a, q, survey.token],
        [b, two["own"].pk, survey.token],
        [a, two["own"].pk, survey.token],
    ):
        assert client.get(reverse("questionnaires:link_start", args=args)).status_code == 404
    assert client.get(reverse("questionnaires:answer_start", args=[a, q])).status_code == 404
