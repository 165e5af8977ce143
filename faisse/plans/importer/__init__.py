"""Import a projet de territoire from the documents users already have."""

from pathlib import Path

from faisse.plans.importer.corrections import Corrections
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.limits import counting_nodes, fit_texts
from faisse.plans.importer.markdown_parser import parse_markdown
from faisse.plans.importer.outline import ParsedPlan
from faisse.plans.importer.reading import decode, is_markdown, read_file
from faisse.plans.importer.text_parser import parse_text

__all__ = [
    "Corrections",
    "PlanImportError",
    "ParsedPlan",
    "parse_bytes",
    "parse_document",
    "parse_path",
    "parse_upload",
]


def parse_document(text: str, name: str) -> ParsedPlan:
    """Parse a plan from the text of a file called `name` (its suffix picks the format),
    within the limits of an import (see limits.py)."""
    with counting_nodes():
        plan = parse_markdown(text) if is_markdown(name, text) else parse_text(text)
    fit_texts(plan)
    return plan


def parse_path(path: Path) -> ParsedPlan:
    return parse_document(read_file(path), path.name)


def parse_bytes(data: bytes, name: str) -> ParsedPlan:
    return parse_document(decode(data), name)


def parse_upload(data: bytes, name: str, corrections: Corrections | None = None) -> ParsedPlan:
    """Parse a file of any format read (its name's suffix and its first bytes say which),
    with the corrections an editor made in the preview."""
    return parse_document(decode(data), name)
