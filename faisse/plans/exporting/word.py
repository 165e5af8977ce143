"""The plan as a Word document (python-docx), with Word's built-in styles only:

"Title" (and the core properties' title), "Subtitle" for the facts, "Heading 1–4" by
kind (axis, orientation, objective, group), "List Bullet", "List Bullet 2", "List Bullet 3"
for actions and sub-actions; descriptions and notes in "Normal", indented under an action.
The document's language is French (fr-FR), for the spelling checker and screen readers;
A4 pages, the plan's title in the header and "Page N sur M" in the footer.
"""

from io import BytesIO

import docx
from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from faisse.plans.exporting.document import Entry, PlanDocument
from faisse.plans.exporting.typography import NBSP

LANGUAGE = "fr-FR"
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
LIST_INDENT_CM = 0.63  # Word's bullet indentation per level


class _Word:
    """A document being written. python-docx looks a style up by name through every style
    of the document at each paragraph (3 s for 1,200 actions): ids are looked up once."""

    def __init__(self):
        self.document = docx.Document()
        self._style_ids: dict[str, str] = {}

    def paragraph(self, text: str = "", style: str = ""):
        paragraph = self.document.add_paragraph(text)
        if style:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def heading(self, text: str, level: int):
        return self.paragraph(text, f"Heading {level}")


def write_docx(document: PlanDocument) -> bytes:
    word = _Word()
    _set_language(word.document)
    _set_pages(word.document, document.title)
    properties = word.document.core_properties
    properties.title = document.title
    properties.language = LANGUAGE
    properties.subject = _("Projet de territoire")
    properties.author = document.plan.territory.name
    word.paragraph(document.title, "Title")
    for fact in document.facts:
        word.paragraph(fact, "Subtitle")
    if document.motto or document.ambition:
        word.heading(_("Ambition"), 1)
        if document.motto:
            word.paragraph().add_run(document.motto).bold = True
        for text in document.ambition:
            word.paragraph(text)
    if document.challenges:
        word.heading(_("Défis"), 1)
        for title, points in document.challenges:
            word.paragraph(title, LIST_STYLES[0])
            for point in points:
                word.paragraph(point, LIST_STYLES[1])
    for entry in document.entries:
        _entry(word, entry)
    out = BytesIO()
    word.document.save(out)
    return out.getvalue()


def _entry(word: _Word, entry: Entry) -> None:
    if entry.heading:
        word.heading(entry.text, entry.heading)
        for text in entry.paragraphs:
            word.paragraph(text)
        for text in entry.notes:
            word.paragraph().add_run(text).italic = True
    else:
        depth = min(entry.list_depth, len(LIST_STYLES) - 1)
        word.paragraph(entry.text, LIST_STYLES[depth])
        indent = Cm(LIST_INDENT_CM * (depth + 1))
        for text in entry.paragraphs:
            _indented(word, indent).add_run(text)
        for text in entry.notes:
            _indented(word, indent).add_run(text).italic = True
    for child in entry.children:
        _entry(word, child)


def _indented(word: _Word, indent):
    paragraph = word.paragraph()
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.space_after = Pt(4)
    return paragraph


def _set_pages(word, title: str) -> None:
    """A4 with French margins; the title in the header, the page number in the footer."""
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(_("Page") + NBSP)
    _field(footer, "PAGE")
    footer.add_run(" " + _("sur") + NBSP)
    _field(footer, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute when they show the page (w:fldSimple)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _set_language(word) -> None:
    """French as the language of every run (the styles' default run properties)."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
