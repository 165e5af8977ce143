"""The plan as Markdown, in the outline that the importer reads (plain.py, structure.py):

    # Title                      ## Axe 1 : …           (axis)
    ## Ambition + "Devise : …"   ### Orientation 1.1 : … (orientation)
    ## Défis + "- " items        #### …  ##### …         (objective, group)
                                 - action, "  - " sub-action

A paragraph that would read as Markdown structure (a heading, a list item) is escaped
with a backslash. An action's paragraphs are indented under its item (CommonMark: they
belong to the item).
"""

import re

from django.utils.translation import gettext as _

from faisse.plans.exporting.document import Entry, PlanDocument

STRUCTURE = re.compile(r"^(?:#|[-*+>](?:\s|$)|\d+[.)](?:\s|$)|\*\*)")


def _paragraph(text: str) -> str:
    return f"\\{text}" if STRUCTURE.match(text) else text


def write_markdown(document: PlanDocument) -> bytes:
    lines = [f"# {document.title}", ""]
    for fact in document.facts:
        lines += [_paragraph(fact), ""]
    if document.motto or document.ambition:
        lines += [f"## {_('Ambition')}", ""]
        if document.motto:
            lines += [_("Devise : %s") % document.motto, ""]
        for text in document.ambition:
            lines += [_paragraph(text), ""]
    if document.challenges:
        lines += [f"## {_('Défis')}", ""]
        for title, points in document.challenges:
            lines.append(f"- {title}")
            lines += [f"  - {point}" for point in points]
        lines.append("")
    for entry in document.entries:
        _entry(entry, lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip("\n")
    return text.encode("utf-8") + b"\n"


def _entry(entry: Entry, lines: list[str]) -> None:
    if entry.heading:
        lines += [f"{'#' * (entry.heading + 1)} {entry.text}", ""]
        for text in entry.paragraphs + entry.notes:
            lines += [_paragraph(text), ""]
    else:
        indent = "  " * entry.list_depth
        lines.append(f"{indent}- {entry.text}")
        for text in entry.paragraphs + entry.notes:
            lines += ["", f"{indent}  {_paragraph(text)}"]
        if entry.paragraphs or entry.notes:
            lines.append("")
    for child in entry.children:
        _entry(child, lines)
    if entry.heading and entry.children and not entry.children[-1].heading:
        lines.append("")  # a blank line closes the list before the next heading
