"""The plan as a Word document (python-docx), with Word's built-in styles only:

"Title" (and the core properties' title), "Subtitle" for the facts, "Heading 1–4" by
kind (axis, orientation, objective, group), "List Bullet", "List Bullet 2", "List Bullet 3"
for actions and sub-actions; descriptions and notes in "Normal", indented under an action.
The document's language is French (fr-FR), for the spelling checker and screen readers.
"""

from io import BytesIO

import docx
from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from faisse.plans.exporting.document import Entry, PlanDocument

LANGUAGE = "fr-FR"
LIST_STYLES = ("List Bullet", "List Bullet 2", "List Bullet 3")
LIST_INDENT_CM = 0.63  # Word's bullet indentation per level


def write_docx(document: PlanDocument) -> bytes:
    word = docx.Document()
    _set_language(word)
    properties = word.core_properties
    properties.title = document.title
    properties.language = LANGUAGE
    properties.subject = _("Projet de territoire")
    properties.author = document.plan.territory.name
    word.add_paragraph(document.title, style="Title")
    for fact in document.facts:
        word.add_paragraph(fact, style="Subtitle")
    if document.motto or document.ambition:
        word.add_heading(_("Ambition"), level=1)
        if document.motto:
            word.add_paragraph().add_run(document.motto).bold = True
        for text in document.ambition:
            word.add_paragraph(text)
    if document.challenges:
        word.add_heading(_("Défis"), level=1)
        for title, points in document.challenges:
            word.add_paragraph(title, style=LIST_STYLES[0])
            for point in points:
                word.add_paragraph(point, style=LIST_STYLES[1])
    for entry in document.entries:
        _entry(word, entry)
    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _entry(word, entry: Entry) -> None:
    if entry.heading:
        word.add_heading(entry.text, level=entry.heading)
        for text in entry.paragraphs:
            word.add_paragraph(text)
        for text in entry.notes:
            word.add_paragraph().add_run(text).italic = True
    else:
        depth = min(entry.list_depth, len(LIST_STYLES) - 1)
        word.add_paragraph(entry.text, style=LIST_STYLES[depth])
        indent = Cm(LIST_INDENT_CM * (depth + 1))
        for text in entry.paragraphs:
            _indented(word, indent).add_run(text)
        for text in entry.notes:
            _indented(word, indent).add_run(text).italic = True
    for child in entry.children:
        _entry(word, child)


def _indented(word, indent):
    paragraph = word.add_paragraph()
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.space_after = Pt(4)
    return paragraph


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
