"""Results of a questionnaire: 100,000 responses to 20 questions of every kind.

The data are written once per module by bulk inserts (about 4.6 million answer rows), then
analysed as autovacuum would do it on a live database; each benchmark reads them.

    .venv/bin/pytest bench/test_bench_results.py --benchmark-enable
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/pytest bench/...
"""

import random
import time
from datetime import UTC, datetime

import pytest
from django.db import connection

from faisse.questionnaires.models import Answer, Question, Response
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.results import compute_results
from faisse.questionnaires.results.breakdowns import breakdowns
from faisse.questionnaires.tallies import recount
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.territories.testing import make_territory

Kind = Question.Kind
pytestmark = pytest.mark.django_db
RESPONSES = 100_000
SEED = 2018
WORDS = (
    "bus train vélo route école crèche eau forêt emploi logement commerce santé médecin "
    "jeunes tourisme agriculture numérique fibre culture sport marché centre village "
    "parking piste cyclable transport covoiturage énergie solaire rivière déchets"
).split()


def build_questionnaire(territory):
    """20 questions of every kind, some optional, one conditional."""
    questionnaire = make_questionnaire(territory, title="Questionnaire n°2", is_open=False)
    first, second, third = (add_section(questionnaire, f"Page {n}") for n in (1, 2, 3))
    q = {}
    q["usage"] = add_question(first, "usage", Kind.SINGLE_CHOICE, options=["Oui", "Non"])
    q["age"] = add_question(first, "age", Kind.SINGLE_CHOICE, options=["-30", "30-60", "60+"])
    q["modes"] = add_question(
        first, "modes", Kind.MULTIPLE_CHOICE, options=list("ABCDEF"), max_choices=3
    )
    q["lignes"] = add_question(
        first,
        "lignes",
        Kind.MULTIPLE_CHOICE,
        options=["L1", "L2", "L3", "L4", "L5"],
        show_if_question=q["usage"],
        show_if_option=q["usage"].options.get(label="Oui"),
    )
    q["commune"] = add_question(first, "commune", Kind.COMMUNE)
    q["accord1"] = add_question(first, "accord1", Kind.LIKERT)
    q["accord2"] = add_question(first, "accord2", Kind.LIKERT)
    q["accord3"] = add_question(
        first, "accord3", Kind.LIKERT, scale=["1", "2", "3", "4", "5"], required=False
    )
    q["ordre"] = add_question(second, "ordre", Kind.RANKING, options=[f"O{i}" for i in range(8)])
    q["top3"] = add_question(
        second, "top3", Kind.RANKING, options=[f"T{i}" for i in range(6)], max_choices=3
    )
    q["mj1"] = add_question(second, "mj1", Kind.MAJORITY_JUDGMENT, options=list("VWXYZ"))
    q["mj2"] = add_question(second, "mj2", Kind.MAJORITY_JUDGMENT, options=list("PQRS"))
    q["budget1"] = add_question(second, "budget1", Kind.POINTS, options=list("abcd"), total=100)
    q["budget2"] = add_question(second, "budget2", Kind.POINTS, options=list("vwxyz"), total=10)
    q["grille1"] = add_question(
        third, "grille1", Kind.MATRIX, options=list("1234"), scale=["Bus", "Train", "Auto"]
    )
    q["grille2"] = add_question(
        third, "grille2", Kind.MATRIX, options=list("567"), scale=list("ABCD"), max_choices=2
    )
    q["freq"] = add_question(third, "freq", Kind.SINGLE_CHOICE, options=list("abcde"))
    q["themes"] = add_question(third, "themes", Kind.MULTIPLE_CHOICE, options=list("fghij"))
    q["idee"] = add_question(third, "idee", Kind.SHORT_TEXT)
    q["avis"] = add_question(third, "avis", Kind.LONG_TEXT)
    return questionnaire, q


def _sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize()


def answer_values(question, options, communes, rng: random.Random, shown: bool):
    """(option, number, commune, text) of one response to one question (may be empty)."""
    kind = question.kind
    if not shown:
        return []
    if kind == Kind.SINGLE_CHOICE:
        return [(rng.choice(options), None, None, "")] if rng.random() < 0.9 else []
    if kind == Kind.MULTIPLE_CHOICE:
        count = rng.randint(0, question.max_choices or 3)
        return [(option, None, None, "") for option in rng.sample(options, count)]
    if kind == Kind.LIKERT:
        return [(None, rng.randint(1, len(question.scale)), None, "")]
    if kind == Kind.COMMUNE:
        return [(None, None, rng.choice(communes), "")]
    if kind == Kind.RANKING:
        ranked = rng.sample(options, question.max_choices or len(options))
        return [(option, rank, None, "") for rank, option in enumerate(ranked, 1)]
    if kind == Kind.MAJORITY_JUDGMENT:
        return [(option, rng.randint(1, len(question.scale)), None, "") for option in options]
    if kind == Kind.POINTS:
        cuts = sorted(rng.randint(0, question.total) for _ in options[1:])
        shares = [b - a for a, b in zip([0, *cuts], [*cuts, question.total], strict=True)]
        return [(option, share, None, "") for option, share in zip(options, shares, strict=True)]
    if kind == Kind.MATRIX:
        rows = []
        for option in options:
            columns = rng.sample(range(1, len(question.scale) + 1), question.per_row())
            rows.extend((option, column, None, "") for column in columns[: rng.randint(1, 2)])
        return rows
    if rng.random() < (0.3 if kind == Kind.SHORT_TEXT else 0.15):  # texts: optional
        return [(None, None, None, _sentence(rng, rng.randint(3, 25)))]
    return []


def fill(questionnaire, questions: dict, count: int, seed: int = SEED) -> int:
    """`count` responses with their answers, by bulk inserts; returns the answer rows."""
    rng = random.Random(seed)
    territory_id = questionnaire.territory_id
    communes = list(questionnaire.territory.communes.values_list("pk", flat=True))
    moment = datetime(2018, 3, 1, tzinfo=UTC)
    Response.objects.bulk_create(
        (
            Response(
                territory_id=territory_id,
                questionnaire=questionnaire,
                key_hash=f"{n:064x}",
                commune_id=rng.choice(communes),
                role=rng.choice(["elected", "elected", "partner"]),
                submitted_at=moment,
            )
            for n in range(count)
        ),
        batch_size=5000,
    )
    response_ids = list(
        Response.objects.filter(questionnaire=questionnaire).values_list("pk", flat=True)
    )
    options = {
        key: list(question.options.order_by("position").values_list("pk", flat=True))
        for key, question in questions.items()
    }
    yes = questions["usage"].options.get(label="Oui").pk
    ordered = list(questions.values())
    table = Answer._meta.db_table
    columns = "territory_id, response_id, question_id, option_id, number, commune_id, text"
    total = 0

    def rows():
        nonlocal total
        for response_id in response_ids:
            usage = None
            for question in ordered:
                shown = question.key != "lignes" or usage == yes
                for option, number, commune, text in answer_values(
                    question, options[question.key], communes, rng, shown
                ):
                    if question.key == "usage":
                        usage = option
                    total += 1
                    yield (territory_id, response_id, question.pk, option, number, commune, text)

    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows():
                copy.write_row(row)
    else:
        placeholders = ", ".join(["%s"] * 7)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        batch = []
        with connection.cursor() as cursor:
            for row in rows():
                batch.append(row)
                if len(batch) == 20_000:
                    cursor.executemany(sql, batch)
                    batch = []
            cursor.executemany(sql, batch)
    return total


def analyse() -> None:
    """What autovacuum does on a live database after such a load: statistics (both) and
    the visibility map that lets PostgreSQL read an index alone."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


@pytest.fixture(scope="module")
def survey(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        territory = make_territory("Alès Agglomération", communes=71)
        questionnaire, questions = build_questionnaire(territory)
        started = time.perf_counter()
        rows = fill(questionnaire, questions, RESPONSES)
        print(f"\n{rows} answer rows in {time.perf_counter() - started:.1f} s")
        analyse()
        started = time.perf_counter()
        # Answers written with plain SQL: the tallies a submission keeps are rebuilt once.
        recount(questionnaire)
        print(f"tallies recounted in {time.perf_counter() - started:.1f} s")
        yield questionnaire, questions, rows
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Answer._meta.db_table}")
        Response.objects.filter(questionnaire=questionnaire).delete()
        territory.delete()


def test_results_of_100k_responses(benchmark, survey, django_db_blocker):
    """Target: under 1 s for the whole questionnaire (every question, texts included)."""
    questionnaire, questions, rows = survey
    with django_db_blocker.unblock():
        results = benchmark.pedantic(
            compute_results, args=(questionnaire,), rounds=3, iterations=1, warmup_rounds=1
        )
    assert results.respondents == RESPONSES
    assert results.by_key("usage").answers > 0.85 * RESPONSES
    lignes = results.by_key("lignes")  # asked only to those who answered "Oui"
    assert 0 < lignes.answers < results.by_key("usage").answers
    assert len(results.by_key("ordre").ranking) == 8
    assert results.by_key("idee").words


def test_breakdown_by_commune_of_100k_responses(benchmark, survey, django_db_blocker):
    questionnaire, questions, rows = survey
    with django_db_blocker.unblock():
        outline = Outline.load(questionnaire)
        found = benchmark.pedantic(
            breakdowns, args=(outline, "commune"), rounds=3, iterations=1, warmup_rounds=1
        )
    assert len(found[questions["usage"].pk].groups) == 71
