"""The `Faïsse` sheet of a workbook Faïsse writes: the plan's title, period and level
names, which TeT's template has no place for (TeT ignores the sheet)."""

from dataclasses import dataclass, field

from faisse.actions.spreadsheets.tet_model import KINDS
from faisse.actions.spreadsheets.tet_values import fold_label, line_text

SHEET_NAME = "Faïsse"
KIND_LABELS = {
    "axis": "Axe",
    "orientation": "Orientation",
    "objective": "Objectif",
    "group": "Sous-ensemble",
    "action": "Action",
}
# TeT's own names, for a workbook without a Faïsse sheet.
TET_LEVEL_NAMES = {
    "axis": ["Axe", "Axes"],
    "orientation": ["Sous-axe", "Sous-axes"],
    "objective": ["Sous-sous-axe", "Sous-sous-axes"],
    "action": ["Fiche action", "Fiches action"],
}


@dataclass
class FaisseSheet:
    title: str = ""
    period_start: int | None = None
    period_end: int | None = None
    level_names: dict[str, list[str]] = field(default_factory=dict)


def is_faisse_sheet(name: str) -> bool:
    return fold_label(name) == "faisse"


def write_faisse_sheet(workbook, sheet: FaisseSheet) -> None:
    worksheet = workbook.create_sheet(SHEET_NAME)
    worksheet.append(["Titre du projet", sheet.title])
    worksheet.append(["Période", sheet.period_start, sheet.period_end])
    worksheet.append([])
    worksheet.append(["Niveau", "Code", "Nom", "Pluriel"])
    for kind, names in sheet.level_names.items():
        worksheet.append([KIND_LABELS.get(kind, kind), kind, *names[:2]])
    worksheet.column_dimensions["A"].width = 18
    worksheet.column_dimensions["B"].width = 60


def read_faisse_sheet(rows) -> FaisseSheet:
    sheet, in_levels = FaisseSheet(), False
    for _number, cells in rows:
        cells = [*cells, None, None, None, None]
        label = fold_label(line_text(cells[0]))
        if label == "titre du projet":
            sheet.title = line_text(cells[1])
        elif label == "periode":
            sheet.period_start, sheet.period_end = _year(cells[1]), _year(cells[2])
        elif label == "niveau":
            in_levels = True
        elif in_levels and (kind := line_text(cells[1])) in KINDS:
            names = [name for name in (line_text(cells[2]), line_text(cells[3])) if name]
            if names:
                sheet.level_names[kind] = names
    return sheet


def _year(value) -> int | None:
    text = line_text(value)
    return int(text) if text.isdigit() and len(text) == 4 else None
