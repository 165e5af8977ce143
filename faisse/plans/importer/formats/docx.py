"""DOCX reader (python-docx opens the package; its XML is walked with lxml directly).

The body's paragraphs and tables, in document order, each paragraph a block:
- `heading` from the style ("Heading 1" … "Heading 9", "Titre 1" … in French Word, or a
  custom style's or the paragraph's outline level); a "Title" ("Titre") paragraph gives the
  document's title (else the core properties' title);
- `list_depth` from the numbering (`w:numPr/w:ilvl`, the style's own numbering, or the
  number in a "List Bullet 2" / "Liste à puces 2" style's name), and `number` the number
  Word displays before a numbered paragraph ("1.2", "b", "IV"), its punctuation removed;
- `bold` when every run with text is bold (directly or by its styles).
A table whose first row is a header (repeated header row, bold labels, or a label such as
"Intitulé", "Action", "Titre") gives one block per following row: the title column as
text (else the first non-empty cell), a number column as number, the other cells as
"Label : valeur" lines of the description; a row of one merged cell is a plain block (a
section inside the table). Other tables are read cell by cell, as paragraphs.
Text boxes, headers, footers, footnotes and comments are not body text: left out (a text
box with text is told as a warning); a table of contents (its "TOC" styles) is skipped
with a warning, the headings it lists being read where they stand.
`where` counts the body's paragraphs (empty ones too) and header tables' rows.
"""

import io

import docx
from django.utils.translation import gettext as _
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from faisse.plans.importer.blocks import Block, Document
from faisse.plans.importer.formats.archives import open_archive
from faisse.plans.importer.formats.common import (
    bare_number,
    clean,
    clean_lines,
    match_columns,
    reading,
    row_block,
    text_box_warning,
    usable_title,
)
from faisse.plans.importer.formats.wordml import Numbering, Styles, W, integer, toggle, val
from faisse.plans.importer.limits import check_size

KIND = "DOCX"
# Elements whose runs are part of the paragraph's text (deleted text is not).
INLINE = {
    W + name
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple")
} | {W + "customXml", W + "dir", W + "bdo"}
BLOCK_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml"}
RUN_TEXT = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n"}
RUN_TEXT |= {W + "noBreakHyphen": "-", W + "softHyphen": ""}
TEXT_BOX = f".//{W}txbxContent"
MAX_LABEL = 80  # a header cell longer than this is text, not a label


def read(data: bytes) -> Document:
    check_size(len(data))
    open_archive(data, KIND).close()
    with reading(KIND):
        word = docx.Document(io.BytesIO(data))
        return _Reader(word).read()


def paragraphs(container):
    """The paragraphs inside a container (a table cell…), nested tables' included."""
    for child in container:
        if child.tag == W + "p":
            yield child
        elif child.tag == W + "tbl":
            for row in child.iterchildren(W + "tr"):
                for cell in row.iterchildren(W + "tc"):
                    yield from paragraphs(cell)
        elif child.tag in BLOCK_CONTAINERS:
            yield from paragraphs(child)


def runs(element):
    for child in element:
        if child.tag == W + "r":
            yield child
        elif child.tag in INLINE:
            yield from runs(child)


def run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag in RUN_TEXT:
            parts.append(child.text or "" if RUN_TEXT[child.tag] is None else RUN_TEXT[child.tag])
    return "".join(parts)


class _Reader:
    def __init__(self, word) -> None:
        part = word.part
        self.styles = Styles(part.styles.element)
        try:
            numbering = part.part_related_by(RT.NUMBERING).element
        except KeyError:
            numbering = None
        self.numbering = Numbering.parse(numbering)
        self.document_element = part.element
        self.core_title = word.core_properties.title or ""
        self.blocks: list[Block] = []
        self.warnings: list[tuple[int, str]] = []
        self.where = 0
        self.title = ""
        self.contents: list[int] = []  # paragraphs of a table of contents, skipped

    def read(self) -> Document:
        self.walk(self._body())
        if self.contents:
            self.warnings.append(
                (
                    self.contents[0],
                    _(
                        "table des matières ignorée (paragraphes %(first)s à %(last)s) : les "
                        "titres qu’elle liste sont lus là où ils sont dans le texte."
                    )
                    % {"first": self.contents[0], "last": self.contents[-1]},
                )
            )
            self.warnings.sort(key=lambda warning: warning[0])
        return Document(
            blocks=self.blocks,
            unit="paragraphe",
            title=self.title or usable_title(self.core_title),
            warnings=self.warnings,
            layout=True,
            heading_styles=True,
        )

    def _body(self):
        body = self.document_element.find(W + "body")
        return body if body is not None else ()

    def walk(self, container) -> None:
        for child in container:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in BLOCK_CONTAINERS:
                self.walk(child)

    # Paragraphs

    def text_and_bold(self, p, style) -> tuple[str, bool]:
        parts, bold, seen = [], True, False
        for run in runs(p):
            text = run_text(run)
            if text.strip():
                seen = True
                bold = bold and self.run_bold(run, style)
            parts.append(text)
        return clean("".join(parts)), bold and seen

    def own_text_and_bold(self, p) -> tuple[str, bool]:
        return self.text_and_bold(p, self.styles.get(val(p.find(W + "pPr"), "pStyle")))

    def run_bold(self, run, style) -> bool:
        properties = run.find(W + "rPr")
        direct = toggle(properties, "b")
        if direct is not None:
            return direct
        if character_style := val(properties, "rStyle"):
            bold = self.styles.get(character_style).bold
            if bold is not None:
                return bold
        if style.bold is not None:
            return style.bold
        return bool(self.styles.default_bold)

    def paragraph(self, p) -> None:
        self.where += 1
        properties = p.find(W + "pPr")
        style_id = val(properties, "pStyle")
        style = self.styles.get(style_id)
        if style.toc:
            self.contents.append(self.where)
            return
        text, bold = self.text_and_bold(p, style)
        if p.find(TEXT_BOX) is not None:
            self.text_box(p)
        heading = self.styles.heading(style, integer(val(properties, "outlineLvl")))
        number, depth = self.list_item(properties, style_id, style)
        if not text:
            return
        if style.title and not heading:
            if not self.title:
                self.title = text
                return
        elif heading:
            depth = -1
        self.blocks.append(
            Block(
                text=text,
                where=self.where,
                heading=heading,
                list_depth=depth,
                number=number,
                bold=bold,
                break_before=True,
            )
        )

    def list_item(self, properties, style_id, style) -> tuple[str, int]:
        """The number Word displays and the list depth of a paragraph ("", -1 if none)."""
        num_pr = properties.find(W + "numPr") if properties is not None else None
        num_id, ilvl = val(num_pr, "numId"), integer(val(num_pr, "ilvl"))
        own_level = ilvl is not None
        num_id = num_id if num_id is not None else style.num_id
        if not self.numbering.is_list(num_id, self.styles):
            return "", -1
        if ilvl is None:
            ilvl = style.ilvl
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id, self.styles) or 0
        number = bare_number(self.numbering.advance(num_id, ilvl, self.styles))
        if not own_level and style.list_level is not None:
            ilvl = style.list_level
        return number, ilvl

    def text_box(self, p) -> None:
        box = p.find(TEXT_BOX)
        text = clean(" ".join(clean("".join(map(run_text, runs(q)))) for q in paragraphs(box)))
        if text:
            self.warnings.append(text_box_warning(self.where, text))

    # Tables

    def cell_text(self, cell) -> str:
        lines = (clean("".join(map(run_text, runs(p)))) for p in paragraphs(cell))
        return clean_lines("\n".join(lines))

    def cells(self, row) -> list:
        return [child for child in row if child.tag == W + "tc"]

    def table(self, tbl) -> None:
        rows = [child for child in tbl if child.tag == W + "tr"]
        header = self.header(rows)
        if header is None:
            for row in rows:
                for cell in self.cells(row):
                    self.walk(cell)
            return
        labels, columns = header
        self.where += 1  # the header row
        for row in rows[1:]:
            self.where += 1
            self.table_row(row, labels, columns)

    def grid(self, row) -> list[str]:
        """A row's texts, one per grid column (a merged cell's text in its first one)."""
        texts: list[str] = []
        for cell in self.cells(row):
            span = integer(val(cell.find(W + "tcPr"), "gridSpan"), 1) or 1
            texts.append(self.cell_text(cell))
            texts.extend([""] * (min(span, 64) - 1))
        return texts

    def header(self, rows) -> tuple[list[str], dict[str, int]] | None:
        """The labels and column roles of a table whose first row is a header, else None."""
        if len(rows) < 2:
            return None
        labels = self.grid(rows[0])
        filled = [label for label in labels if label]
        if len(filled) < 2 or any(len(label) > MAX_LABEL or "\n" in label for label in filled):
            return None
        columns = match_columns(labels, ("number", "title", "description"))
        repeated = toggle(rows[0].find(W + "trPr"), "tblHeader")
        bold = all(
            bold
            for cell in self.cells(rows[0])
            for text, bold in map(self.own_text_and_bold, paragraphs(cell))
            if text
        )
        if "title" in columns or repeated or bold:
            return labels, columns
        return None

    def table_row(self, row, labels: list[str], columns: dict[str, int]) -> None:
        cells = self.cells(row)
        grid = self.grid(row)
        block = row_block(labels, grid, columns, self.where)
        if block is None:
            return
        filled = [column for column, text in enumerate(grid) if text]
        alone = len(filled) == 1 and (len(cells) == 1 or filled[0] != columns.get("title"))
        if alone and len(labels) > 1:
            # One cell filled, outside the title column, or merged across the table: a
            # section inside the table ("Axe 2 : Se déplacer"), read as a paragraph.
            bold = all(bold for text, bold in map(self.own_text_and_bold, paragraphs(cells[0])))
            text = clean(" ".join(grid[filled[0]].split("\n")))
            self.blocks.append(Block(text, self.where, bold=bold, break_before=True))
            return
        block.list_depth = 0
        self.blocks.append(block)
