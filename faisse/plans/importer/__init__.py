"""Import a projet de territoire from the documents users already have.

A reader per format turns the file into blocks (plain.py for text and Markdown,
formats/ for DOCX, ODT, PDF and spreadsheets); the structure recogniser (structure.py)
makes the plan of them, the same way for every format. A text laid out as the slides of
a scanned deck (Alès's: "Orientations" and "Programme d'actions détaillé" labels, summary
pages) is read by its own rule set, text_parser.py.
"""

from pathlib import Path

from django.utils.translation import gettext as _

from faisse.plans.importer.corrections import Corrections
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.importer.limits import counting_nodes, fit_texts, iter_lines
from faisse.plans.importer.lines import Kind, classify
from faisse.plans.importer.outline import ParsedPlan
from faisse.plans.importer.plain import markdown_document, text_document
from faisse.plans.importer.reading import decode, is_markdown, read_bytes
from faisse.plans.importer.structure import recognise, rename_levels
from faisse.plans.importer.text_parser import parse_text
from faisse.plans.importer.tree_corrections import apply_roles, tidy
from faisse.plans.importer.workbooks import claimed_reader

__all__ = [
    "Corrections",
    "PlanImportError",
    "ParsedPlan",
    "parse_bytes",
    "parse_document",
    "parse_path",
    "parse_upload",
]

SLIDE_SCAN_LINES = 5000


def looks_like_slides(text: str) -> bool:
    """Slides of a scanned deck: "Axe N" headings and the section labels of its pages."""
    axes = labels = 0
    for number, raw in enumerate(iter_lines(text), start=1):
        if number > SLIDE_SCAN_LINES:
            break
        line = classify(number, raw) if raw.strip() else None
        if line is not None:
            axes += line.kind is Kind.AXIS
            labels += line.kind is Kind.LABEL
    return axes >= 1 and labels >= 1


def parse_document(text: str, name: str, corrections: Corrections | None = None) -> ParsedPlan:
    """Parse a plan from the text of a file called `name` (its suffix picks the format),
    within the limits of an import (see limits.py)."""
    corrections = corrections or Corrections()
    with counting_nodes():
        if is_markdown(name, text):
            plan = recognise(markdown_document(text), corrections)
        elif looks_like_slides(text):
            noise = {w for w, role in corrections.roles.items() if role == "noise"}
            if noise:
                lines = text.split("\n")
                text = "\n".join("" if i + 1 in noise else ln for i, ln in enumerate(lines))
            plan = parse_text(text)
            apply_roles(plan, {w: r for w, r in corrections.roles.items() if r != "noise"})
            tidy(plan, corrections)
            rename_levels(plan, corrections.names)
        else:
            plan = recognise(text_document(text), corrections)
        _require_structure(plan)
    fit_texts(plan)
    return plan


def _require_structure(plan: ParsedPlan) -> None:
    if not plan.nodes:
        raise PlanImportError(
            _(
                "aucune structure de plan reconnue : ni titres numérotés (« Axe 1 : … », "
                "« Enjeu 1 – … », « 1.2 … »), ni titres mis en forme, ni listes "
                "(formes lues : docs/import.md)."
            )
        )


def parse_path(path: Path, corrections: Corrections | None = None) -> ParsedPlan:
    return parse_upload(read_bytes(path), path.name, corrections)


def parse_bytes(data: bytes, name: str) -> ParsedPlan:
    return parse_upload(data, name)


def parse_upload(data: bytes, name: str, corrections: Corrections | None = None) -> ParsedPlan:
    """Parse a file of any format read (its name's suffix and its first bytes say which),
    with the corrections an editor made in the preview. A workbook an app claims
    (workbooks.py: the Territoires en Transitions template) is read by that app."""
    claimed = claimed_reader(data, name)
    if claimed is not None:
        return claimed(data, name)
    document = read_document(data, name)
    if document is None:  # text or Markdown
        return parse_document(decode(data), name, corrections)
    with counting_nodes():
        plan = recognise(document, corrections)
        _require_structure(plan)
    fit_texts(plan)
    return plan
