"""Workbooks for the TeT tests: TeT's five real files (copied here from
../shared/reference/tet/, MIT licence, so that a clean clone has them), and small XLSX
and ODS sheets built cell by cell, with typed cells."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentSpreadsheet
from openpyxl import Workbook

from faisse.actions.spreadsheets.tet_columns import letter

DATA = Path(__file__).parent / "data" / "tet"
MODELE_XLSX = "modele-import-pa.xlsx"
MODELE_ODS = "modele-import-pa.ods"
EXPORT = "export_plan_action.xlsx"
NOUVEAU = "nouveau-plan-valide.xlsx"
SOUS_ACTIONS = "plan_with_sous_actions_valid.xlsx"
SHEET = "Fichier dimport"

# The 28 labels TeT's parser checks (plan_with_sous_actions_valid.xlsx, A–AB).
CANONICAL = [
    "Axe (x)",
    "Sous-axe (x.x)",
    "Sous-sous axe (x.x.x)",
    "Titre de l'action",
    "Titre de la sous-action",
    "Descriptif",
    "Instances de gouvernance",
    "Objectifs",
    "Indicateurs liés",
    "Structure pilote",
    "Moyens humains et techniques",
    "Partenaires",
    "Direction ou service pilote",
    "Personne pilote",
    "Élu·e référent·e",
    "Participation Citoyenne",
    "Financements",
    "Financeur 1",
    "Montant € HT",
    "Financeur 2",
    "Montant € HT",
    "Financeur 3",
    "Montant € HT",
    "Budget prévisionnel total € HT",
    "Statut",
    "Niveau de priorité",
    "Date de début",
    "Date de fin",
]
LETTERS = {letter(index): index for index in range(64)}


def reference(name: str) -> bytes:
    return (DATA / name).read_bytes()


def row(**cells) -> list:
    """A row from cells named by their column letter: row(A="1. Axe", AA="31/12/2025")."""
    values = [None] * (max(LETTERS[name] for name in cells) + 1 if cells else 0)
    for name, value in cells.items():
        values[LETTERS[name]] = value
    return values


def sheet_rows(*data: list, header: list | None = None, title: str = "Mon plan") -> list:
    """A TeT sheet: the title (row 1), the header (row 2), then the rows (from row 3)."""
    return [[title] if title else [], header or CANONICAL, *data]


def to_xlsx(rows: list[list], *, name: str = SHEET, sheets: dict | None = None) -> bytes:
    workbook = Workbook()
    workbook.active.title = name
    for cells in rows:
        workbook.active.append(cells)
    for other, other_rows in (sheets or {}).items():
        sheet = workbook.create_sheet(other)
        for cells in other_rows:
            sheet.append(cells)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def to_ods(rows: list[list], *, name: str = SHEET, repeated_empty_rows: int = 0) -> bytes:
    """An ODS whose cells keep their types: float, boolean, date, string; with, if asked,
    an empty row repeated that many times at the end (as LibreOffice writes them)."""
    document = OpenDocumentSpreadsheet()
    table = odf_table.Table(name=name)
    for cells in rows:
        line = odf_table.TableRow()
        for value in cells:
            line.addElement(_ods_cell(value))
        table.addElement(line)
    if repeated_empty_rows:
        empty = odf_table.TableRow(numberrowsrepeated=repeated_empty_rows)
        empty.addElement(odf_table.TableCell(numbercolumnsrepeated=1024))
        table.addElement(empty)
    document.spreadsheet.addElement(table)
    stream = io.BytesIO()
    document.write(stream)
    return stream.getvalue()


def _ods_cell(value):
    if value is None or value == "":
        return odf_table.TableCell()
    if isinstance(value, bool):
        cell = odf_table.TableCell(valuetype="boolean", booleanvalue=str(value).lower())
        text = "VRAI" if value else "FAUX"
    elif isinstance(value, int | float | Decimal):
        cell, text = odf_table.TableCell(valuetype="float", value=str(value)), str(value)
    elif isinstance(value, datetime.date):
        cell = odf_table.TableCell(valuetype="date", datevalue=value.isoformat())
        text = value.strftime("%d/%m/%Y")
    else:
        cell, text = odf_table.TableCell(valuetype="string"), str(value)
    for index, line in enumerate(text.split("\n")):
        cell.addElement(odf_text.P(text=line) if index or line else odf_text.P())
    return cell
