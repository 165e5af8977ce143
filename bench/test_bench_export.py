"""Export of answers: the whole `faisse export_answers` command, CSV and XLSX, on 25,000
and 250,000 responses to a questionnaire of 10 questions of every kind (20 answer rows
per response: 5.5 million rows in all, 24 columns in the export). Memory must stay flat:
the same peak for both counts.

The responses are bulk-loaded once per module, committed outside the tests' transactions,
so that a child process sees them: it runs the command on the test database (its
`DATABASE_URL` names the test database: the SQLite test file, or PostgreSQL's test
database) and reports its peak resident memory (`VmHWM` from /proc, Python and Django
included, as in test_bench_limits.py) when it ends. The duration is the child's wall time,
Python's start included.

    .venv/bin/pytest bench/test_bench_export.py --benchmark-enable -s
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/pytest \
        bench/test_bench_export.py --benchmark-enable -s
"""

import csv
import os
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from django.db import connection

from faisse.questionnaires.models import Answer, Option, Question, Response
from faisse.questionnaires.testing import add_question, add_section, make_questionnaire
from faisse.territories.testing import make_territory

Kind = Question.Kind
pytestmark = pytest.mark.django_db  # pytest-django sets up the test database only then
SIZES = (25_000, 250_000)
FORMATS = ("csv", "xlsx")
# Same peak: the difference between the two counts stays within Python's noise.
TOLERANCE_MB = 5

# The command in a child process that reports its own peak resident memory when it ends
# (VmHWM: getrusage's ru_maxrss would keep the parent's peak across exec).
CHILD = """
import re, sys
from faisse.cli import main
sys.argv = ["faisse", "export_answers", *sys.argv[1:]]
try:
    main()
finally:
    status = open("/proc/self/status").read()
    print("peak", int(re.search(r"VmHWM:\\s+(\\d+)", status)[1]) // 1024, file=sys.stderr)
"""


def build_questionnaire(territory, title: str):
    """10 questions, one of each kind; 24 columns in the export."""
    questionnaire = make_questionnaire(
        territory, title=title, is_open=False, audience="public", anonymous=False
    )
    first, second = add_section(questionnaire, "Page 1"), add_section(questionnaire, "Page 2")
    return questionnaire, [
        add_question(first, "usage", Kind.SINGLE_CHOICE, options=["Oui", "Non", "Parfois"]),
        add_question(first, "themes", Kind.MULTIPLE_CHOICE, options=list("ABCDEF"), max_choices=3),
        add_question(first, "accord", Kind.LIKERT),
        add_question(first, "commune", Kind.COMMUNE),
        add_question(second, "ordre", Kind.RANKING, options=[f"O{i}" for i in range(5)]),
        add_question(second, "mj", Kind.MAJORITY_JUDGMENT, options=list("XYZ")),
        add_question(second, "budget", Kind.POINTS, options=list("abc"), total=100),
        add_question(
            second, "grille", Kind.MATRIX, options=list("123"), scale=["Bus", "Train", "Auto"]
        ),
        add_question(second, "idee", Kind.SHORT_TEXT, required=False),
        add_question(second, "avis", Kind.LONG_TEXT, required=False),
    ]


# Each question's answers, written by one INSERT … SELECT over the questionnaire's
# responses (r) and, for questions answered per option, its options (o): values vary with
# the response's id, so that the whole load takes seconds, not the minutes of rows built in
# Python. Per kind: option, number, commune, text, which options (None: no option), which
# responses (texts are optional: 30 % and 15 % answer them).
TEXT = "'plus de bus et de trains, des pistes cyclables, la fibre dans les villages'"
SHARE_A = "r.id * 37 % 101"
SHARE_B = f"r.id * 53 % (101 - {SHARE_A})"
ANSWERS = {
    Kind.SINGLE_CHOICE: ("o.id", "NULL", "NULL", "''", "o.position = r.id * 7 % 3", ""),
    # 0 to 3 of the 6 options: 5 p + a (mod 7) takes 6 distinct values for p in 0..5.
    Kind.MULTIPLE_CHOICE: ("o.id", "NULL", "NULL", "''", "(o.position * 5 + r.id) % 7 < 3", ""),
    Kind.LIKERT: ("NULL", "1 + r.id * 11 % 4", "NULL", "''", None, ""),
    Kind.COMMUNE: ("NULL", "NULL", "{commune}", "''", None, ""),
    Kind.RANKING: ("o.id", "1 + (o.position * 2 + r.id) % 5", "NULL", "''", "1 = 1", ""),
    Kind.MAJORITY_JUDGMENT: ("o.id", "1 + (r.id * 3 + o.position) % 7", "NULL", "''", "1 = 1", ""),
    Kind.MATRIX: ("o.id", "1 + (r.id + o.position) % 3", "NULL", "''", "1 = 1", ""),
    # 3 options sharing 100 points.
    Kind.POINTS: (
        "o.id",
        f"CASE o.position WHEN 0 THEN {SHARE_A} WHEN 1 THEN {SHARE_B}"
        f" ELSE 100 - {SHARE_A} - {SHARE_B} END",
        "NULL",
        "''",
        "1 = 1",
        "",
    ),
    Kind.SHORT_TEXT: (
        "NULL",
        "NULL",
        "NULL",
        f"'Idée ' || r.id || ' : ' || {TEXT}",
        None,
        "10 < 3",
    ),
    Kind.LONG_TEXT: (
        "NULL",
        "NULL",
        "NULL",
        "'Avis ' || r.id || ' : ' || " + " || '. ' || ".join([TEXT] * 3),
        None,
        "20 < 3",
    ),
}


def fill(questionnaire, questions, count: int) -> int:
    """`count` responses (bulk insert), then their answers (one INSERT … SELECT per
    question); returns the answer rows."""
    territory_id = questionnaire.territory_id
    communes = sorted(questionnaire.territory.communes.values_list("pk", flat=True))
    first, size = communes[0], len(communes)
    assert communes == list(range(first, first + size))  # one bulk insert: consecutive ids
    start = datetime(2018, 3, 1, tzinfo=UTC)
    Response.objects.bulk_create(
        (
            Response(
                territory_id=territory_id,
                questionnaire=questionnaire,
                label=f"Répondant·e {n}",
                commune_id=first + n * 29 % size,
                role="elected",
                submitted_at=start + timedelta(seconds=37 * n),
            )
            for n in range(count)
        ),
        batch_size=5000,
    )
    answers, responses = Answer._meta.db_table, Response._meta.db_table
    with connection.cursor() as cursor:
        for question in questions:
            option, number, commune, text, which_options, which_responses = ANSWERS[question.kind]
            commune = commune.format(commune=f"{first} + r.id * 17 % {size}")
            sql = (
                f"INSERT INTO {answers} (territory_id, response_id, question_id, option_id,"
                f" number, commune_id, text) SELECT r.territory_id, r.id, {question.pk},"
                f" {option}, {number}, {commune}, {text} FROM {responses} r"
            )
            if which_options:
                sql += (
                    f" JOIN {Option._meta.db_table} o"
                    f" ON o.question_id = {question.pk} AND {which_options}"
                )
            sql += f" WHERE r.questionnaire_id = {questionnaire.pk}"
            if which_responses:
                sql += f" AND r.id * 7 % {which_responses}"
            cursor.execute(sql)
    return Answer.objects.filter(response__questionnaire=questionnaire).count()


def database_url() -> str:
    """The test database, as a `DATABASE_URL` for the child process."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "localhost"
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{settings['NAME']}"


@pytest.fixture(scope="module")
def surveys(django_db_setup, django_db_blocker):
    """{count: questionnaire}, committed (autocommit, outside any test transaction)."""
    with django_db_blocker.unblock():
        territory = make_territory("Export Agglomération", communes=71)
        found = {}
        for count in SIZES:
            questionnaire, questions = build_questionnaire(territory, f"Export {count}")
            started = time.perf_counter()
            rows = fill(questionnaire, questions, count)
            print(
                f"\n{count} responses, {rows} answer rows in {time.perf_counter() - started:.1f} s"
            )
            found[count] = questionnaire
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        yield found
        ids = ", ".join(str(questionnaire.pk) for questionnaire in found.values())
        responses, answers = Response._meta.db_table, Answer._meta.db_table
        with connection.cursor() as cursor:  # the ORM's cascade would load every row
            cursor.execute(
                f"DELETE FROM {answers} WHERE response_id IN "
                f"(SELECT id FROM {responses} WHERE questionnaire_id IN ({ids}))"
            )
            cursor.execute(f"DELETE FROM {responses} WHERE questionnaire_id IN ({ids})")
        territory.delete()


def export(questionnaire, fmt: str, target) -> tuple[int, float, str]:
    """Run the command in a child process: its peak memory (MB), wall time (s), output."""
    env = {**os.environ, "DATABASE_URL": database_url()}
    env.pop("DEBUG", None)  # as in production: no query log
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(questionnaire.pk), "--format", fmt, "-o", str(target)],
        env=env,
        capture_output=True,
        text=True,
    )
    duration = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    peak_line = [line for line in result.stderr.splitlines() if line.startswith("peak ")][-1]
    return int(peak_line.split()[1]), duration, result.stderr.replace(peak_line, "").strip()


def test_export_memory_is_flat(surveys, tmp_path, benchmark, capsys):
    figures = {}

    def run_all():
        for fmt in FORMATS:
            for count, questionnaire in surveys.items():
                target = tmp_path / f"export-{count}.{fmt}"
                peak, duration, output = export(questionnaire, fmt, target)
                assert str(count) in output
                if fmt == "csv":
                    with target.open(encoding="utf-8-sig", newline="") as stream:
                        lines = sum(1 for _ in csv.reader(stream))
                    assert lines == count + 1
                else:
                    with zipfile.ZipFile(target) as workbook:
                        assert workbook.testzip() is None
                figures[(count, fmt)] = (peak, duration, target.stat().st_size)
                target.unlink()

    benchmark.pedantic(run_all, rounds=1)
    with capsys.disabled():
        print(f"\nexport_answers on {connection.vendor}:")
        for (count, fmt), (peak, duration, size) in figures.items():
            print(
                f"  {count:>7,} {fmt:4} peak {peak:4d} MB  {duration:6.1f} s  {size / 1e6:6.1f} MB"
            )
            benchmark.extra_info[f"{fmt}_{count}"] = {
                "peak_mb": peak,
                "seconds": round(duration, 1),
            }
    for fmt in FORMATS:
        small, large = (figures[(count, fmt)][0] for count in SIZES)
        assert large - small <= TOLERANCE_MB, (
            f"{fmt}: {small} MB for {SIZES[0]}, {large} MB for {SIZES[1]}"
        )
