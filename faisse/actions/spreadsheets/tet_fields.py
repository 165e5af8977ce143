"""An action's sheet from the filled cells of its row: each column's value read by the
parser of its role (tet_values), each failure an error naming the row and the column."""

from django.utils.translation import gettext as _

from faisse.actions.spreadsheets.tet_columns import (
    CHOICE_ROLES,
    LIST_ROLES,
    TEXT_ROLES,
    Column,
)
from faisse.actions.spreadsheets.tet_lines import (
    parse_documents,
    parse_milestones,
    split_funding_lines,
)
from faisse.actions.spreadsheets.tet_model import SheetFields, TetFunding
from faisse.actions.spreadsheets.tet_report import Report
from faisse.actions.spreadsheets.tet_values import (
    ValueProblem,
    block_text,
    format_date,
    line_text,
    parse_amount,
    parse_bool,
    parse_choice,
    parse_date,
    split_list,
)
from faisse.core.text import text_problem

FAISSE_ROLES = ("structure", "faisse_id")


def read_fields(
    number: int, values: dict[Column, object], report: Report, fields: SheetFields
) -> SheetFields:
    """`fields` (a new SheetFields) filled from the row's values by column."""
    fundings: dict[int, TetFunding] = {}
    for column, value in values.items():
        notes: list[str] = []
        try:
            _read(fields, fundings, column, value, notes)
        except ValueProblem as problem:
            report.error(number, column, str(problem))
        for note in notes:
            report.warn(number, column, note)
    fields.funding_notes, extra = split_funding_lines(fields.funding_notes)
    fields.fundings = sorted([*fundings.values(), *extra], key=lambda funding: funding.position)
    if fields.start_date and fields.end_date and fields.end_date < fields.start_date:
        report.error(
            number,
            next(column for column in values if column.role == "end_date"),
            _("la date de fin (%(end)s) précède la date de début (%(start)s).")
            % {"end": format_date(fields.end_date), "start": format_date(fields.start_date)},
        )
    return fields


def _read(fields: SheetFields, fundings, column: Column, value, notes: list[str]) -> None:
    role = column.role
    if role in TEXT_ROLES:
        text = block_text(value)
        if problem := text_problem(text, "text"):
            raise ValueProblem(f"{problem}.")
        old = getattr(fields, role)  # a second column of the same role is added below
        setattr(fields, role, f"{old}\n{text}" if old else text)
    elif role in LIST_ROLES:
        setattr(fields, role, getattr(fields, role) + split_list(value))
    elif role in CHOICE_ROLES:
        setattr(fields, role, parse_choice(value, role))
    elif role in ("start_date", "end_date"):
        setattr(fields, role, parse_date(value, notes))
    elif role == "continuous":
        fields.continuous = parse_bool(value)
    elif role == "budget_total":
        fields.budget_total = parse_amount(value)
    elif role in ("financer", "amount"):
        funding = fundings.setdefault(column.position, TetFunding(column.position))
        if role == "financer":
            funding.financers = split_list(value)
        else:
            funding.amount = parse_amount(value)
    elif role == "milestones":
        fields.milestones = parse_milestones(value, notes)
    elif role == "documents":
        fields.documents = parse_documents(value)
    elif role in FAISSE_ROLES:
        setattr(fields, role, line_text(value))
