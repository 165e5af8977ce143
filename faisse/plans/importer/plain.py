"""Plain text and Markdown as blocks: what their lines say of their layout.

Plain text: one block per line, with its indentation and whether a blank line comes
before; the recogniser joins the lines of a paragraph. Markdown: "#" headings give their
level, list items their depth (by indentation), a paragraph's lines are joined here.
"""

import re
import unicodedata

from faisse.plans.importer.blocks import Block, Document
from faisse.plans.importer.limits import ReadingBudget, iter_lines
from faisse.plans.importer.signatures import read_signature

MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
MD_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,3}[.)])\s+(?P<text>.+)$")
MD_EMPHASIS = re.compile(r"(\*\*|__)(?P<text>.+?)\1")
SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def clean(text: str) -> str:
    """One line's text: Unicode composed, typographic spaces and apostrophes made plain."""
    text = unicodedata.normalize("NFC", text).replace("'", "’").replace("`", "’")
    return SPACES.sub(" ", text).strip()


def text_document(text: str) -> Document:
    blocks = []
    blank = False
    budget = ReadingBudget()
    for number, raw in enumerate(iter_lines(text), start=1):
        line = clean(raw)
        if not line:
            blank = True
            continue
        signature = read_signature(line)
        budget.take_line(number, element=signature.is_heading or bool(signature.bullet))
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        blocks.append(Block(line, number, indent=float(indent), break_before=blank))
        blank = False
    return Document(blocks)


def markdown_document(text: str) -> Document:
    blocks: list[Block] = []
    indents: list[int] = []  # open list items' indentations, to tell depth
    paragraph: Block | None = None
    blank = False
    budget = ReadingBudget()
    for number, raw in enumerate(iter_lines(text), start=1):
        if not raw.strip():
            paragraph, blank = None, True
            continue
        heading = MD_HEADING.match(raw.strip())
        item = None if heading else MD_ITEM.match(raw)
        element = bool(item) or bool(heading and len(heading["hashes"]) > 1)
        if element or paragraph is None or blank:
            budget.take_line(number, element=element)
        if match := heading:
            indents.clear()
            text_ = _plain(match["text"])
            blocks.append(Block(text_, number, heading=len(match["hashes"]), break_before=True))
            paragraph = None
        elif match := item:
            indent = len(match["indent"].expandtabs(4))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            marker = match["marker"]
            item = _plain(match["text"])
            number_ = marker[:-1] if marker[0].isdigit() else ""
            blocks.append(
                Block(item, number, list_depth=len(indents) - 1, number=number_, break_before=blank)
            )
            paragraph = blocks[-1]
        elif paragraph is not None and not blank:
            paragraph.text = f"{paragraph.text} {_plain(raw)}"  # a wrapped line
        else:
            indents.clear()
            bold = bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", raw))
            blocks.append(Block(_plain(raw), number, bold=bold, break_before=True))
            paragraph = blocks[-1]
        blank = False
    return Document(blocks, layout=True, heading_styles=True)


def _plain(text: str) -> str:
    return clean(MD_EMPHASIS.sub(lambda m: m["text"], text))
