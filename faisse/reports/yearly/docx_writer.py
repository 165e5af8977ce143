"""The yearly report as a Word document, on the plan export's frame (plans.exporting.word:
Word's built-in styles, French as the language of every run, A4, the title in the header
and "Page N sur M" in the footer). Tables are Word tables that the council's staff can
edit; the progress bars, the indicators' charts and the map are pictures typeset by the
same Typst code as the PDF (typst_writer.png), each with its alternative text."""

from io import BytesIO

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from faisse.plans.exporting.word import LANGUAGE, _set_language, _set_pages, _Word
from faisse.reports.yearly import typst_writer
from faisse.reports.yearly.blocks import (
    Bars,
    Beside,
    Cover,
    Figures,
    Group,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
)

ACCENT = RGBColor(0x7A, 0x3B, 0x0C)
FLAG = RGBColor(0xA3, 0x29, 0x0B)
GREY = RGBColor(0x46, 0x46, 0x46)
TEXT_WIDTH_CM = 16.6  # A4 less the export's margins


class ReportWord(_Word):
    def block(self, block) -> None:
        if isinstance(block, Cover):
            self.cover(block)
        elif isinstance(block, Heading):
            paragraph = self.heading(block.text, block.level)
            paragraph.paragraph_format.page_break_before = block.new_page
        elif isinstance(block, Paragraph):
            self.text(block)
        elif isinstance(block, Figures):
            self.figures(block)
        elif isinstance(block, Bars):
            self.picture(typst_writer.png(block), block.alt, TEXT_WIDTH_CM)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Picture):
            width = (block.width_cm or 12) + (3 if block.legend else 0)
            self.picture(typst_writer.png(block), block.alt, min(width, TEXT_WIDTH_CM))
            if block.caption:
                self.paragraph(block.caption, "Caption")
        elif isinstance(block, Beside):
            self.block(block.left)
            self.block(block.right)
        elif isinstance(block, Group):
            for inner in block.blocks:
                self.block(inner)
        elif isinstance(block, PageBreak):
            self.paragraph().add_run().add_break(WD_BREAK.PAGE)

    def cover(self, cover: Cover) -> None:
        self.paragraph(cover.territory, "Subtitle")
        self.paragraph(cover.title, "Title")
        self.paragraph(cover.plan_title, "Subtitle")
        for line in cover.lines:
            self.paragraph(line)
        if cover.notice:
            run = self.paragraph().add_run(cover.notice)
            run.bold, run.font.color.rgb = True, FLAG

    def text(self, block: Paragraph) -> None:
        paragraph = self.paragraph()
        if block.lead_in:
            paragraph.add_run(block.lead_in).bold = True
            paragraph.add_run(" : ")
        run = paragraph.add_run(block.text)
        if block.style == "lead":
            run.font.size = Pt(12)
        elif block.style == "note":
            run.font.size, run.font.color.rgb = Pt(9), GREY
        elif block.style == "strong":
            run.bold = True

    def figures(self, block: Figures) -> None:
        table = self.document.add_table(rows=1, cols=len(block.items))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, item in zip(table.rows[0].cells, block.items, strict=True):
            value = cell.paragraphs[0].add_run(item.value)
            value.bold, value.font.size, value.font.color.rgb = True, Pt(18), ACCENT
            cell.add_paragraph().add_run(item.caption).font.size = Pt(9)
        self.paragraph()

    def table(self, block: Table) -> None:
        table = self.document.add_table(rows=1, cols=len(block.columns))
        table.style = self.document.styles["Table Grid"]
        total = sum(column.width for column in block.columns)
        widths = [Cm(TEXT_WIDTH_CM * column.width / total) for column in block.columns]
        header = table.rows[0]
        _repeat_header(header)
        for cell, column, width in zip(header.cells, block.columns, widths, strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(column.title)
            run.bold, run.font.size = True, Pt(9)
        for cells, strong in [(row, False) for row in block.rows] + (
            [(block.total, True)] if block.total else []
        ):
            row = table.add_row()
            for cell, value, column, width in zip(
                row.cells, cells, block.columns, widths, strict=True
            ):
                cell.width = width
                paragraph = cell.paragraphs[0]
                if column.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                lines = value.text.split("\n")
                prefix = "↳ " if value.indent else ""
                run = paragraph.add_run(prefix + lines[0])
                for line in lines[1:]:
                    run.add_break()
                    run.add_text(line)
                run.font.size = Pt(9.5)
                run.bold = strong or value.strong or value.flag
                if value.flag:
                    run.font.color.rgb = FLAG
        if block.caption:
            self.paragraph(block.caption, "Caption")
        self.paragraph()

    def picture(self, data: bytes, alt: str, width_cm: float) -> None:
        paragraph = self.paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(BytesIO(data), width=Cm(width_cm))
        shape._inline.docPr.set("descr", alt)


def _repeat_header(row) -> None:
    """The header row comes again at the top of every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def write_docx(blocks: list, *, title: str, territory: str, subject: str) -> bytes:
    word = ReportWord()
    _set_language(word.document)
    _set_pages(word.document, title)
    properties = word.document.core_properties
    properties.title, properties.language = title, LANGUAGE
    properties.subject, properties.author = subject, territory
    for block in blocks:
        word.block(block)
    out = BytesIO()
    word.document.save(out)
    return out.getvalue()
