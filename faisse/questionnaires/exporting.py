"""The answers as a table, one row per response, streamed: `faisse export_answers` and the
management download read responses by chunks of `CHUNK` (keyset pages on the id), so the
memory used stays the same for 1,000 or 1,000,000 answers.

Columns (docs/questionnaires.md): `respondent` (the person's e-mail for a known list, the
response's label or number for the public, empty when anonymous), `commune` (INSEE code;
in anonymous mode only for communes with at least `ANONYMITY_THRESHOLD` responses),
`submitted_at` (ISO 8601, Paris time; the day only when anonymous), then per question:
`key` (choices joined with " | ", likert's label, texts, a commune's INSEE code), or
`key[option]` (ranking: rank, 1 = first; majority judgment: the grade; points: the number;
matrix: the columns ticked in that row, joined with " | ").
"""

import csv
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

from faisse.questionnaires.models import Answer, Question, Questionnaire, Response
from faisse.questionnaires.outline import Outline

Kind = Question.Kind
CHUNK = 500
SEPARATOR = " | "
ANONYMITY_THRESHOLD = 5
PER_OPTION = frozenset({Kind.RANKING, Kind.MAJORITY_JUDGMENT, Kind.POINTS, Kind.MATRIX})
FIXED = ["respondent", "commune", "submitted_at"]


@dataclass
class Column:
    header: str
    question: Question
    option_id: int | None = None


def columns(outline: Outline) -> list[Column]:
    found = []
    for question in outline.questions:
        if question.kind in PER_OPTION:
            found.extend(
                Column(f"{question.key}[{option.label}]", question, option.pk)
                for option in question.choices
            )
        else:
            found.append(Column(question.key, question))
    return found


def _scale(question: Question, number) -> str:
    if number is not None and 1 <= number <= len(question.scale):
        return question.scale[number - 1]
    return "" if number is None else str(number)


def _cells(outline: Outline, rows: list) -> dict:
    """The cells of one response: {(question id, option id or None): text}."""
    grouped: dict = {}
    for question_id, option_id, number, commune_id, text in rows:
        question = outline.by_id.get(question_id)
        if question is None:
            continue
        kind = question.kind
        if kind in PER_OPTION:
            value = _scale(question, number) if kind == Kind.MAJORITY_JUDGMENT else number
            if kind == Kind.MATRIX:
                value = _scale(question, number)
            grouped.setdefault((question_id, option_id), []).append(str(value))
        elif kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
            option = question.options_by_id.get(option_id)
            position = option.position if option else 0
            grouped.setdefault((question_id, None), []).append((position, option_id, option))
        elif kind == Kind.LIKERT:
            grouped[(question_id, None)] = [_scale(question, number)]
        elif kind == Kind.COMMUNE:
            commune = outline.communes_by_id.get(commune_id)
            grouped[(question_id, None)] = [commune.insee if commune else ""]
        else:
            grouped[(question_id, None)] = [text]
    cells = {}
    for key, values in grouped.items():
        if values and isinstance(values[0], tuple):
            values = [option.label for _, _, option in sorted(values) if option]
        cells[key] = SEPARATOR.join(values)
    return cells


def _moment(moment, anonymous: bool) -> str:
    local = timezone.localtime(moment)
    return local.date().isoformat() if anonymous else local.isoformat(timespec="seconds")


def rows(questionnaire: Questionnaire) -> Iterator[list[str]]:
    """The header, then one row per response, read CHUNK responses at a time."""
    outline = Outline.load(questionnaire)
    table = columns(outline)
    yield FIXED + [column.header for column in table]
    anonymous = questionnaire.anonymous
    shown_communes = None
    if anonymous:
        counts = (
            Response.objects.filter(questionnaire=questionnaire)
            .values("commune_id")
            .annotate(count=Count("id"))
        )
        shown_communes = {
            entry["commune_id"] for entry in counts if entry["count"] >= ANONYMITY_THRESHOLD
        }
    responses = Response.objects.filter(questionnaire=questionnaire).order_by("pk")
    last = 0
    while True:
        chunk = list(
            responses.filter(pk__gt=last).values_list(
                "pk", "person__email", "label", "commune__insee", "commune_id", "submitted_at"
            )[:CHUNK]
        )
        if not chunk:
            return
        last = chunk[-1][0]
        by_response: dict[int, list] = {}
        answers = (
            Answer.objects.filter(response_id__in=[entry[0] for entry in chunk])
            .order_by("response_id", "id")
            .values_list("response_id", "question_id", "option_id", "number", "commune_id", "text")
        )
        for response_id, *rest in answers.iterator(chunk_size=2000):
            by_response.setdefault(response_id, []).append(rest)
        for pk, email, label, insee, commune_id, submitted_at in chunk:
            cells = _cells(outline, by_response.get(pk, []))
            if anonymous:
                who = ""
                insee = insee if commune_id in shown_communes else ""
            else:
                who = email or label or ("" if not questionnaire.is_public else str(pk))
            yield [who, insee or "", _moment(submitted_at, anonymous)] + [
                cells.get((column.question.pk, column.option_id), "") for column in table
            ]


class _Echo:
    def write(self, value):
        return value


def csv_lines(questionnaire: Questionnaire) -> Iterator[str]:
    """CSV text, UTF-8 with a byte order mark (so that spreadsheets read accents)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows(questionnaire):
        yield writer.writerow(row)


def write_csv(questionnaire: Questionnaire, stream) -> int:
    """Write the CSV to a text stream; returns the number of responses."""
    count = -1
    writer = csv.writer(stream)
    stream.write("\ufeff")
    for row in rows(questionnaire):
        writer.writerow(row)
        count += 1
    return count


def write_xlsx(questionnaire: Questionnaire, target) -> int:
    """Write the workbook (openpyxl's write-only mode: rows go to disk as they come)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Réponses")
    count = -1
    for row in rows(questionnaire):
        sheet.append(row)
        count += 1
    workbook.save(target)
    return count


def filename(questionnaire: Questionnaire, fmt: str) -> str:
    return f"reponses-{slugify(questionnaire.title)[:60] or questionnaire.pk}.{fmt}"


def download(questionnaire: Questionnaire, fmt: str):
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(questionnaire), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename(questionnaire, fmt)}"'
        return response
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(questionnaire, spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename(questionnaire, fmt),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
