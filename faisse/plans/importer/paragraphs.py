"""From a document's blocks to its pieces: furniture out, page references off, tables of
contents flattened on one line split, lines broken mid-paragraph joined.

Joining (documents of lines: plain text, PDF): a line continues the one before when no
blank line separates them and either the line before reaches the document's usual width
(it was wrapped there), or it does not end a sentence and this one starts in lower case.
A line that starts with a level word, a number or a bullet never continues another, so
consecutive headings stay apart. A join whose second line starts with a capital is a
guess, told as a warning.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.plans.importer.blocks import Block, Document
from faisse.plans.importer.furniture import find_numbered_furniture
from faisse.plans.importer.lines import PAGE_REFERENCE
from faisse.plans.importer.signatures import Signature, read_signature
from faisse.plans.importer.vocabulary import LEVEL_WORDS

WRAPPED = 0.8  # a line this share of the usual width long was wrapped by the layout
FULL = 0.95  # … and one that ends a sentence, only when it fills the width
OVER = 1.05  # a line longer than this share of the width was not wrapped at it
MIN_WRAPPED = 3
SENTENCE_END = (".", "!", "?", ":", ";")
# A level word followed by a number, inside a line: where a flattened table of contents
# starts its next entry (matched on folded text).
_WORDS = sorted({fold(s) for s, _p, _a in LEVEL_WORDS}, key=len, reverse=True)
ENTRY = re.compile(
    r"(?<=\S)\s+(?=(?:" + "|".join(re.escape(w) for w in _WORDS) + r")\s+(?:n\s*°\s*)?\d)"
)
LEADERS = re.compile(r"(?:\.\s?){3,}|…")
# "Pilote : …", "Budget prévisionnel : …": a field of a sheet, on its own line
FIELD = re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?: [\w’'-]+){0,3} ?: \S")


@dataclass(slots=True)
class Piece:
    where: int
    text: str
    block: Block
    signature: Signature = field(default_factory=Signature)
    joined: list[int] = field(default_factory=list)  # places of the lines joined to it
    contents_entry: bool = False  # it ended with leader dots and a page number


def pieces_of(document: Document, noise: set[int], warn) -> tuple[list[Piece], set[int]]:
    """The pieces of a document, and the places of the furniture lines left out."""
    furniture: set[int] = set()
    if not document.heading_styles:
        found = find_numbered_furniture((b.where, b.text, b.page) for b in document.blocks)
        furniture = set(found.lines)
        for where, message in found.warnings:
            warn(where, message)
    pieces: list[Piece] = []
    for block in document.blocks:
        if block.where in furniture or block.where in noise:
            continue
        block.text = block.text.replace("\ufffe", "-")  # a PDF's hyphen at a line's end
        for text, leaders in _entries(block, warn):
            piece = Piece(block.where, text, block, read_signature(text), contents_entry=leaders)
            pieces.append(piece)
    if document.unit == "ligne" and not document.heading_styles:
        pieces = _joined(pieces, warn, hanging=document.layout)
    return pieces, furniture


def _entries(block: Block, warn) -> list[tuple[str, bool]]:
    """The block's text, without a page reference at its end; split when a flattened
    table of contents put several entries on it. Each with whether leader dots and a page
    number ended it (an entry of a table of contents)."""
    folded = fold(block.text)
    starts = []
    if len(folded) == len(block.text):
        starts = [m.end() for m in ENTRY.finditer(folded)]
    if starts and (len(starts) >= 2 or LEADERS.search(block.text)):
        bounds = [0, *starts, len(block.text)]
        parts = [block.text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
        warn(
            block.where,
            _("sommaire sur une seule ligne : découpé en %(count)s titres.")
            % {"count": len(parts)},
        )
    else:
        parts = [block.text]
    entries = []
    for part in parts:
        match = PAGE_REFERENCE.search(part)
        leaders = False
        if match and match.start() > 0:
            leaders = bool(LEADERS.search(match.group()))
            warn(
                block.where,
                _("« %(noise)s » retiré de la fin de la ligne (renvoi de page).")
                % {"noise": match.group().strip()},
            )
            part = part[: match.start()].rstrip()
        if part:
            entries.append((part, leaders))
    return entries


def _usual_width(pieces: list[Piece]) -> int:
    """The width the layout wrapped lines at: the 9th decile of their lengths, if at least
    MIN_WRAPPED lines come near it (a text of a few long lines was not wrapped)."""
    lengths = sorted(len(p.text) for p in pieces if len(p.text) >= 20)
    if not lengths:
        return 10_000
    width = max(40, lengths[int(0.9 * (len(lengths) - 1))])
    if sum(length >= 0.9 * width for length in lengths) < MIN_WRAPPED:
        return 10_000
    return width


def _joined(pieces: list[Piece], warn, *, hanging: bool) -> list[Piece]:
    """`hanging`: the indentation is measured (PDF), so a list item's next lines are
    indented past its bullet; a line back at the margin after an item is a paragraph."""
    width = _usual_width(pieces)
    result: list[Piece] = []
    for piece in pieces:
        previous = result[-1] if result else None
        in_item = (
            hanging
            and previous is not None
            and (previous.signature.bullet or previous.block.list_depth >= 0)
        )
        if in_item and piece.block.indent <= previous.block.indent:
            result.append(piece)
            continue
        if previous is not None and _continues(previous, piece, width, proportional=hanging):
            if piece.text[:1].isupper() and not previous.text.endswith("-"):
                warn(
                    piece.where,
                    _("ligne jointe à la précédente (%(unit)s %(line)s) : phrase coupée ?")
                    % {"unit": "ligne", "line": previous.where},
                )
            previous.text = _join(previous.text, piece.text)
            previous.signature = read_signature(previous.text)
            previous.joined.append(piece.where)
            continue
        result.append(piece)
    return result


def _continues(previous: Piece, piece: Piece, width: int, *, proportional: bool) -> bool:
    """`proportional`: a PDF's lines, whose lengths in characters vary with the letters'
    widths — a line longer than the usual width may still have been wrapped."""
    signature = piece.signature
    if signature.is_heading or signature.bullet or piece.block.list_depth >= 0:
        return False
    if FIELD.match(piece.text) and (
        FIELD.match(previous.text) or len(previous.text) < WRAPPED * width
    ):
        return False  # a field after a field, or after a short line: a line of its own
    if piece.block.break_before or piece.block.page != previous.block.page:
        return False
    if previous.block.heading != piece.block.heading or previous.block.bold != piece.block.bold:
        return False
    if previous.signature.is_heading and not previous.signature.title:
        return False  # "Orientation 1.2" alone: its title follows, it is not a wrap
    length = len(previous.text)
    if length > OVER * width and not proportional:
        pass  # longer than the width the text is wrapped at: a line of its own
    elif previous.text.endswith(SENTENCE_END) and piece.text[:1].isupper():
        return length >= FULL * width  # a new sentence on a new line, unless full
    elif length >= WRAPPED * width:
        return True
    first = piece.text[0]
    return (first.islower() or first == "(") and not previous.text.endswith(SENTENCE_END)


def _join(left: str, right: str) -> str:
    """A line cut after a hyphen joins without a space, the hyphen kept (Saint-Jean-du- /
    Gard); PDF text layers mark such a hyphen U+FFFE. A soft hyphen (U+00AD) is dropped."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("\ufffe"):
        left = left[:-1] + "-"
    if left.endswith("-") and left[-2:-1].isalpha():
        return left + right
    return f"{left} {right}"
