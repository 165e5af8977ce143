"""Import a projet de territoire from the documents users already have."""

from pathlib import Path

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.limits import counting_nodes, fit_texts
from faisse.plans.importer.markdown_parser import parse_markdown
from faisse.plans.importer.outline import ParsedPlan
from faisse.plans.importer.reading import decode, is_markdown, read_file
from faisse.plans.importer.text_parser import parse_text

__all__ = ["PlanImportError", "ParsedPlan", "parse_bytes", "parse_document", "parse_path"]


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
