"""Answers collected on paper or in another tool (`faisse import_answers ID FILE.csv`): the
format of the export (docs/questionnaires.md), each row checked as the answering pages
would check it, and written all or nothing.

Cells give words, not ids: a choice by its label, likert and grades by their label or
number, a commune by its INSEE code or name, several choices (or matrix columns) joined
with " | ". The file is read twice: once to check every row (the errors name the line and
the column), once, in one transaction, to write; so a file of any size is never held
whole in memory.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from faisse.core.errors import Refusal
from faisse.questionnaires import tallies
from faisse.questionnaires.answering import local_day
from faisse.questionnaires.checking import answer_rows, check_all, keep_shown
from faisse.questionnaires.exporting import FIXED, PER_OPTION, SEPARATOR, columns
from faisse.questionnaires.models import Answer, Question, Questionnaire, Respondent, Response
from faisse.questionnaires.outline import Outline

Kind = Question.Kind
MAX_ERRORS = 30
BATCH = 500


class AnswersImportError(Refusal):
    """The file is refused; `errors` lists every problem found, by line and column."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Row:
    line: int
    respondent: Respondent | None
    label: str
    commune_id: int | None
    submitted_at: object
    typed: dict


def _lines(path) -> Iterator[tuple[int, list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        sample = stream.read(4096)
        stream.seek(0)
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.reader(stream, delimiter=delimiter)
        for row in reader:
            yield reader.line_num, row


def _scale_number(question: Question, cell: str) -> str:
    labels = [label.casefold() for label in question.scale]
    if cell.casefold() in labels:
        return str(labels.index(cell.casefold()) + 1)
    return cell


class Reader:
    """Reads rows of the file into checked answers, with the errors of each cell."""

    def __init__(self, questionnaire: Questionnaire, header: list[str]):
        self.questionnaire = questionnaire
        self.outline = Outline.load(questionnaire)
        known = {column.header: column for column in columns(self.outline)}
        self.errors: list[str] = []
        self.positions: dict[str, int] = {}
        for index, name in enumerate(header):
            name = name.strip()
            if name in FIXED or name in known:
                self.positions[name] = index
            elif name:
                self.errors.append(
                    _("Ligne 1, colonne « %(column)s » : colonne inconnue (ni une clé de "
                      "question, ni respondent, commune, submitted_at).") % {"column": name}
                )  # fmt: skip
        if "respondent" not in self.positions:
            self.errors.append(_("Ligne 1 : la colonne « respondent » manque."))
        self.known = {name: column for name, column in known.items() if name in self.positions}
        self.respondents = {
            respondent.user.email.lower(): respondent
            for respondent in Respondent.objects.filter(
                questionnaire=questionnaire, user__isnull=False
            ).select_related("user")
        }
        self.seen: set[str] = set()
        self.labels = {
            question.pk: {option.label.casefold(): option.pk for option in question.choices}
            for question in self.outline.questions
        }
        self.names = {
            commune.name.casefold(): insee for insee, commune in self.outline.communes.items()
        }

    def _error(self, line: int, column: str, message: str) -> None:
        self.errors.append(
            _("Ligne %(line)s, colonne « %(column)s » : %(message)s")
            % {"line": line, "column": column, "message": message}
        )

    def _option(self, line, column, question, label) -> str | None:
        option_id = self.labels[question.pk].get(label.casefold())
        if option_id is None:
            self._error(
                line,
                column,
                _("« %(value)s » n’est pas un choix de la question « %(question)s ».")
                % {"value": label, "question": question.label},
            )
            return None
        return str(option_id)

    def _raw(self, line: int, cells: dict) -> dict:
        """The raw answers of a row, as the answering pages would send them."""
        values: dict = {}
        for name, column in self.known.items():
            cell = cells.get(name, "").strip()
            question = column.question
            kind = question.kind
            parts = [part.strip() for part in cell.split(SEPARATOR.strip()) if part.strip()]
            if kind in PER_OPTION:
                entry = values.setdefault(question.key, {})
                if kind == Kind.MATRIX:
                    entry[str(column.option_id)] = [_scale_number(question, p) for p in parts]
                elif kind == Kind.MAJORITY_JUDGMENT:
                    entry[str(column.option_id)] = _scale_number(question, cell)
                else:
                    entry[str(column.option_id)] = cell
            elif kind == Kind.SINGLE_CHOICE:
                chosen = self._option(line, name, question, cell) if cell else None
                values[question.key] = chosen or ""
            elif kind == Kind.MULTIPLE_CHOICE:
                values[question.key] = [self._option(line, name, question, p) or "" for p in parts]
            elif kind == Kind.LIKERT:
                values[question.key] = _scale_number(question, cell)
            elif kind == Kind.COMMUNE:
                values[question.key] = self.names.get(cell.casefold(), cell)
            else:
                values[question.key] = cell
        return values

    def _column_of(self, error) -> str:
        question = error.question
        if question.kind not in PER_OPTION:
            return question.key
        option = question.options_by_id.get(error.option_id)
        return f"{question.key}[{option.label}]" if option else f"{question.key}[…]"

    def read(self, line: int, row: list[str]) -> Row | None:
        cells = {
            name: row[index] if index < len(row) else "" for name, index in self.positions.items()
        }
        count = len(self.errors)
        who = cells.get("respondent", "").strip()
        respondent = None
        if not self.questionnaire.is_public and who:
            respondent = self.respondents.get(who.lower())
            if respondent is None:
                self._error(
                    line,
                    "respondent",
                    _("« %(who)s » n’est pas sur la liste des personnes interrogées.")
                    % {"who": who},
                )
            elif who.lower() in self.seen or respondent.answered:
                self._error(
                    line,
                    "respondent",
                    _("« %(who)s » a déjà répondu : une seule réponse par personne.")
                    % {"who": who},
                )
            self.seen.add(who.lower())
        insee = cells.get("commune", "").strip()
        commune = self.outline.communes.get(insee) if insee else None
        if insee and commune is None:
            self._error(
                line,
                "commune",
                _("« %(value)s » n’est pas le code INSEE d’une commune du territoire.")
                % {"value": insee},
            )
        moment = cells.get("submitted_at", "").strip()
        submitted_at = timezone.now()
        if moment:
            parsed = parse_datetime(moment) or (
                parse_date(moment) and parse_datetime(moment + "T00:00")
            )
            if parsed is None:
                self._error(
                    line,
                    "submitted_at",
                    _("« %(value)s » n’est pas une date ISO 8601.") % {"value": moment},
                )
            else:
                submitted_at = timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
        values = keep_shown(self.outline, self._raw(line, cells))
        typed, problems = check_all(self.outline, values)
        for error in problems.values():
            self._error(line, self._column_of(error), str(error))
        if len(self.errors) > count:
            return None
        if commune is None and respondent is not None:
            commune_id = respondent.commune_id
        else:
            commune_id = commune.pk if commune else None
        return Row(line, respondent, who, commune_id, submitted_at, typed)


def _open(questionnaire, path) -> tuple[Reader, Iterator[Row | None]]:
    """The reader of the file's header, and its rows read one by one (None: refused)."""
    lines = _lines(path)
    try:
        _number, header = next(lines)
    except StopIteration:
        raise AnswersImportError([_("Le fichier est vide.")]) from None
    reader = Reader(questionnaire, header)
    if reader.errors:
        raise AnswersImportError(reader.errors)

    def rows() -> Iterator[Row | None]:
        for line, row in lines:
            if not any(cell.strip() for cell in row):
                continue
            yield reader.read(line, row)
            if len(reader.errors) >= MAX_ERRORS:
                return

    return reader, rows()


def check_file(questionnaire: Questionnaire, path) -> int:
    """Check every row; returns how many responses the file holds."""
    reader, rows = _open(questionnaire, path)
    count = sum(1 for row in rows if row is not None)
    if reader.errors:
        raise AnswersImportError(reader.errors)
    return count


def _save(questionnaire: Questionnaire, reader: Reader, batch: list[Row]) -> None:
    anonymous = questionnaire.anonymous
    responses = Response.objects.bulk_create(
        Response(
            territory_id=questionnaire.territory_id,
            questionnaire=questionnaire,
            person_id=row.respondent.user_id if row.respondent and not anonymous else None,
            label="" if anonymous or row.respondent else row.label[:255],
            commune_id=row.commune_id,
            role=row.respondent.role if row.respondent else "",
            origin=Response.Origin.IMPORT,
            submitted_at=local_day(row.submitted_at) if anonymous else row.submitted_at,
        )
        for row in batch
    )
    outline = reader.outline
    answers = Answer.objects.bulk_create(
        Answer(
            territory_id=questionnaire.territory_id,
            response=response,
            question=outline.by_key[key],
            **fields,
        )
        for response, row in zip(responses, batch, strict=True)
        for key, value in row.typed.items()
        for fields in answer_rows(outline.by_key[key], value, outline)
    )
    tallies.add_answers(questionnaire, answers)
    answered = [row.respondent.pk for row in batch if row.respondent]
    Respondent.objects.filter(pk__in=answered).update(answered=True)


def import_answers(questionnaire: Questionnaire, path) -> int:
    """Check the whole file, then write it in one transaction; returns the count."""
    check_file(questionnaire, path)
    count = 0
    with transaction.atomic():
        tallies.lock(questionnaire.pk)
        reader, rows = _open(questionnaire, path)
        batch: list[Row] = []
        for row in rows:
            if row is None:  # changed on disk between the two readings
                raise AnswersImportError(reader.errors)
            batch.append(row)
            if len(batch) == BATCH:
                _save(questionnaire, reader, batch)
                count += len(batch)
                batch = []
        if batch:
            _save(questionnaire, reader, batch)
            count += len(batch)
    return count
