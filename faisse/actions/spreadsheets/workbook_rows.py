"""The sheets of an XLSX or ODS workbook as rows of typed cells: None, str, int or
float, bool, date or datetime, as the file stores them.

The archive is checked by the plans importer's zip checks (size, expansion, members)
before any library opens it. Rows are read as they are asked for, and only filled ones
are given: a sheet may claim a million rows. XLSX through openpyxl (read-only, cached
values of formulas), which fills every gap between two rows with empty ones, so reading
stops after `MAX_EMPTY_RUN` empty rows in a row. ODS through lxml's iterparse of
content.xml, each row freed once read, repeated rows and cells expanded only up to a
bound (python-calamine would do both, but it is not a dependency of Faïsse).
"""

import datetime
import io
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import PurePath

from django.utils.translation import gettext as _
from lxml import etree

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats.archives import open_archive, zip_kind
from faisse.plans.importer.formats.common import reading
from faisse.plans.importer.formats.odf import OFFICE, TABLE, TEXT, integer
from faisse.plans.importer.limits import check_size

MAX_COLUMNS = 64
MAX_EMPTY_RUN = 1000  # empty rows in a row after which a sheet is taken as ended
MAX_REPEATED_ROWS = 100  # a filled row repeated (ODS): at most this many copies

Row = tuple[int, list]  # (1-based row number, typed cells)
Sheet = tuple[str, Iterable[Row]]


def workbook_kind(data: bytes, filename: str) -> str | None:
    """ "XLSX" or "ODS" from the file's name, else from its content; None otherwise."""
    kind = zip_kind(data)
    if kind in ("XLSX", "ODS"):
        return kind
    suffix = PurePath(filename or "").suffix.lower()
    if kind is None and suffix in (".xlsx", ".xlsm", ".ods"):
        return "ODS" if suffix == ".ods" else "XLSX"  # for open_archive to say what is wrong
    return None


@contextmanager
def open_sheets(data: bytes, filename: str) -> Iterator[Iterator[Sheet]]:
    """The workbook's sheets in order, each with its rows; anything the libraries raise
    becomes a PlanImportError saying the file is damaged."""
    kind = workbook_kind(data, filename)
    if kind is None:
        raise PlanImportError(
            _("« %(name)s » n’est pas un classeur XLSX ou ODS.") % {"name": filename}
        )
    check_size(len(data))
    archive = open_archive(data, kind)
    with reading(kind):
        if kind == "ODS":
            with archive, archive.open("content.xml") as stream:
                yield _ods_sheets(stream)
            return
        archive.close()
        from openpyxl import load_workbook  # its import takes a tenth of a second

        # TeT's files carry Excel's data-validation extension, which openpyxl drops and
        # says so. Set at each reading (an identical filter replaces itself), not at
        # import: a test runner's warning capture would undo it.
        warnings.filterwarnings("ignore", "Data Validation extension", UserWarning, "openpyxl")

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            yield ((sheet.title, _xlsx_rows(sheet)) for sheet in workbook.worksheets)
        finally:
            workbook.close()


def _xlsx_rows(sheet) -> Iterator[Row]:
    sheet.reset_dimensions()  # the sizes the file claims are not trusted
    empty_run = 0
    for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
        if any(value is not None and value != "" for value in values):
            empty_run = 0
            yield number, list(values)
        else:
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                return


def _ods_sheets(stream) -> Iterator[Sheet]:
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=(TABLE + "table", TABLE + "table-row"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    for event, element in events:
        if event == "start" and element.tag == TABLE + "table":
            rows = _ods_rows(events)
            yield element.get(TABLE + "name", ""), rows
            for _row in rows:  # what the caller did not read
                pass


def _ods_rows(events) -> Iterator[Row]:
    number = 0
    for event, element in events:
        if event == "end" and element.tag == TABLE + "table":
            return
        if event != "end":
            continue
        cells = _ods_cells(element)
        repeat = max(integer(element.get(TABLE + "number-rows-repeated"), 1), 1)
        if any(value is not None and value != "" for value in cells):
            for _copy in range(min(repeat, MAX_REPEATED_ROWS)):
                number += 1
                yield number, cells
            number += max(repeat - MAX_REPEATED_ROWS, 0)
        else:
            number += repeat
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]


def _ods_cells(row) -> list:
    cells: list = []
    for cell in row:
        if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            continue
        repeat = max(integer(cell.get(TABLE + "number-columns-repeated"), 1), 1)
        cells += [_ods_value(cell)] * min(repeat, MAX_COLUMNS - len(cells))
        if len(cells) >= MAX_COLUMNS:
            break
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def _ods_value(cell):
    kind = cell.get(OFFICE + "value-type")
    try:
        if kind in ("float", "percentage", "currency") and cell.get(OFFICE + "value"):
            value = float(cell.get(OFFICE + "value"))
            return int(value) if value.is_integer() and abs(value) < 2**53 else value
        if kind == "boolean":
            return cell.get(OFFICE + "boolean-value", "").strip().lower() == "true"
        if kind == "date" and cell.get(OFFICE + "date-value"):
            found = datetime.datetime.fromisoformat(cell.get(OFFICE + "date-value")[:19])
            return found.date() if found.time() == datetime.time() else found
    except ValueError:
        pass  # a value the office suite would not have written: its text is read
    text = "\n".join(_paragraph_text(p) for p in cell.iterchildren(TEXT + "p"))
    return text or None


def _paragraph_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == TEXT + "s":
            parts.append(" " * min(integer(child.get(TEXT + "c"), 1), 100))
        elif child.tag == TEXT + "tab":
            parts.append(" ")
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        elif child.tag != OFFICE + "annotation":
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
