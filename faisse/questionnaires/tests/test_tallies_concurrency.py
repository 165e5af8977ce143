"""Responses sent at the same moment never lose a count: the tallies kept by concurrent
submissions are those a recount of the answers finds (PostgreSQL row lock; SQLite
serialises writers)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from faisse.questionnaires.answering import Answerer, submit
from faisse.questionnaires.models import AnswerTally, Draft, Question
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.results import compute_results
from faisse.questionnaires.tallies import recount
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.territories.testing import make_territory

PEOPLE = 10


def stored() -> list:
    rows = AnswerTally.objects.filter(count__gt=0).order_by("question", "scope", "option")
    return list(rows.values_list("question", "scope", "option", "number", "count"))


@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_keep_every_count():
    territory = make_territory()
    questionnaire = make_questionnaire(territory, audience="public")
    page = add_section(questionnaire)
    question = add_question(page, "usage", Question.Kind.SINGLE_CHOICE, options=["Oui", "Non"])
    add_question(page, "lignes", Question.Kind.MULTIPLE_CHOICE, options=["Bus", "Train"])
    yes, no = (str(pk) for pk in question.options.order_by("position").values_list("pk", flat=True))
    lignes = questionnaire.questions.get(key="lignes")
    lines = [str(pk) for pk in lignes.options.values_list("pk", flat=True)]
    barrier = threading.Barrier(PEOPLE)

    def run(index: int):
        try:
            outline = Outline.load(questionnaire)
            values = {"usage": yes if index % 3 else no, "lignes": lines[: 1 + index % 2]}
            draft = Draft(questionnaire=questionnaire, territory=territory, values=values)
            barrier.wait()
            submit(Answerer(questionnaire, secret=f"navigateur-{index}"), outline, draft)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(PEOPLE) as pool:
        list(pool.map(run, range(PEOPLE)))
    kept = stored()
    usage = compute_results(questionnaire).by_key("usage")
    assert [(option.label, option.count) for option in usage.options] == [("Oui", 6), ("Non", 4)]
    assert usage.answers == PEOPLE
    recount(questionnaire)
    assert stored() == kept
