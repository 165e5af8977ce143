"""What the actions app adds to the plans importer and exporter (registered in apps.py):
the Territoires en Transitions template in and out, and the plain table of sheets."""

from faisse.actions.spreadsheets.plain_export import write_csv, write_xlsx
from faisse.actions.spreadsheets.tet_export import plan_to_tet
from faisse.actions.spreadsheets.tet_import import read_as_parsed
from faisse.actions.spreadsheets.tet_reader import claims_tet_workbook
from faisse.actions.spreadsheets.tet_writer import write_tet_workbook
from faisse.plans.exporting import ExportFormat
from faisse.plans.importer.workbooks import WorkbookImporter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def write_tet(plan, *, drafts: bool = True) -> bytes:
    return write_tet_workbook(plan_to_tet(plan, drafts=drafts))


TET_IMPORTER = WorkbookImporter(claims=claims_tet_workbook, read=read_as_parsed)
SPREADSHEET_FORMATS = (
    ExportFormat(
        "tet-xlsx",
        "Modèle Territoires en Transitions (XLSX)",
        "xlsx",
        XLSX,
        None,
        write_plan=write_tet,
    ),
    ExportFormat(
        "xlsx", "Tableau des fiches action (XLSX)", "xlsx", XLSX, None, write_plan=write_xlsx
    ),
    ExportFormat(
        "csv",
        "Tableau des fiches action (CSV)",
        "csv",
        "text/csv; charset=utf-8",
        None,
        write_plan=write_csv,
    ),
)
