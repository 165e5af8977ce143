"""Keeping the answer tallies (`AnswerTally`) right: every write of answers adds its
counts, every replacement removes the old ones first, inside the same transaction and
under a lock on the questionnaire's row (SQLite writes are serialised anyway), so that
two responses sent at once never lose a count. `recount` rebuilds them from the answers.
"""

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from faisse.questionnaires.models import Answer, AnswerTally, Question, Questionnaire

Scope = AnswerTally.Scope
Kind = Question.Kind
TEXTS = Question.TEXTS
# key: (question id, scope, option id, number, commune id)


def counts_of(rows: Iterable[tuple], kinds: dict[int, str]) -> Counter:
    """The tally keys of answer rows given as (response id, question id, option id, number,
    commune id)."""
    counter: Counter = Counter()
    answered, matrix_rows = set(), set()
    for response_id, question_id, option_id, number, commune_id in rows:
        answered.add((response_id, question_id))
        kind = kinds[question_id]
        if kind in TEXTS:
            continue
        counter[(question_id, Scope.VALUE, option_id, number, commune_id)] += 1
        if kind == Kind.MATRIX:
            matrix_rows.add((response_id, question_id, option_id))
    for _response_id, question_id in answered:
        counter[(question_id, Scope.ANSWERED, None, None, None)] += 1
    for _response_id, question_id, option_id in matrix_rows:
        counter[(question_id, Scope.ROW, option_id, None, None)] += 1
    return counter


def _kinds(questionnaire_id: int) -> dict[int, str]:
    return dict(
        Question.objects.filter(questionnaire_id=questionnaire_id).values_list("id", "kind")
    )


def _rows(answers) -> list[tuple]:
    return list(
        answers.order_by().values_list(
            "response_id", "question_id", "option_id", "number", "commune_id"
        )
    )


def lock(questionnaire_id: int) -> None:
    """Serialise the writers of one questionnaire's tallies (PostgreSQL row lock)."""
    list(Questionnaire.objects.select_for_update().filter(pk=questionnaire_id).values_list("pk"))


def apply(questionnaire: Questionnaire, delta: Counter) -> None:
    """Add `delta` (negative counts remove) to the stored tallies; call under `lock`."""
    delta = Counter({key: n for key, n in delta.items() if n})
    if not delta:
        return
    question_ids = {key[0] for key in delta}
    stored = {
        (t.question_id, t.scope, t.option_id, t.number, t.commune_id): t
        for t in AnswerTally.objects.filter(question__in=question_ids)
    }
    changed, created = [], []
    for key, n in delta.items():
        tally = stored.get(key)
        if tally is None:
            question_id, scope, option_id, number, commune_id = key
            created.append(
                AnswerTally(
                    territory_id=questionnaire.territory_id,
                    question_id=question_id,
                    scope=scope,
                    option_id=option_id,
                    number=number,
                    commune_id=commune_id,
                    count=max(n, 0),
                )
            )
        else:
            tally.count = max(tally.count + n, 0)
            changed.append(tally)
    AnswerTally.objects.bulk_update(changed, ["count"], batch_size=500)
    AnswerTally.objects.bulk_create(created, batch_size=500)


def forget_response(questionnaire: Questionnaire, response, kinds: dict[int, str]) -> None:
    """Remove a response's answers from the tallies (before they are replaced); `kinds`
    maps the questionnaire's question ids to their kinds (the caller's outline has them)."""
    rows = _rows(Answer.objects.filter(response=response))
    apply(questionnaire, -counts_of(rows, kinds) if rows else Counter())


def add_answers(questionnaire: Questionnaire, answers: list[Answer]) -> None:
    """Count answers just written (their `response_id` set)."""
    kinds = {}
    rows = []
    for answer in answers:
        kinds[answer.question_id] = answer.question.kind
        rows.append(
            (
                answer.response_id,
                answer.question_id,
                answer.option_id,
                answer.number,
                answer.commune_id,
            )
        )
    apply(questionnaire, counts_of(rows, kinds))


def recount(questionnaire: Questionnaire) -> int:
    """Rebuild the questionnaire's tallies from its answers, by SQL aggregations, under the
    lock that writers take (no response is counted twice or lost); returns the number of
    tally rows."""
    with transaction.atomic():
        lock(questionnaire.pk)
        counter = _count(questionnaire)
        AnswerTally.objects.filter(question__questionnaire=questionnaire).delete()
        AnswerTally.objects.bulk_create(
            (
                AnswerTally(
                    territory_id=questionnaire.territory_id,
                    question_id=key[0],
                    scope=key[1],
                    option_id=key[2],
                    number=key[3],
                    commune_id=key[4],
                    count=n,
                )
                for key, n in counter.items()
            ),
            batch_size=1000,
        )
    return len(counter)


def _count(questionnaire: Questionnaire) -> Counter:
    kinds = _kinds(questionnaire.pk)
    answers = Answer.objects.filter(question__in=list(kinds)).order_by()
    counter: Counter = Counter()
    counted = [pk for pk, kind in kinds.items() if kind not in TEXTS]
    values = answers.filter(question__in=counted).values_list(
        "question", "option", "number", "commune"
    )
    for question_id, option_id, number, commune_id, n in values.annotate(n=Count("*")):
        counter[(question_id, Scope.VALUE, option_id, number, commune_id)] = n
    per_question = answers.values_list("question").annotate(n=Count("response", distinct=True))
    for question_id, n in per_question:
        counter[(question_id, Scope.ANSWERED, None, None, None)] = n
    matrices = [pk for pk, kind in kinds.items() if kind == Kind.MATRIX]
    rows = answers.filter(question__in=matrices).values_list("question", "option")
    for question_id, option_id, n in rows.annotate(n=Count("response", distinct=True)):
        counter[(question_id, Scope.ROW, option_id, None, None)] = n
    return counter
