"""Results of a question broken down by the respondents' commune, role or commission, for
questionnaires that are not anonymous (an anonymous one has no breakdown at all).

No breakdown ever shows a group of fewer than `MINIMUM_GROUP` respondents. Small communes
or roles are pooled in "Autres"; when that pool would itself be too small, the smallest
shown group joins it, so that nobody can find a small group by subtracting the groups
shown from the whole. Commissions overlap (an élu sits on several): a commission too small
is left out, with no pool.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from faisse.accounts.models import Commission, Role
from faisse.questionnaires.models import Answer, Question
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.results.methods import percent
from faisse.territories.models import Commune

MINIMUM_GROUP = 5
Kind = Question.Kind
BROKEN_DOWN = frozenset({Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE, Kind.LIKERT})
FIELDS = {
    "commune": "response__commune",
    "role": "response__role",
    "commission": "response__commissions",
}


@dataclass
class Group:
    label: str
    answers: int = 0
    counts: list[int] = field(default_factory=list)  # per option, or per point of a scale

    @property
    def cells(self) -> list[tuple[int, float]]:
        return [(count, percent(count, self.answers)) for count in self.counts]


@dataclass
class Breakdown:
    columns: list[str]
    groups: list[Group]
    left_out: int = 0  # groups too small, not shown


def can_break_down(questionnaire) -> bool:
    return not questionnaire.anonymous


def breakdowns(outline: Outline, by: str) -> dict[int, Breakdown]:
    """Breakdowns of the questions that have one, by "commune", "role" or "commission";
    three queries whatever the number of responses."""
    questionnaire = outline.questionnaire
    questions = [question for question in outline.questions if question.kind in BROKEN_DOWN]
    if by not in FIELDS or not can_break_down(questionnaire) or not questions:
        return {}
    group_field = FIELDS[by]
    answers = Answer.objects.filter(question__in=[q.pk for q in questions]).order_by()
    cells = answers.values_list("question", group_field, "option", "number").annotate(
        n=Count("response", distinct=True)
    )
    sizes = answers.values_list("question", group_field).annotate(
        n=Count("response", distinct=True)
    )
    counts: dict[int, dict] = defaultdict(lambda: defaultdict(dict))
    for question_id, group, option_id, number, n in cells:
        counts[question_id][group][option_id or number] = n
    answered: dict[int, dict] = defaultdict(dict)
    for question_id, group, n in sizes:
        answered[question_id][group] = n
    labels = _labels(questionnaire, by, {g for per in answered.values() for g in per})
    result = {}
    for question in questions:
        columns, keys = _columns(question)
        groups = [
            Group(
                labels.get(group, _("Non renseigné")),
                n,
                [counts[question.pk][group].get(k, 0) for k in keys],
            )
            for group, n in answered[question.pk].items()
            if group is not None or by != "commission"
        ]
        groups.sort(key=lambda group: group.label)
        if by == "commission":
            result[question.pk] = _protect_overlapping(answers, question, columns, groups, labels)
        else:
            result[question.pk] = _protect(columns, groups, pool=True)
    return result


def _protect_overlapping(answers, question, columns, groups, labels) -> Breakdown:
    """Commissions overlap and leave people out: the commissions under the threshold go,
    and if the respondents outside every commission shown are 1 to 4, nothing is shown
    (the whole minus the commissions shown would describe them). One query."""
    shown = [group for group in groups if group.answers >= MINIMUM_GROUP]
    if not shown:
        return Breakdown(columns, [], len(groups))
    ids = [pk for pk, name in labels.items() if name in {group.label for group in shown}]
    counted = answers.filter(question=question).aggregate(
        total=Count("response", distinct=True),
        within=Count("response", distinct=True, filter=Q(response__commissions__in=ids)),
    )
    if 0 < counted["total"] - counted["within"] < MINIMUM_GROUP:
        return Breakdown(columns, [], len(groups))
    return Breakdown(columns, shown, len(groups) - len(shown))


def _columns(question: Question) -> tuple[list[str], list]:
    if question.kind == Kind.LIKERT:
        return list(question.scale), list(range(1, len(question.scale) + 1))
    return [option.label for option in question.choices], [o.pk for o in question.choices]


def _labels(questionnaire, by: str, groups: set) -> dict:
    if by == "role":
        return {value: str(label) for value, label in Role.choices}
    model = Commune if by == "commune" else Commission
    rows = model.objects.filter(pk__in=[g for g in groups if g is not None])
    return {row.pk: row.name for row in rows.only("id", "name")}


def _protect(columns: list[str], groups: list[Group], pool: bool) -> Breakdown:
    shown = [group for group in groups if group.answers >= MINIMUM_GROUP]
    small = [group for group in groups if group.answers < MINIMUM_GROUP]
    if not pool or not small:
        return Breakdown(columns, shown, len(small))
    if sum(group.answers for group in small) < MINIMUM_GROUP and shown:
        smallest = min(shown, key=lambda group: group.answers)
        shown.remove(smallest)
        small.append(smallest)
    others = Group(_("Autres (groupes de moins de %(n)s)") % {"n": MINIMUM_GROUP})
    others.answers = sum(group.answers for group in small)
    others.counts = [sum(column) for column in zip(*(g.counts for g in small), strict=True)]
    if others.answers < MINIMUM_GROUP:
        return Breakdown(columns, [], len(groups))
    return Breakdown(columns, [*shown, others], len(small))
