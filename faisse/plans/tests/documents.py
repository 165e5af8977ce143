"""Test documents of every format read, built from one small description of their content.

A content is a list of `Heading`, `Item` (a bulleted or numbered list item), `Para`,
`Table` and `PageBreak`; `to_docx`, `to_odt` and `to_pdf` write it with the layout each
format has (heading styles, Word numbering, ODF outline levels and lists, Typst headings
of several sizes with a header and a footer on every page); `to_xlsx` and `to_ods` write
rows of cells.
`plan_content(actions=200)` is a plan of that many actions (axes, objectives, bulleted
actions and their descriptions), for the readers' and the importer's benchmarks:

    from faisse.plans.tests.documents import plan_content, to_docx
    data = to_docx(plan_content(200), header="CC du Test — Projet de territoire")
"""

import io
from dataclasses import dataclass

import docx
import typst
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from odf import style as odf_style
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from openpyxl import Workbook

# A running header and footer, as a plan's pages have them (benchmarks, furniture tests).
HEADER = "Communauté de communes du Test — Projet de territoire 2025-2035"
FOOTER = "Conseil communautaire du 12 mars 2025"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Item:
    text: str
    depth: int = 0
    numbered: bool = False


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageBreak:
    pass


THEMES = [
    "l’habitat",
    "les mobilités douces",
    "l’eau potable",
    "la petite enfance",
    "les commerces de centre-bourg",
    "la forêt",
    "le tourisme de pleine nature",
    "l’énergie solaire",
    "les services de santé",
    "la culture",
]
VERBS = ["Développer", "Accompagner", "Soutenir", "Renforcer", "Favoriser", "Préserver"]


def plan_content(actions: int = 200, per_objective: int = 10, objectives: int = 5) -> list:
    """Axes of `objectives` objectives of `per_objective` bulleted actions, each followed by
    a two-line description, until `actions` actions (Axe 1 : …, Objectif 1.1 : …)."""
    content: list = []
    count = 0
    axis = 0
    while count < actions:
        axis += 1
        theme = THEMES[axis % len(THEMES)]
        content.append(Heading(1, f"Axe {axis} : {theme[0].upper()}{theme[1:]} et le territoire"))
        for objective in range(1, objectives + 1):
            if count >= actions:
                break
            verb = VERBS[objective % len(VERBS)]
            content.append(Heading(2, f"Objectif {axis}.{objective} : {verb} {theme}"))
            for _ in range(per_objective):
                if count >= actions:
                    break
                count += 1
                verb = VERBS[(count + objective) % len(VERBS)]
                content.append(Item(f"{verb} {THEMES[count % len(THEMES)]} (action {count})"))
                content.append(
                    Para(
                        f"Description de l’action {count} : les communes et l’intercommunalité "
                        f"travaillent ensemble sur {THEMES[(count + 3) % len(THEMES)]}, avec "
                        "les associations et les habitants, pendant toute la durée du projet."
                    )
                )
    return content


# DOCX

NUMBERING_XML = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
)
LEVEL_XML = (
    '<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
    '<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>'
)
DOCX_LEVELS = [("decimal", "%1."), ("decimal", "%1.%2."), ("lowerLetter", "%3)")]
DOCX_LEVELS += [("lowerRoman", "%4.")] * 6
BULLET_LEVELS = [("bullet", "•")] * 9


def to_docx(
    content: list,
    *,
    title: str = "",
    header: str = "",
    footer: str = "",
    list_styles: bool = False,
) -> bytes:
    """A DOCX: headings in "Heading N" styles, a "Title" paragraph, bulleted and numbered
    items either in "List Bullet N" / "List Number" styles (`list_styles`) or in
    multi-level lists (numPr with ilvl; numbers 1. / 1.1. / a) ), tables in "Table Grid"."""
    document = docx.Document()
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if title:
        document.add_heading(title, 0)
    numbering = document.part.part_related_by(RT.NUMBERING).element
    bullets = _add_list(numbering, 91, BULLET_LEVELS)
    numbers, previous = None, None
    for element in content:
        if isinstance(element, Heading):
            document.add_heading(element.text, element.level)
        elif isinstance(element, Item) and list_styles:
            kind = "Number" if element.numbered else "Bullet"
            suffix = f" {element.depth + 1}" if element.depth else ""
            document.add_paragraph(element.text, style=f"List {kind}{suffix}")
        elif isinstance(element, Item):
            if element.numbered and not (isinstance(previous, Item) and previous.numbered):
                numbers = _add_list(numbering, 92 + len(numbering), DOCX_LEVELS, restart=True)
            paragraph = document.add_paragraph(element.text, style="List Paragraph")
            num_id = numbers if element.numbered else bullets
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{element.depth}"/>'
                    f'<w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
        elif isinstance(element, Para):
            paragraph = document.add_paragraph()
            paragraph.add_run(element.text).bold = element.bold or None
        elif isinstance(element, Table):
            columns = max(len(row) for row in element.rows)
            table = document.add_table(rows=len(element.rows), cols=columns)
            table.style = "Table Grid"
            for row, cells in zip(table.rows, element.rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
        elif isinstance(element, PageBreak):
            document.add_page_break()
        previous = element
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_list(numbering, abstract_id: int, levels, restart: bool = False) -> int:
    """Add a list definition of `levels` (numFmt, lvlText) and one list using it."""
    xml = "".join(
        LEVEL_XML.format(ilvl=ilvl, fmt=fmt, text=text, left=720 * (ilvl + 1))
        for ilvl, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(NUMBERING_XML.format(levels=xml))
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num_id = abstract_id + 1000
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override if restart else ''}</w:num>"
        )
    )
    return num_id


# ODT


def to_odt(content: list, *, title: str = "") -> bytes:
    """An ODT: text:h with outline levels, nested text:list in a bullet list style or a
    numbered one (1. / 1.1. / a)), bold paragraphs through an automatic style, tables."""
    document = OpenDocumentText()
    bold = odf_style.Style(name="Gras", family="paragraph")
    bold.addElement(odf_style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    bullets, numbers = _odf_list_styles(document)
    if title:  # a paragraph in LibreOffice's "Title" style
        title_style = odf_style.Style(name="Title", family="paragraph")
        title_style.addElement(odf_style.TextProperties(fontsize="28pt"))
        document.styles.addElement(title_style)
        document.text.addElement(odf_text.P(stylename=title_style, text=title))
    lists: list = []  # the open list of each depth
    for element in content:
        if not isinstance(element, Item) or (
            element.depth == 0 and lists and lists[0].numbered != element.numbered
        ):
            lists = []
        if isinstance(element, Heading):
            document.text.addElement(odf_text.H(outlinelevel=element.level, text=element.text))
        elif isinstance(element, Item):
            del lists[element.depth + 1 :]
            while len(lists) <= element.depth:
                if lists:
                    new = odf_text.List()
                    lists[-1].lastChild.addElement(new)  # inside the previous item
                else:
                    new = odf_text.List(stylename=numbers if element.numbered else bullets)
                    document.text.addElement(new)
                new.numbered = element.numbered
                lists.append(new)
            item = odf_text.ListItem()
            item.addElement(odf_text.P(text=element.text))
            lists[element.depth].addElement(item)
        elif isinstance(element, Para):
            attributes = {"stylename": bold} if element.bold else {}
            document.text.addElement(odf_text.P(text=element.text, **attributes))
        elif isinstance(element, Table):
            document.text.addElement(_odf_table(element.rows))
    return _save(document)


def _odf_list_styles(document):
    bullets = odf_text.ListStyle(name="Puces")
    numbers = odf_text.ListStyle(name="Numeros")
    for level in range(1, 11):
        bullets.addElement(odf_text.ListLevelStyleBullet(level=level, bulletchar="•"))
        fmt, suffix, shown = ("a", ")", 1) if level == 3 else ("1", ".", min(level, 2))
        numbers.addElement(
            odf_text.ListLevelStyleNumber(
                level=level, numformat=fmt, numsuffix=suffix, displaylevels=shown
            )
        )
    document.automaticstyles.addElement(bullets)
    document.automaticstyles.addElement(numbers)
    return bullets, numbers


def _odf_table(rows) -> odf_table.Table:
    table = odf_table.Table()
    table.addElement(odf_table.TableColumn(numbercolumnsrepeated=max(map(len, rows))))
    for cells in rows:
        row = odf_table.TableRow()
        for value in cells:
            cell = odf_table.TableCell(valuetype="string")
            cell.addElement(odf_text.P(text=value))
            row.addElement(cell)
        table.addElement(row)
    return table


def _save(document) -> bytes:
    stream = io.BytesIO()
    document.write(stream)
    return stream.getvalue()


# PDF


def typst_string(text: str) -> str:
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_typst(content: list, *, header: str = "", footer: str = "", title: str = "") -> str:
    """Typst markup of the content: A4, 11 pt text, level 1 headings in 18 pt, level 2 in
    14 pt, level 3 in 12 pt; the header left, the footer and the page number at the foot;
    `title` in the PDF's metadata."""
    lines = [
        f"#set document(title: {typst_string(title)[1:]})" if title else "",
        '#set text(lang: "fr", size: 11pt)',
        '#set page(paper: "a4", margin: 2.5cm,',
        f"  header: [{typst_string(header)}]," if header else "",
        f"  footer: context [{typst_string(footer)} #h(1fr) #counter(page).display()])",
        "#show heading.where(level: 1): set text(size: 18pt)",
        "#show heading.where(level: 2): set text(size: 14pt)",
        "#show heading.where(level: 3): set text(size: 12pt)",
        "",
    ]
    for element in content:
        if isinstance(element, Heading):
            lines += ["", "=" * element.level + " " + typst_string(element.text), ""]
        elif isinstance(element, Item):
            marker = "+" if element.numbered else "-"
            lines.append("  " * element.depth + f"{marker} {typst_string(element.text)}")
        elif isinstance(element, Para):
            text = typst_string(element.text)
            lines += ["", f"*{text}*" if element.bold else text, ""]
        elif isinstance(element, Table):
            cells = ", ".join(f"[{typst_string(cell)}]" for row in element.rows for cell in row)
            columns = max(map(len, element.rows))
            lines += ["", f"#table(columns: {columns}, {cells})", ""]
        elif isinstance(element, PageBreak):
            lines += ["", "#pagebreak()", ""]
    return "\n".join(lines)


def to_pdf(content: list, *, header: str = "", footer: str = "", title: str = "") -> bytes:
    source = to_typst(content, header=header, footer=footer, title=title)
    return typst.compile(source.encode(), format="pdf")


def image_only_pdf() -> bytes:
    """A two-page PDF with shapes and no text: what a scan without OCR looks like."""
    return typst.compile(
        b'#set page(paper: "a5")\n#rect(width: 8cm, height: 5cm, fill: gray)\n#pagebreak()\n'
        b"#circle(radius: 2cm, fill: blue)",
        format="pdf",
    )


# Spreadsheets


def to_xlsx(rows: list[list], *, sheets: dict[str, list[list]] | None = None) -> bytes:
    """An XLSX whose first sheet holds `rows` (then the `sheets` named)."""
    workbook = Workbook()
    workbook.active.title = "Plan"
    for cells in rows:
        workbook.active.append(cells)
    for name, other in (sheets or {}).items():
        sheet = workbook.create_sheet(name)
        for cells in other:
            sheet.append(cells)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def to_ods(rows: list[list], *, sheets: dict[str, list[list]] | None = None) -> bytes:
    document = OpenDocumentSpreadsheet()
    for name, sheet_rows in {"Plan": rows, **(sheets or {})}.items():
        table = odf_table.Table(name=name)
        for cells in sheet_rows:
            row = odf_table.TableRow()
            for value in cells:
                if value is None or value == "":
                    row.addElement(odf_table.TableCell())
                    continue
                kind = "float" if isinstance(value, int | float) else "string"
                cell = odf_table.TableCell(
                    valuetype=kind, **({"value": value} if kind == "float" else {})
                )
                cell.addElement(odf_text.P(text=str(value)))
                row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
    return _save(document)
