"""Results computed from real answer rows, against values counted by hand: each option
counted once per response, skipped and hidden questions left out, ties, breakdowns with
their anonymity threshold, and a constant number of queries."""

from datetime import UTC, datetime

import pytest

from faisse.accounts.models import Commission
from faisse.questionnaires import tallies
from faisse.questionnaires.models import Answer, AnswerTally, Question, Response
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.results import as_data, compute_results
from faisse.questionnaires.results.breakdowns import breakdowns
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire

Kind = Question.Kind
pytestmark = pytest.mark.django_db


def respond(questionnaire, values: dict, commune=None, role="elected", commissions=()):
    """One response; `values` maps a question to its rows (option label, number, commune,
    text), a bare option label, or a list of labels."""
    response = Response.objects.create(
        territory_id=questionnaire.territory_id,
        questionnaire=questionnaire,
        commune=commune,
        role=role,
        submitted_at=datetime(2018, 3, 1, tzinfo=UTC),
    )
    response.commissions.set(commissions)
    rows = []
    for question, given in values.items():
        for item in given if isinstance(given, list) else [given]:
            option, number, place, text = (
                item if isinstance(item, tuple) else (item, None, None, "")
            )
            rows.append(
                Answer(
                    territory_id=questionnaire.territory_id,
                    response=response,
                    question=question,
                    option=question.options.get(label=option) if option else None,
                    number=number,
                    commune=place,
                    text=text,
                )
            )
    tallies.add_answers(questionnaire, Answer.objects.bulk_create(rows))  # as a submission does
    return response


@pytest.fixture
def survey(territory):
    questionnaire = make_questionnaire(territory, is_open=False)
    page = add_section(questionnaire)
    q = {
        "usage": add_question(page, "usage", Kind.SINGLE_CHOICE, options=["Oui", "Non"]),
        "lignes": add_question(
            page, "lignes", Kind.MULTIPLE_CHOICE, options=["Bus", "Train", "Vélo"]
        ),
        "ordre": add_question(page, "ordre", Kind.RANKING, options=["A", "B", "C"]),
        "notes": add_question(
            page, "notes", Kind.MAJORITY_JUDGMENT, options=["X", "Y", "Z"],
            scale=["Bien", "Passable", "Rejet"],
        ),
        "budget": add_question(page, "budget", Kind.POINTS, options=["a", "b"], total=10),
        "accord": add_question(page, "accord", Kind.LIKERT),
        "grille": add_question(
            page, "grille", Kind.MATRIX, options=["Été", "Hiver"], scale=["Bus", "Voiture"]
        ),
        "lieu": add_question(page, "lieu", Kind.COMMUNE),
        "idee": add_question(page, "idee", Kind.SHORT_TEXT),
    }  # fmt: skip
    q["lignes"].show_if_question = q["usage"]
    q["lignes"].show_if_option = q["usage"].options.get(label="Oui")
    q["lignes"].save()
    return questionnaire, q


def rows(*pairs):
    return [(label, number, None, "") for label, number in pairs]


def fill(survey, communes):
    questionnaire, q = survey
    first, second = communes[:2]
    respond(questionnaire, {
        q["usage"]: "Oui", q["lignes"]: ["Bus", "Train"],
        q["ordre"]: rows(("A", 1), ("B", 2), ("C", 3)),
        q["notes"]: rows(("X", 1), ("Y", 1), ("Z", 1)),
        q["budget"]: rows(("a", 7), ("b", 3)), q["accord"]: (None, 1, None, ""),
        q["grille"]: rows(("Été", 1), ("Hiver", 2)), q["lieu"]: (None, None, first, ""),
        q["idee"]: (None, None, None, "L’eau de la rivière"),
    })  # fmt: skip
    respond(questionnaire, {
        q["usage"]: "Oui", q["lignes"]: ["Bus"],
        q["ordre"]: rows(("B", 1), ("A", 2), ("C", 3)),
        q["notes"]: rows(("X", 2), ("Y", 2), ("Z", 2)),
        q["budget"]: rows(("a", 2), ("b", 8)), q["accord"]: (None, 3, None, ""),
        q["grille"]: rows(("Été", 1)), q["lieu"]: (None, None, first, ""),
        q["idee"]: (None, None, None, "la rivière et l'eau potable"),
    })  # fmt: skip
    respond(questionnaire, {  # "Non": the lines question is not shown, nothing is stored
        q["usage"]: "Non", q["ordre"]: rows(("C", 1), ("A", 2), ("B", 3)),
        q["notes"]: rows(("X", 3), ("Y", 2), ("Z", 2)),
        q["budget"]: rows(("a", 5), ("b", 5)), q["accord"]: (None, 4, None, ""),
        q["lieu"]: (None, None, second, ""),
    })  # fmt: skip
    respond(questionnaire, {  # the single choice skipped (optional)
        q["ordre"]: rows(("B", 1), ("C", 2), ("A", 3)),
        q["notes"]: rows(("X", 1), ("Y", 3), ("Z", 3)), q["accord"]: (None, 4, None, ""),
    })  # fmt: skip
    respond(questionnaire, {q["notes"]: rows(("X", 3), ("Y", 2), ("Z", 2))})


def test_each_kind_against_hand_counted_values(survey, territory):
    fill(survey, list(territory.communes.order_by("pk")))
    results = compute_results(survey[0])
    assert results.respondents == 5

    usage = results.by_key("usage")
    assert usage.answers == 3
    assert [(o.label, o.count, o.percent) for o in usage.options] == [
        ("Oui", 2, 66.7),
        ("Non", 1, 33.3),
    ]
    lignes = results.by_key("lignes")  # Bus counted once per response, never "Bus+Train"
    assert lignes.answers == 2
    assert [(o.label, o.count, o.percent) for o in lignes.options] == [
        ("Bus", 2, 100.0),
        ("Train", 1, 50.0),
        ("Vélo", 0, 0.0),
    ]
    ordre = results.by_key("ordre")  # Borda 3-2-1: A 3+2+2+1, B 2+3+1+3, C 1+1+3+2
    assert ordre.answers == 4
    assert [(o.label, o.score, o.mean, o.place) for o in ordre.ranking] == [
        ("B", 9, 1.75, 1),
        ("A", 8, 2.0, 2),
        ("C", 7, 2.25, 3),
    ]
    notes = results.by_key("notes")
    # X: Bien 2, Passable 1, Rejet 2 → Passable, then Rejet; Y and Z: 1, 3, 1 → Passable
    # twice: Y and Z tied ahead of X.
    assert [(o.label, o.grades, o.majority_label, o.place, o.tied) for o in notes.ranking] == [
        ("Y", [1, 3, 1], "Passable", 1, True),
        ("Z", [1, 3, 1], "Passable", 1, True),
        ("X", [2, 1, 2], "Passable", 3, False),
    ]
    budget = results.by_key("budget")
    assert budget.answers == 3
    assert [(o.label, o.score, round(o.mean, 3), o.percent) for o in budget.ranking] == [
        ("b", 16, 5.333, 53.3),
        ("a", 14, 4.667, 46.7),
    ]
    accord = results.by_key("accord")
    assert (accord.answers, accord.distribution, accord.mean) == (4, [1, 0, 1, 2], 3.0)
    grille = results.by_key("grille")
    assert grille.answers == 2
    assert [(o.label, o.grades, o.count) for o in grille.options] == [
        ("Été", [2, 0], 2),
        ("Hiver", [0, 1], 1),
    ]
    first, second = territory.communes.order_by("pk")[:2]
    assert results.by_key("lieu").communes == [(first, 2), (second, 1)]
    idee = results.by_key("idee")
    assert idee.answers == 2
    assert idee.words == [("eau", 2), ("riviere", 2), ("potable", 1)]


def test_the_data_shape_of_the_api(survey, territory):
    fill(survey, list(territory.communes.order_by("pk")))
    data = as_data(compute_results(survey[0]))
    questions = {question["key"]: question for question in data["questions"]}
    assert data["respondents"] == 5
    assert questions["lignes"]["counts"] == {"Bus": 2, "Train": 1, "Vélo": 0}
    assert questions["ordre"]["ranking"] == ["B", "A", "C"]
    assert questions["ordre"]["scores"] == {"B": 9, "A": 8, "C": 7}
    assert questions["notes"]["ranking"] == ["Y", "Z", "X"]
    assert questions["notes"]["tied"] == ["Y", "Z"]
    assert questions["notes"]["scores"]["X"] == "Passable"
    assert questions["budget"]["scores"] == {"b": 16, "a": 14}
    assert questions["grille"]["rows"]["Été"] == {"Bus": 2, "Voiture": 0}
    assert questions["accord"]["mean"] == 3.0
    assert questions["idee"]["words"] == {"eau": 2, "riviere": 2, "potable": 1}


def test_no_answer_gives_empty_results(survey):
    results = compute_results(survey[0])
    assert results.respondents == 0
    assert all(result.answers == 0 for result in results.questions)
    assert results.by_key("notes").ranking[0].majority is None


def test_the_number_of_queries_does_not_grow_with_responses(
    survey, territory, django_assert_num_queries
):
    communes = list(territory.communes.order_by("pk"))
    fill(survey, communes)
    with django_assert_num_queries(7) as few:
        compute_results(survey[0])
    for _ in range(5):
        fill(survey, communes)
    with django_assert_num_queries(len(few.captured_queries)):
        compute_results(survey[0])


def test_breakdowns_never_show_a_group_under_five(survey, territory):
    questionnaire, q = survey
    communes = list(territory.communes.order_by("pk"))
    commission = Commission.objects.create(territory=territory, name="Mobilités")
    small = Commission.objects.create(territory=territory, name="Culture")
    for _ in range(6):  # commune 0: six élus of the Mobilités commission, all "Oui"
        respond(questionnaire, {q["usage"]: "Oui"}, communes[0], commissions=[commission])
    for _ in range(4):  # commune 1: four, "Non"
        respond(questionnaire, {q["usage"]: "Non"}, communes[1], commissions=[small])
    for _ in range(3):  # commune 2: three partners, "Oui"
        respond(questionnaire, {q["usage"]: "Oui"}, communes[2], role="partner")
    by_commune = breakdowns(Outline.load(questionnaire), "commune")[q["usage"].pk]
    # 4 + 3 = 7 in "Autres": shown pooled, never alone.
    assert [(g.label, g.answers, g.counts) for g in by_commune.groups] == [
        (communes[0].name, 6, [6, 0]),
        ("Autres (groupes de moins de 5)", 7, [3, 4]),
    ]
    by_role = breakdowns(Outline.load(questionnaire), "role")[q["usage"].pk]
    # Partners are 3: pooled with the smallest group shown (élus, 10) so that the whole
    # minus the groups shown never reveals them.
    assert [(g.label, g.answers) for g in by_role.groups] == [
        ("Autres (groupes de moins de 5)", 13)
    ]
    by_commission = breakdowns(Outline.load(questionnaire), "commission")[q["usage"].pk]
    assert [(g.label, g.answers) for g in by_commission.groups] == [("Mobilités", 6)]
    assert by_commission.left_out == 1  # Culture (4); people in no commission never shown


def test_a_commission_breakdown_never_lets_a_small_rest_be_subtracted(survey, territory):
    # Six élus of Mobilités and two of Finances: the whole minus Mobilités would give the
    # two Finances members' answers, so no commission is shown.
    questionnaire, q = survey
    mobility = Commission.objects.create(territory=territory, name="Mobilités")
    finances = Commission.objects.create(territory=territory, name="Finances")
    for _ in range(6):
        respond(questionnaire, {q["usage"]: "Oui"}, commissions=[mobility])
    for _ in range(2):
        respond(questionnaire, {q["usage"]: "Non"}, commissions=[finances])
    found = breakdowns(Outline.load(questionnaire), "commission")[q["usage"].pk]
    assert found.groups == []
    for _ in range(3):  # three more outside Mobilités: the rest (5) may be told apart
        respond(questionnaire, {q["usage"]: "Non"})
    found = breakdowns(Outline.load(questionnaire), "commission")[q["usage"].pk]
    assert [(g.label, g.answers, g.counts) for g in found.groups] == [("Mobilités", 6, [6, 0])]


def test_an_anonymous_questionnaire_has_no_breakdown(survey, territory):
    questionnaire, q = survey
    questionnaire.anonymous = True
    questionnaire.save()
    for _ in range(6):
        respond(questionnaire, {q["usage"]: "Oui"}, territory.communes.first())
    assert breakdowns(Outline.load(questionnaire), "commune") == {}


def test_the_tallies_kept_at_each_write_are_those_a_recount_finds(survey, territory):
    fill(survey, list(territory.communes.order_by("pk")))

    def stored():
        rows = AnswerTally.objects.filter(count__gt=0)
        return sorted(rows.values_list("question", "scope", "option", "number", "commune", "count"))

    kept = stored()
    assert kept
    tallies.recount(survey[0])
    assert stored() == kept


def test_two_options_with_one_label_are_both_in_the_data(territory, plan):
    questionnaire = make_questionnaire(territory)
    node = plan.nodes.filter(kind="orientation").first()
    question = add_question(
        add_section(questionnaire), "ordre", Kind.RANKING, options=[node.label], nodes=[node]
    )
    text, element = question.options.order_by("position")
    response = Response.objects.create(
        territory=territory,
        questionnaire=questionnaire,
        submitted_at=datetime(2018, 3, 1, tzinfo=UTC),
    )
    answers = Answer.objects.bulk_create(
        Answer(
            territory=territory, response=response, question=question, option=option, number=rank
        )
        for option, rank in ((text, 1), (element, 2))
    )
    tallies.add_answers(questionnaire, answers)
    scores = as_data(compute_results(questionnaire))["questions"][0]["scores"]
    assert scores == {f"{node.label} [{text.pk}]": 2, f"{node.label} [{element.pk}]": 1}


def test_borda_counts_the_ranks_a_question_can_give(territory):
    # max_choices above the number of options: the ranks given are the options' count.
    questionnaire = make_questionnaire(territory)
    question = add_question(
        add_section(questionnaire), "ordre", Kind.RANKING, options=["X", "Y"], max_choices=6
    )
    respond(questionnaire, {question: [("X", 1, None, ""), ("Y", 2, None, "")]})
    ordre = compute_results(questionnaire).by_key("ordre")
    assert [(o.label, o.score) for o in ordre.ranking] == [("X", 2), ("Y", 1)]
