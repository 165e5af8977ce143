"""faisse questionnaire_results: the API's JSON, or a text summary; a clear error for an
unknown questionnaire."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from faisse.questionnaires.models import Question
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.questionnaires.tests.test_results import respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(territory):
    questionnaire = make_questionnaire(territory, title="Questionnaire n°2")
    page = add_section(questionnaire)
    choice = add_question(page, "usage", Question.Kind.SINGLE_CHOICE, options=["Oui", "Non"])
    points = add_question(page, "budget", Question.Kind.POINTS, options=["a", "b"], total=10)
    respond(questionnaire, {choice: "Oui", points: [("a", 4, None, ""), ("b", 6, None, "")]})
    respond(questionnaire, {choice: "Non", points: [("a", 9, None, ""), ("b", 1, None, "")]})
    return questionnaire


def run(*args) -> str:
    out = StringIO()
    call_command("questionnaire_results", *args, stdout=out)
    return out.getvalue()


def test_json_is_the_api_shape(questionnaire):
    data = json.loads(run(str(questionnaire.pk), "--json"))
    assert data["respondents"] == 2
    usage, budget = data["questions"]
    assert usage["counts"] == {"Oui": 1, "Non": 1}
    assert budget["ranking"] == ["a", "b"] and budget["scores"] == {"a": 13, "b": 7}


def test_text_summary_lists_each_question(questionnaire):
    text = run(str(questionnaire.pk))
    assert "Questionnaire n°2 : 2 réponse(s)" in text
    assert "  1. a — 13" in text and "  Oui : 1" in text


def test_unknown_questionnaire_is_a_clear_error(questionnaire):
    with pytest.raises(CommandError, match="questionnaire inconnu : « 0 »"):
        run("0")


def test_recount_rebuilds_lost_tallies(questionnaire):
    from faisse.questionnaires.models import AnswerTally

    AnswerTally.objects.all().delete()
    assert json.loads(run(str(questionnaire.pk), "--json"))["questions"][0]["answers"] == 0
    data = json.loads(run(str(questionnaire.pk), "--json", "--recount"))
    assert data["questions"][0]["counts"] == {"Oui": 1, "Non": 1}
