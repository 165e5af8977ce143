"""Write a plan into TeT's import template, so that TeT imports it and Faïsse reads it
back as it was (tet_reader).

Sheet `Fichier dimport`: row 1 the column groups, row 2 the labels (tet_columns.WRITTEN:
TeT's 28 import columns in the order its parser checks, TeT's other columns, Faïsse's
two), row 3 the field types, data from row 4 where TeT's parser starts. One row per
action, then one per sub-action (the action's title in D, its own in E); a level with
nothing below it gets a row of its own. Text cells are always text: openpyxl would store
"=…" as a formula.
"""

import io
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from faisse.actions.spreadsheets.faisse_sheet import FaisseSheet, write_faisse_sheet
from faisse.actions.spreadsheets.tet_columns import (
    LIST_ROLES,
    TEXT_ROLES,
    WRITTEN,
    WRITTEN_GROUPS,
    letter,
)
from faisse.actions.spreadsheets.tet_lines import (
    document_line,
    funding_line,
    milestone_line,
)
from faisse.actions.spreadsheets.tet_lists import write_lists_sheet
from faisse.actions.spreadsheets.tet_model import SheetFields, TetNode, TetPlan, structure_of
from faisse.actions.spreadsheets.tet_values import (
    PARTICIPATION_LABELS,
    PRIORITY_LABELS,
    STATUS_LABELS,
    join_list,
    line_text,
    numbered,
)

SHEET_NAME = "Fichier dimport"
FIRST_DATA_ROW = 4
DATE_FORMAT = "DD/MM/YYYY"
INDEX = {(role, position): index for index, (_l, role, position, _t) in enumerate(WRITTEN)}
CHOICE_LABELS = {
    "status": STATUS_LABELS,
    "priority": PRIORITY_LABELS,
    "participation": PARTICIPATION_LABELS,
}


def write_tet_workbook(plan: TetPlan, *, level_names: dict | None = None) -> bytes:
    from openpyxl import Workbook  # its import takes a tenth of a second

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    tax = any(action.fields and action.fields.amounts_include_tax for action in plan.actions())
    _write_header(sheet, tax)
    for cells in _rows(plan):
        sheet.append([_safe(value) for value in cells])
    _format_cells(sheet)
    write_lists_sheet(workbook, sheet, first_row=FIRST_DATA_ROW)
    names = plan.level_names if level_names is None else level_names
    write_faisse_sheet(
        workbook, FaisseSheet(plan.title, plan.period_start, plan.period_end, dict(names))
    )
    for worksheet in workbook.worksheets:
        for row in worksheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def _write_header(sheet, tax: bool) -> None:
    from openpyxl.styles import Alignment, Font

    for first, last, label in WRITTEN_GROUPS:
        sheet.cell(row=1, column=first, value=label)
        if last > first:
            sheet.merge_cells(start_row=1, start_column=first, end_row=1, end_column=last)
    for index, (label, role, _position, types) in enumerate(WRITTEN, start=1):
        if tax and role in ("amount", "budget_total"):
            label = label.replace("€ HT", "€ TTC")
        sheet.cell(row=2, column=index, value=label)
        sheet.cell(row=3, column=index, value=types)
        sheet.column_dimensions[letter(index - 1)].width = 16 if role == "amount" else 30
    for row in sheet.iter_rows(min_row=1, max_row=3):
        for cell in row:
            cell.font = Font(bold=cell.row < 3)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"


def _rows(plan: TetPlan):
    for path, node in plan.walk():
        levels = [above for above in path if not above.is_action]
        if node.is_action:
            actions = [above for above in path if above.is_action]
            # A sub-action of a sub-action is written as a sub-action of the action.
            yield _action_row(levels, actions[0] if actions else None, node)
        elif not node.children:
            yield _level_row([*levels, node])


def _level_row(levels: list[TetNode]) -> list:
    cells = [None] * len(WRITTEN)
    _put_levels(cells, levels)
    cells[INDEX["structure", 0]] = structure_of(levels[:-1], levels[-1])
    return cells


def _put_levels(cells: list, levels: list[TetNode]) -> None:
    titles = [numbered(level.number, line_text(level.title)) for level in levels]
    if len(titles) > 3:  # deeper than TeT's three columns: the rest in the third
        titles = [*titles[:2], " > ".join(titles[2:])]
    for role, title in zip(("axis", "orientation", "objective"), titles, strict=False):
        cells[INDEX[role, 0]] = title


def _action_row(levels: list[TetNode], parent: TetNode | None, node: TetNode) -> list:
    cells = [None] * len(WRITTEN)
    _put_levels(cells, levels)
    title = numbered(node.number, line_text(node.title))
    if parent is None:
        cells[INDEX["action", 0]] = title
    else:
        cells[INDEX["action", 0]] = numbered(parent.number, line_text(parent.title))
        cells[INDEX["sub_action", 0]] = title
    above = [*levels, parent] if parent is not None else levels
    cells[INDEX["structure", 0]] = structure_of(above, node)
    _put_fields(cells, node.fields or SheetFields())
    return cells


def _put_fields(cells: list, fields: SheetFields) -> None:
    def put(role: str, value, position: int = 0) -> None:
        if value not in (None, "", []):
            cells[INDEX[role, position]] = value

    for role in TEXT_ROLES:
        if role != "funding_notes":
            put(role, getattr(fields, role))
    for role in LIST_ROLES:
        put(role, join_list(getattr(fields, role)))
    for role, labels in CHOICE_LABELS.items():
        put(role, labels.get(getattr(fields, role), ""))
    notes, written = [fields.funding_notes] if fields.funding_notes else [], set()
    for funding in fields.fundings:
        if 1 <= funding.position <= 3 and funding.position not in written:
            written.add(funding.position)
            put("financer", join_list(funding.financers), funding.position)
            put("amount", funding.amount, funding.position)
        elif funding.financers or funding.amount is not None:
            notes.append(funding_line(funding))
    put("funding_notes", "\n".join(notes))
    put("budget_total", fields.budget_total)
    put("start_date", fields.start_date)
    put("end_date", fields.end_date)
    put("continuous", "VRAI" if fields.continuous else "FAUX")
    put("milestones", "\n".join(milestone_line(m) for m in fields.milestones))
    put("documents", "\n".join(document_line(d) for d in fields.documents))
    put("faisse_id", fields.faisse_id)


def _format_cells(sheet) -> None:
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=FIRST_DATA_ROW):
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, Decimal):
                cell.number_format = "#,##0" if cell.value == int(cell.value) else "#,##0.00"
            elif hasattr(cell.value, "year"):
                cell.number_format = DATE_FORMAT
            else:
                cell.alignment = wrap


def _safe(value):
    """A text without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub(" ", value) if isinstance(value, str) else value
