"""The demo's questionnaires n°1 and n°2: tied to the process's steps, built from the
plan, answered by élus of the 71 communes; every generated answer is one the form
accepts, the figures are the same at each installation, and a second run adds nothing."""

from collections import Counter, defaultdict

import pytest

from faisse.manage.demo import ALES_2018_DETAILS, ALES_2018_SOURCE
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.participation.models import Process
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import save_plan
from faisse.questionnaires.checking import check_all, raw_from_answers
from faisse.questionnaires.demo import council_seats, load_demo_questionnaires
from faisse.questionnaires.models import Answer, Questionnaire, Respondent, Response
from faisse.questionnaires.outline import Outline
from faisse.territories.loading import load_ales

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    territory = load_ales()
    plan = save_plan(parse_path(ALES_2018_SOURCE), territory, ALES_2018_DETAILS)
    load_process_steps(ALES_2018_PROCESS, territory, plan)
    return Process.objects.get(territory=territory)


def figures(questionnaire) -> Counter:
    """Every answer as (question key, option label, number, commune, text), counted."""
    rows = Answer.objects.filter(response__questionnaire=questionnaire).values_list(
        "question__key", "option__label", "number", "commune__insee", "text"
    )
    return Counter(rows)


def test_two_closed_questionnaires_on_their_steps_with_published_results(process):
    written = load_demo_questionnaires(process)
    first, second = Questionnaire.objects.filter(territory=process.territory).order_by("number")
    assert written == first.responses.count() + second.responses.count()
    assert written >= 700
    for number, questionnaire in enumerate((first, second), start=1):
        assert questionnaire.step.kind == "questionnaire" and questionnaire.step.number == number
        assert questionnaire.step.process == process
        assert questionnaire.status() == "closed" and questionnaire.closes_on.year <= 2018
        assert (questionnaire.audience, questionnaire.group) == ("members", "elected")
        assert questionnaire.results_visibility == "public" and not questionnaire.anonymous
        responses = questionnaire.responses.all()
        assert 350 <= responses.count() <= 400
        assert responses.filter(person__isnull=True, role="elected").count() == responses.count()
        assert len(set(responses.values_list("key_hash", flat=True))) == responses.count()
        assert responses.values("commune").distinct().count() == 71
        respondents = Respondent.objects.filter(questionnaire=questionnaire)
        assert not respondents.filter(user__isnull=False).exists()
        assert respondents.filter(answered=True).count() == responses.count()
        assert respondents.count() == sum(
            council_seats(c.population) for c in process.territory.communes.all()
        )
    ranking = second.questions.get(key="classement")
    orientations = process.plan.nodes.filter(kind="orientation")
    assert {o.node_id for o in ranking.options.all()} == set(
        orientations.values_list("pk", flat=True)
    )
    axes = second.questions.get(key="axes")
    assert axes.options.filter(node__kind="axis").count() == 3


def test_every_generated_answer_is_one_the_form_accepts(process):
    load_demo_questionnaires(process)
    for questionnaire in Questionnaire.objects.filter(territory=process.territory):
        outline = Outline.load(questionnaire)
        rows = defaultdict(lambda: defaultdict(list))
        for answer in Answer.objects.filter(response__questionnaire=questionnaire):
            rows[answer.response_id][answer.question_id].append(answer)
        conditional = [q for q in outline.questions if q.is_conditional]
        assert len(conditional) == 1
        shown = 0
        for response in Response.objects.filter(questionnaire=questionnaire):
            values = {
                question.key: raw_from_answers(question, rows[response.pk][question.pk], outline)
                for question in outline.questions
                if rows[response.pk][question.pk]
            }
            typed, errors = check_all(outline, values)
            assert not errors, (response.pk, errors)
            assert set(typed) == set(values)  # no answer to a question not asked
            if conditional[0].key in typed:
                shown += 1
            commune = next(q for q in outline.questions if q.kind == "commune")
            assert values[commune.key] == outline.communes_by_id[response.commune_id].insee
        assert 0 < shown < questionnaire.responses.count()


def test_the_answers_are_plausible(process):
    load_demo_questionnaires(process)
    second = Questionnaire.objects.get(territory=process.territory, number=2)
    firsts = Counter(
        Answer.objects.filter(
            question__questionnaire=second, question__key="classement", number=1
        ).values_list("option__node__number", flat=True)
    )
    top_two = {number for number, _count in firsts.most_common(2)}
    assert top_two == {"1.1", "2.3"}  # employment and mobility lead
    effort = second.questions.get(key="effort")
    totals = Counter()
    for answer in Answer.objects.filter(question=effort).select_related("option"):
        totals[answer.option.label] += answer.number
    assert totals.most_common(1)[0][0] == "L’emploi et l’économie"
    per_commune = Counter(second.responses.values_list("commune__insee", flat=True))
    rates = {
        commune.insee: per_commune[commune.insee] / council_seats(commune.population)
        for commune in process.territory.communes.all()
    }
    assert max(rates.values()) > 2 * min(rates.values())  # some communes answer more


def test_the_same_figures_each_time_and_nothing_added_the_second_time(process):
    load_demo_questionnaires(process)
    questionnaires = Questionnaire.objects.filter(territory=process.territory).order_by("number")
    before = [figures(questionnaire) for questionnaire in questionnaires]
    counts = (Response.objects.count(), Answer.objects.count(), Respondent.objects.count())

    assert load_demo_questionnaires(process) == 0
    assert (Response.objects.count(), Answer.objects.count(), Respondent.objects.count()) == counts

    first = questionnaires.get(number=1)
    first_responses = first.responses.count()
    first.delete()  # n°1 written again, alone: the same figures as the first time
    assert load_demo_questionnaires(process) == first_responses
    again = Questionnaire.objects.filter(territory=process.territory).order_by("number")
    assert [figures(questionnaire) for questionnaire in again] == before
