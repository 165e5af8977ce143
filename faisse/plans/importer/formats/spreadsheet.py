"""Spreadsheet readers (XLSX, ODS): one row per element of the plan.

The first sheet with a header row among its first `HEADER_ROWS` rows is read (the others
are told as warnings). A header is a row with a title column; columns are matched by
their label, case, accents, spaces and apostrophes aside (common.ROLES): a level column
("Niveau", "Type", "Nature", "Échelon") → `Block.level`; a number ("Numéro", "N°", "Code",
"Référence") → `number`; the title ("Intitulé", "Titre", "Libellé", "Action", "Nom") →
`text`; a description ("Description", "Contenu", "Détail") → `description`, where the
other filled columns go too as "Label : valeur" lines; a depth ("Profondeur", 1 = top) →
`heading`. Without a level or depth column, a number's depth gives the heading
(1 → 1, 1.2 → 2, 1.2.3 → 3). A row without a title is left out with a warning; `where` is
the row's number in its sheet (unit "rangée").

XLSX: openpyxl in read-only mode, row by row, its sheet dimensions ignored (a file may
claim a million columns), the first `MAX_COLUMNS` columns read, formulas by their cached
values. ODS: content.xml streamed with lxml's iterparse, each row freed once read (odfpy
would load the whole document; python-calamine would be one more compiled dependency for
what forty lines do), repeated rows and cells expanded only up to a bound.
"""

import datetime
import io
import re
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from lxml import etree

from faisse.plans.importer.blocks import Block, Document
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats.archives import open_archive
from faisse.plans.importer.formats.common import clean, match_columns, reading, row_block
from faisse.plans.importer.formats.odf import OFFICE, TABLE, TEXT, integer
from faisse.plans.importer.limits import check_size

HEADER_ROWS = 10
MAX_COLUMNS = 64
MAX_REPEATED_ROWS = 100  # a filled row repeated (ODS): at most this many copies
NUMBER_DEPTH = re.compile(r"^[0-9A-Za-z]{1,4}(?:[.\-][0-9A-Za-z]{1,4})*\.?$")
LABELS = "« Intitulé », « Titre », « Libellé », « Action » ou « Nom »"

Rows = Iterable[tuple[int, list[str]]]  # (row number, cell texts)


def read(data: bytes) -> Document:
    """An XLSX workbook."""
    check_size(len(data))
    open_archive(data, "XLSX").close()
    with reading("XLSX"):
        from openpyxl import load_workbook  # its import takes a tenth of a second

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return read_sheets((sheet.title, _xlsx_rows(sheet)) for sheet in workbook.worksheets)
        finally:
            workbook.close()


def read_ods(data: bytes) -> Document:
    """An ODS spreadsheet."""
    check_size(len(data))
    archive = open_archive(data, "ODS")
    with reading("ODS"), archive, archive.open("content.xml") as stream:
        return read_sheets(_ods_sheets(stream))


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _xlsx_rows(sheet) -> Iterator[tuple[int, list[str]]]:
    sheet.reset_dimensions()  # the sizes the file claims are not trusted
    for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
        yield number, [cell_text(value) for value in values]


def _ods_sheets(stream) -> Iterator[tuple[str, Rows]]:
    """Each sheet of content.xml, in order, with its rows; rows are read as the caller
    asks for them (an unread sheet's rows are skipped when the next sheet is asked for)."""
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


def _ods_rows(events) -> Iterator[tuple[int, list[str]]]:
    number = 0
    for event, element in events:
        if event == "end" and element.tag == TABLE + "table":
            return
        if event != "end":
            continue
        cells = _ods_cells(element)
        repeat = integer(element.get(TABLE + "number-rows-repeated"), 1)
        if any(cells):
            for _copy in range(min(max(repeat, 1), MAX_REPEATED_ROWS)):
                number += 1
                yield number, cells
            number += max(repeat - MAX_REPEATED_ROWS, 0)
        else:
            number += max(repeat, 1)
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]


def _ods_cells(row) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
            continue
        if cell.get(OFFICE + "value-type") == "float" and cell.get(OFFICE + "value"):
            text = cell_text(float(cell.get(OFFICE + "value")))
        else:
            text = "\n".join(_paragraph_text(p) for p in cell.iterchildren(TEXT + "p"))
        repeat = integer(cell.get(TABLE + "number-columns-repeated"), 1)
        cells += [text] * min(max(repeat, 1), MAX_COLUMNS - len(cells))
        if len(cells) >= MAX_COLUMNS:
            break
    return cells


def _paragraph_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == TEXT + "s":
            parts.append(" " * min(integer(child.get(TEXT + "c"), 1), 100))
        elif child.tag in (TEXT + "tab", TEXT + "line-break"):
            parts.append(" ")
        elif child.tag != OFFICE + "annotation":
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_sheets(sheets: Iterable[tuple[str, Rows]]) -> Document:
    """The blocks of the first sheet with a header, the other sheets told as warnings."""
    warnings: list[tuple[int, str]] = []
    document: Document | None = None
    for name, rows in sheets:
        if document is not None:
            if any(any(cells) for _number, cells in rows):
                warnings.append(
                    (
                        0,
                        _(
                            "feuille « %(name)s » non lue : seule la première feuille avec un "
                            "en-tête l’est."
                        )
                        % {"name": name},
                    )
                )
            continue
        document = _sheet(rows, warnings)
        if document is None:
            warnings.append(
                (
                    0,
                    _(
                        "feuille « %(name)s » non lue : pas de ligne d’en-tête (%(labels)s) "
                        "dans ses %(count)s premières lignes."
                    )
                    % {"name": name, "labels": LABELS, "count": HEADER_ROWS},
                )
            )
    if document is None:
        raise PlanImportError(
            _(
                "aucune feuille n’a de ligne d’en-tête avec une colonne %(labels)s dans ses "
                "%(count)s premières lignes : ajoutez-en une au-dessus du plan."
            )
            % {"labels": LABELS, "count": HEADER_ROWS}
        )
    document.warnings = sorted(warnings, key=lambda warning: warning[0])
    return document


def _sheet(rows: Rows, warnings) -> Document | None:
    """The sheet's document when a header comes in its first rows; a row above the
    header with one cell filled is the plan's title."""
    rows, title = iter(rows), ""
    for number, cells in rows:
        if number > HEADER_ROWS:
            return None
        columns = match_columns(cells)
        if "title" in columns:
            return Document(
                blocks=_data_blocks(rows, cells, columns, warnings),
                unit="rangée",
                title=title,
                layout=True,
                heading_styles="depth" in columns,
            )
        filled = [clean(cell) for cell in cells if clean(cell)]
        if len(filled) == 1 and not title:
            title = filled[0]
    return None


def _data_blocks(rows, labels: list[str], columns: dict[str, int], warnings) -> list[Block]:
    blocks: list[Block] = []
    title = columns["title"]
    for number, cells in rows:
        if not any(cells):
            continue
        if title >= len(cells) or not clean(cells[title]):
            shown = " | ".join(clean(cell) for cell in cells if clean(cell))
            warnings.append(
                (
                    number,
                    _("rangée sans intitulé, ignorée : « %(cells)s ».") % {"cells": shown[:80]},
                )
            )
            continue
        block = row_block(labels, cells, columns, number)
        if block is None:
            continue
        block.heading = _heading(cells, columns, block)
        blocks.append(block)
        if len(blocks) > settings.MAX_PLAN_NODES:
            raise PlanImportError(
                _(
                    "rangée %(row)s : la feuille décrit plus de %(max)s éléments, le plus "
                    "qu’un projet puisse en avoir."
                )
                % {
                    "row": number,
                    "max": number_format(settings.MAX_PLAN_NODES, force_grouping=True),
                }
            )
    return blocks


def _heading(cells: list[str], columns: dict[str, int], block: Block) -> int:
    if "depth" in columns:
        column = columns["depth"]
        depth = clean(cells[column]) if column < len(cells) else ""
        return min(max(integer(depth, 0), 0), 10)
    if "level" in columns or not NUMBER_DEPTH.match(block.number):
        return 0
    return len(re.split(r"[.\-]", block.number.rstrip(".")))
