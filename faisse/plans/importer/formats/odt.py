"""ODT reader: the body's headings, paragraphs, lists and tables in document order.

content.xml, styles.xml and meta.xml are read with lxml rather than odfpy's loader: odfpy
builds a Python object per XML node and took 0.6 s for a 1.6 MB content.xml that lxml
parses in 0.03 s, with much more memory; reading needs no more than the XML (odfpy stays
the writer of the export).

- `text:h` → a heading of its `text:outline-level` (else its style's default level),
  numbered by the outline style when it has a number format; a paragraph in the "Title"
  style ("Titre") gives the document's title (else meta.xml's dc:title);
- `text:list` nesting → `list_depth` (0 = top), `number` from the list style when its
  level is numbered ("1.2", "a", "IV", punctuation removed), a new list restarting
  unless it says it continues; an item's second paragraph is not an item;
- `bold` when every piece of text is bold by its paragraph or span style;
- a table whose first row is a header (header rows, bold labels, or a title label) gives
  one block per row, as in DOCX; other tables are read cell by cell;
- frames (text boxes, images), notes, comments and the table of contents are left out,
  a text box with text and the table of contents with a warning; headers and footers
  live in styles.xml and are not read.
`where` counts the paragraphs (headings and empty ones too) and header tables' rows.
"""

from django.utils.translation import gettext as _

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
from faisse.plans.importer.formats.odf import (
    DC,
    DRAW,
    OFFICE,
    TABLE,
    TEXT,
    Counters,
    OdfStyles,
    integer,
    parse,
)
from faisse.plans.importer.limits import check_size

KIND = "ODT"
CONTAINERS = {TEXT + "section", TEXT + "soft-page-break", OFFICE + "forms"}
INDEXES = {TEXT + "table-of-content", TEXT + "illustration-index", TEXT + "table-index"}
INDEXES |= {TEXT + "alphabetical-index", TEXT + "user-index", TEXT + "bibliography"}
INDEXES |= {TEXT + "object-index"}
SKIPPED = {TEXT + "note", OFFICE + "annotation", TEXT + "number", TEXT + "tracked-changes"}
SKIPPED |= {OFFICE + "annotation-end", TEXT + "bookmark-ref"}
ROW_GROUPS = {TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group"}
MAX_LABEL = 80
MAX_REPEAT = 64  # columns repeated (a row's empty tail): at most this many read


def read(data: bytes) -> Document:
    check_size(len(data))
    archive = open_archive(data, KIND)
    with reading(KIND), archive:
        content = parse(archive, "content.xml")
        styles = OdfStyles.parse(parse(archive, "styles.xml"), content)
        meta = parse(archive, "meta.xml")
        title = meta.findtext(f".//{DC}title") if meta is not None else ""
        return _Reader(styles, title or "").read(content)


class _Reader:
    def __init__(self, styles: OdfStyles, meta_title: str) -> None:
        self.styles = styles
        self.meta_title = meta_title
        self.blocks: list[Block] = []
        self.warnings: list[tuple[int, str]] = []
        self.where = 0
        self.title = ""
        self.outline = Counters(styles.outline)
        self.lists: dict[str, Counters] = {}  # by xml:id, for lists that continue
        self.last_list: Counters | None = None

    def read(self, content) -> Document:
        body = content.find(f"{OFFICE}body/{OFFICE}text") if content is not None else None
        if body is not None:
            self.walk(body, depth=-1, counters=None)
        self.warnings.sort(key=lambda warning: warning[0])
        return Document(
            blocks=self.blocks,
            unit="paragraphe",
            title=self.title or usable_title(self.meta_title),
            warnings=self.warnings,
            layout=True,
            heading_styles=True,
        )

    def walk(self, container, depth: int, counters: Counters | None) -> None:
        for child in container:
            tag = child.tag
            if tag in (TEXT + "p", TEXT + "h"):
                self.paragraph(child, -1, "")
            elif tag == TEXT + "list":
                self.read_list(child, depth + 1, counters)
            elif tag == TABLE + "table":
                self.table(child)
            elif tag in INDEXES:
                self.index(child)
            elif tag in CONTAINERS:
                self.walk(child, depth, counters)

    # Paragraphs

    def text(self, element, bold: bool | None) -> tuple[list[str], bool]:
        """The text of a paragraph or span, and whether all of it is bold."""
        parts, all_bold = [element.text or ""], bool(bold) or not (element.text or "").strip()
        for child in element:
            tag = child.tag
            if tag == TEXT + "s":
                parts.append(" " * min(integer(child.get(TEXT + "c"), 1), 100))
            elif tag in (TEXT + "tab", TEXT + "line-break"):
                parts.append(" ")
            elif tag == DRAW + "frame":
                self.frame(child)
            elif tag not in SKIPPED:
                span_bold = bold
                if tag == TEXT + "span":
                    own = self.styles.get(child.get(TEXT + "style-name")).bold
                    span_bold = bold if own is None else own
                inner, inner_bold = self.text(child, span_bold)
                parts += inner
                all_bold = all_bold and inner_bold
            tail = child.tail or ""
            parts.append(tail)
            all_bold = all_bold and (bool(bold) or not tail.strip())
        return parts, all_bold

    def paragraph(self, element, depth: int, number: str) -> None:
        self.where += 1
        style = self.styles.get(element.get(TEXT + "style-name"))
        parts, bold = self.text(element, style.bold)
        text = clean("".join(parts))
        heading = 0
        if element.tag == TEXT + "h":
            level = integer(element.get(TEXT + "outline-level"), 0) or style.outline or 1
            heading = min(level, 10)
            shown = element.findtext(TEXT + "number")
            number = bare_number(shown or self.outline.advance(heading))
            depth = -1
        if not text:
            return
        if style.title and not heading and not self.title:
            self.title = text
            return
        self.blocks.append(
            Block(
                text=text,
                where=self.where,
                heading=heading,
                list_depth=depth,
                number=number,
                bold=bold and bool(text),
                break_before=True,
            )
        )

    def frame(self, frame) -> None:
        text = clean(" ".join(frame.itertext()))
        if text:
            self.warnings.append(text_box_warning(self.where, text))

    def index(self, element) -> None:
        paragraphs = sum(1 for _ in element.iter(TEXT + "p", TEXT + "h"))
        if not paragraphs:
            return
        first = self.where + 1
        self.where += paragraphs
        if element.tag == TEXT + "table-of-content":
            self.warnings.append(
                (
                    first,
                    _(
                        "table des matières ignorée (paragraphes %(first)s à %(last)s) : les "
                        "titres qu’elle liste sont lus là où ils sont dans le texte."
                    )
                    % {"first": first, "last": self.where},
                )
            )

    # Lists

    def read_list(self, element, depth: int, counters: Counters | None) -> None:
        if counters is None:  # a list at the top: new numbers, unless it continues one
            continued = element.get(TEXT + "continue-list")
            if continued in self.lists:
                counters = self.lists[continued]
            elif element.get(TEXT + "continue-numbering") == "true" and self.last_list:
                counters = self.last_list
            else:
                style = self.list_style(element)
                counters = Counters(self.styles.lists.get(style or "", {}))
            self.last_list = counters
            if identifier := element.get("{http://www.w3.org/XML/1998/namespace}id"):
                self.lists[identifier] = counters
        for item in element:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            start = item.get(TEXT + "start-value")
            first = True
            number = ""
            if item.tag == TEXT + "list-item":
                number = counters.advance(depth + 1, integer(start, 1) if start else None)
            for child in item:
                if child.tag in (TEXT + "p", TEXT + "h") and first:
                    shown = child.findtext(TEXT + "number")
                    is_item = item.tag == TEXT + "list-item"
                    self.paragraph(child, depth if is_item else -1, bare_number(shown or number))
                    first = False
                elif child.tag in (TEXT + "p", TEXT + "h"):
                    self.paragraph(child, -1, "")
                elif child.tag == TEXT + "list":
                    self.read_list(child, depth + 1, counters)
                    first = False
                elif child.tag == TABLE + "table":
                    self.table(child)

    def list_style(self, element) -> str | None:
        if name := element.get(TEXT + "style-name"):
            return name
        paragraph = element.find(f".//{TEXT}p")
        if paragraph is not None:
            return self.styles.get(paragraph.get(TEXT + "style-name")).list_style
        return None

    # Tables

    def rows(self, table) -> list:
        rows = []
        for child in table:
            if child.tag == TABLE + "table-row":
                rows.append(child)
            elif child.tag in ROW_GROUPS:
                rows += self.rows(child)
        return rows

    def grid(self, row) -> list[tuple[str, bool]]:
        """A row's cells as (text, bold), one per column (repeated cells up to a limit)."""
        cells = []
        for cell in row:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            lines, bold = [], True
            for paragraph in cell.iter(TEXT + "p", TEXT + "h"):
                style = self.styles.get(paragraph.get(TEXT + "style-name"))
                parts, paragraph_bold = self.text(paragraph, style.bold)
                if line := clean("".join(parts)):
                    lines.append(line)
                    bold = bold and paragraph_bold
            repeat = min(integer(cell.get(TABLE + "number-columns-repeated"), 1), MAX_REPEAT)
            cells += [(clean_lines("\n".join(lines)), bold and bool(lines))] * max(repeat, 1)
        return cells

    def table(self, table) -> None:
        rows = self.rows(table)
        labels = [text for text, _bold in self.grid(rows[0])] if rows else []
        filled = [label for label in labels if label]
        columns = match_columns(labels, ("number", "title", "description"))
        header_rows = table.find(TABLE + "table-header-rows") is not None
        bold = all(bold for text, bold in self.grid(rows[0]) if text) if rows else False
        short = len(filled) >= 2 and all(len(label) <= MAX_LABEL for label in filled)
        if len(rows) < 2 or not short or not ("title" in columns or header_rows or bold):
            for row in rows:
                for cell in row.iterchildren(TABLE + "table-cell"):
                    self.walk(cell, -1, None)
            return
        self.where += 1  # the header row
        for row in rows[1:]:
            self.where += 1
            grid = self.grid(row)
            texts = [text for text, _bold in grid]
            block = row_block(labels, texts, columns, self.where)
            if block is None:
                continue
            full = [column for column, text in enumerate(texts) if text]
            cells = list(row.iterchildren(TABLE + "table-cell"))
            if len(full) == 1 and (len(cells) == 1 or full[0] != columns.get("title")):
                text = clean(texts[full[0]].replace("\n", " "))
                self.blocks.append(
                    Block(text, self.where, bold=grid[full[0]][1], break_before=True)
                )
                continue
            block.list_depth = 0
            self.blocks.append(block)
