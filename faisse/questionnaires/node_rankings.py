"""How a plan element was ranked by the questionnaires whose results are published to
everyone: a section of the element's public page ("Classée 2ᵉ sur 8 par 54 élus —
Questionnaire n°2"), registered with `faisse.plans.node_sections`.

Only ranking, majority-judgment and points questions rank their options. Two queries
whatever the number of questionnaires and responses: the options of the questions that
offer this element (with their question and questionnaire), then the answers' counts by
(question, option, number); each question is then ranked as on the results page.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.plans.models import PlanNode
from faisse.plans.node_sections import NodeSection
from faisse.questionnaires.models import Option, Question, Questionnaire
from faisse.questionnaires.results.compute import ranked_result, read_tallies

Kind = Question.Kind
RANKED = (Kind.RANKING, Kind.MAJORITY_JUDGMENT, Kind.POINTS)
# Kinds of element named with a feminine word ("Classée") or a masculine one ("Classé").
FEMININE = {PlanNode.Kind.ORIENTATION, PlanNode.Kind.ACTION}
SHOWN = 5  # questions at most (the latest questionnaires first)


@dataclass
class Ranking:
    text: str  # "Classée 2ᵉ sur 8 par 54 élus"
    questionnaire: Questionnaire
    question: Question
    url: str


def ordinal(place: int, feminine: bool) -> str:
    if place == 1:
        return "1ʳᵉ" if feminine else "1ᵉʳ"
    return f"{place}ᵉ"


def _people(count: int, questionnaire: Questionnaire) -> str:
    if questionnaire.group == Questionnaire.Group.ELECTED and not questionnaire.is_public:
        return ngettext("%(count)s élu", "%(count)s élus", count) % {"count": count}
    return ngettext("%(count)s personne", "%(count)s personnes", count) % {"count": count}


def _text(node, result, option) -> str:
    feminine = node.kind in FEMININE
    place = ordinal(option.place, feminine)
    if option.tied:
        place = _("%(place)s ex æquo") % {"place": place}
    values = {
        "place": place,
        "total": len(result.options),
        "people": _people(result.answers, result.question.questionnaire),
    }
    if feminine:
        text = _("Classée %(place)s sur %(total)s par %(people)s") % values
    else:
        text = _("Classé %(place)s sur %(total)s par %(people)s") % values
    if result.question.kind == Kind.MAJORITY_JUDGMENT and option.majority is not None:
        text += " " + _("(mention majoritaire : %(grade)s)") % {"grade": option.majority_label}
    elif result.question.kind == Kind.POINTS:
        text += " " + _("(%(score)s points)") % {"score": option.score}
    return text


def rankings(node) -> list[Ranking]:
    options = list(
        Option.objects.filter(
            question__options__node=node,
            question__kind__in=RANKED,
            question__questionnaire__published_at__isnull=False,
            question__questionnaire__results_visibility=Questionnaire.ResultsVisibility.PUBLIC,
        )
        .select_related("question__questionnaire__territory")
        .distinct()
        .order_by("question_id", "position", "id")
    )
    if not options:
        return []
    by_question: dict[int, list[Option]] = defaultdict(list)
    for option in options:
        by_question[option.question_id].append(option)
    counts, _distinct, _communes, answered = read_tallies(list(by_question))
    found = []
    for question_id, choices in by_question.items():
        question = choices[0].question
        question.choices = choices
        result = ranked_result(question, counts[question_id])
        result.answers = answered.get(question_id, 0)
        mine = next((o for o in result.options if o.option.node_id == node.pk), None)
        if mine is None or mine.place is None or not result.answers:
            continue
        questionnaire = question.questionnaire
        url = reverse(
            "questionnaires:results", args=[questionnaire.territory.slug, questionnaire.pk]
        )
        found.append(Ranking(_text(node, result, mine), questionnaire, question, url))
    found.sort(key=_latest_first)
    return found[:SHOWN]


def _latest_first(ranking: Ranking) -> tuple:
    opens_on = ranking.questionnaire.opens_on
    return (
        -(opens_on.timestamp() if opens_on else 0),
        -ranking.questionnaire.pk,
        ranking.question.section_id,
        ranking.question.position,
    )


def node_section(node, *, drafts: bool = False) -> NodeSection | None:
    found = rankings(node)
    if not found:
        return None
    return NodeSection("questionnaires/results/_node_section.html", {"rankings": found}, order=40)
