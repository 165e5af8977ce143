"""The results of a questionnaire, from the running tallies kept at each write of answers
(`faisse.questionnaires.tallies`) and the counting methods of `methods`, in a constant
number of queries whatever the number of responses; only the text answers are read.

Each option is counted once per response that chose it (never the combinations of
options); percentages are of the responses that answered the question (a question skipped,
or not shown because of its condition, has no answer row and does not count).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from faisse.questionnaires.checking import ranks_to_give
from faisse.questionnaires.models import (
    Answer,
    AnswerTally,
    Option,
    Question,
    Questionnaire,
    Response,
)
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.results import methods

Kind = Question.Kind
Scope = AnswerTally.Scope
# Kinds where a response may have several rows: answers are distinct responses.
SEVERAL_ROWS = frozenset({Kind.MULTIPLE_CHOICE, Kind.MATRIX})
TEXTS = Question.TEXTS
TEXTS_SHOWN = 200  # the latest text answers listed; all of them are in the export


@dataclass
class OptionResult:
    option: Option
    count: int = 0  # responses that chose, ranked, graded or gave points to it
    percent: float = 0.0
    score: float | None = None  # Borda score, points total
    mean: float | None = None  # mean rank, mean points
    place: int | None = None  # in the ranking (ranking, majority judgment, points)
    tied: bool = False
    grades: list[int] = field(default_factory=list)  # per grade (best first) or column
    majority: int | None = None  # index of the majority grade
    gauge: tuple[float, float] = (0.0, 0.0)  # shares better / worse than it
    key: str = ""  # its name in the API's data (the label, made unique)

    @property
    def label(self) -> str:
        return self.option.label

    @property
    def majority_label(self) -> str:
        return "" if self.majority is None else self.option.question.scale[self.majority]


@dataclass
class QuestionResult:
    question: Question
    answers: int = 0  # responses that answered it
    options: list[OptionResult] = field(default_factory=list)  # in the question's order
    ranking: list[OptionResult] = field(default_factory=list)  # best first (when ranked)
    distribution: list[int] = field(default_factory=list)  # likert: count per point
    mean: float | None = None  # likert
    communes: list[tuple[object, int]] = field(default_factory=list)  # (commune, count)
    words: list[tuple[str, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the latest, TEXTS_SHOWN at most

    @property
    def kind(self) -> str:
        return self.question.kind

    def percent(self, count: int) -> float:
        return methods.percent(count, self.answers)

    @property
    def scale_rows(self) -> list[tuple[str, int, float]]:
        """Likert: (label, count, percent) per point, lowest first."""
        return [
            (label, count, self.percent(count))
            for label, count in zip(self.question.scale, self.distribution, strict=True)
        ]


@dataclass
class Results:
    questionnaire: Questionnaire
    respondents: int
    questions: list[QuestionResult]

    def by_key(self, key: str) -> QuestionResult:
        return next(result for result in self.questions if result.question.key == key)


def compute_results(questionnaire: Questionnaire, outline: Outline | None = None) -> Results:
    """Seven queries (the outline's four included): the counts come from the tallies kept
    at each write (`faisse.questionnaires.tallies`), the texts from the answers."""
    outline = outline or Outline.load(questionnaire)
    questions = outline.questions
    counts = read_tallies([question.pk for question in questions])
    grouped, distinct, communes, answered = counts

    texts: dict[int, list[str]] = defaultdict(list)
    text_ids = [question.pk for question in questions if question.kind in TEXTS]
    if text_ids:
        # Read at once and put latest first here: a cursor ordered by id would have
        # PostgreSQL walk the whole answer table backwards.
        rows = Answer.objects.filter(question__in=text_ids).exclude(text="").order_by()
        for _pk, question_id, text in sorted(
            rows.values_list("id", "question", "text"), key=lambda row: -row[0]
        ):
            texts[question_id].append(text)

    results = []
    for question in questions:
        result = QuestionResult(question)
        counts = grouped.get(question.pk, {})
        if question.kind in TEXTS:
            _texts(result, texts.get(question.pk, []))
        elif question.kind == Kind.COMMUNE:
            _communes(result, communes.get(question.pk, []), outline)
        elif question.kind == Kind.LIKERT:
            _likert(result, counts)
        else:
            BUILDERS[question.kind](result, counts, distinct)
        result.answers = answered.get(question.pk, 0)
        results.append(result)
    respondents = Response.objects.filter(questionnaire=questionnaire).count()
    return Results(questionnaire, respondents, results)


def read_tallies(question_ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """One query: per question, the counts by (option, number); the responses per matrix
    row (question, option) and per multi-row question (question, None); the counts per
    commune; the responses that answered each question."""
    grouped: dict[int, dict[tuple, int]] = defaultdict(dict)
    distinct: dict[tuple, int] = {}
    communes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    answered: dict[int, int] = {}
    rows = AnswerTally.objects.filter(question__in=question_ids, count__gt=0).values_list(
        "question", "scope", "option", "number", "commune", "count"
    )
    for question_id, scope, option_id, number, commune_id, count in rows:
        if scope == Scope.ANSWERED:
            answered[question_id] = count
            distinct[(question_id, None)] = count
        elif scope == Scope.ROW:
            distinct[(question_id, option_id)] = count
        elif commune_id is not None:
            communes[question_id].append((commune_id, count))
        else:
            grouped[question_id][(option_id, number)] = count
    return grouped, distinct, communes, answered


def ranked_result(question: Question, counts: dict[tuple, int]) -> QuestionResult:
    """One ranking, majority-judgment or points question's result from its counts by
    (option id, number), computed as `compute_results` does; `question.choices` holds its
    options in order (node pages rank a plan element with two queries, not seven)."""
    result = QuestionResult(question)
    BUILDERS[question.kind](result, counts, {})
    return result


def _options(result: QuestionResult) -> dict[int, OptionResult]:
    result.options = [OptionResult(option) for option in result.question.choices]
    for option_result in result.options:
        option_result.option.question = result.question  # no query for its scale
    return {option_result.option.pk: option_result for option_result in result.options}


def _per_option(counts: dict) -> dict[int, dict[int | None, int]]:
    per_option: dict[int, dict[int | None, int]] = defaultdict(dict)
    for (option_id, number), count in counts.items():
        per_option[option_id][number] = count
    return per_option


def _choices(result: QuestionResult, counts: dict, distinct: dict) -> None:
    options = _options(result)
    for (option_id, _number), count in counts.items():
        if option_id in options:
            options[option_id].count += count
    if result.kind in SEVERAL_ROWS:
        result.answers = distinct.get((result.question.pk, None), 0)
    else:
        result.answers = sum(counts.values())
    for option in result.options:
        option.percent = result.percent(option.count)


def _ranking(result: QuestionResult, counts: dict, distinct: dict) -> None:
    options = _options(result)
    ranks = ranks_to_give(result.question)  # as the answers were checked
    by_rank = {pk: per for pk, per in _per_option(counts).items() if pk in options}
    by_rank = {pk: by_rank.get(pk, {}) for pk in options}
    scores = methods.borda_scores(by_rank, ranks)
    means = methods.mean_ranks(by_rank)
    result.answers = sum(count for (_o, rank), count in counts.items() if rank == 1)
    for pk, option in options.items():
        option.count = sum(by_rank[pk].values())
        option.percent = result.percent(option.count)
        option.score, option.mean = scores[pk], means[pk]
        option.grades = [by_rank[pk].get(rank, 0) for rank in range(1, ranks + 1)]
    _place(result, methods.rank_by_borda(scores, means, list(options)))


def _majority(result: QuestionResult, counts: dict, distinct: dict) -> None:
    options = _options(result)
    size = len(result.question.scale)
    per_option = _per_option(counts)
    for pk, option in options.items():
        graded = per_option.get(pk, {})
        option.grades = [graded.get(grade, 0) for grade in range(1, size + 1)]
        option.count = sum(option.grades)
        option.majority = methods.majority_grade(option.grades)
        option.gauge = methods.majority_gauge(option.grades)
    result.answers = max((option.count for option in result.options), default=0)
    for option in result.options:
        option.percent = result.percent(option.count)
    grades = {pk: option.grades for pk, option in options.items()}
    _place(result, methods.rank_by_majority(grades, list(options)))


def _points(result: QuestionResult, counts: dict, distinct: dict) -> None:
    options = _options(result)
    per_option = _per_option(counts)
    for pk, option in options.items():
        given = per_option.get(pk, {})
        option.count = sum(given.values())
        option.score = sum((points or 0) * n for points, n in given.items())
        option.mean = option.score / option.count if option.count else None
    result.answers = max((option.count for option in result.options), default=0)
    for option in result.options:
        option.percent = methods.percent(
            option.score, result.answers * (result.question.total or 0)
        )
    scores = {pk: option.score for pk, option in options.items()}
    _place(result, methods.rank_by_value(scores, list(options)))


def _matrix(result: QuestionResult, counts: dict, distinct: dict) -> None:
    options = _options(result)
    per_option = _per_option(counts)
    columns = len(result.question.scale)
    for pk, option in options.items():
        ticked = per_option.get(pk, {})
        option.grades = [ticked.get(column, 0) for column in range(1, columns + 1)]
        option.count = distinct.get((result.question.pk, pk), 0)
        option.percent = 0.0
    result.answers = distinct.get((result.question.pk, None), 0)


def _likert(result: QuestionResult, counts: dict) -> None:
    size = len(result.question.scale)
    by_point = defaultdict(int)
    for (_option, number), count in counts.items():
        by_point[number] += count
    result.distribution = [by_point.get(point, 0) for point in range(1, size + 1)]
    result.answers = sum(result.distribution)
    result.mean = methods.mean_of_scale(result.distribution)


def _communes(result: QuestionResult, counts: list, outline: Outline) -> None:
    known = outline.communes_by_id
    rows = [(known[pk], n) for pk, n in counts if pk in known]
    result.communes = sorted(rows, key=lambda row: (-row[1], row[0].name))
    result.answers = sum(n for _commune, n in counts)


def _texts(result: QuestionResult, texts: list[str]) -> None:
    result.answers = len(texts)
    result.texts = texts[:TEXTS_SHOWN]
    result.words = methods.frequent_words(texts)


def _place(result: QuestionResult, places: list[methods.Place]) -> None:
    by_pk = {option.option.pk: option for option in result.options}
    for place in places:
        option = by_pk[place.key]
        option.place, option.tied = place.place, place.tied
    result.ranking = [by_pk[place.key] for place in places]


BUILDERS = {
    Kind.SINGLE_CHOICE: _choices,
    Kind.MULTIPLE_CHOICE: _choices,
    Kind.RANKING: _ranking,
    Kind.MAJORITY_JUDGMENT: _majority,
    Kind.POINTS: _points,
    Kind.MATRIX: _matrix,
}
