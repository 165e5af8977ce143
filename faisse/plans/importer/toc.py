"""A table of contents at the head of a document repeats the headings that follow: it is
left out (with a warning) when most of its entries come back further on. A document that
is only a table of contents keeps it: its entries are then the plan.

A run of consecutive headings ends at a line that is not one, or at a heading already in
the run (the table of contents is over, the body starts with its first entry again).
"""

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.plans.importer.paragraphs import Piece

MIN_ENTRIES = 3
SHARE_REPEATED = 0.6


def _entry(piece: Piece) -> tuple | None:
    signature = piece.signature
    if signature.number and (signature.word is not None or signature.shape):
        return (signature.word, signature.number)
    if piece.block.heading and signature.title:
        return ("h", fold(signature.title)[:40])
    return None


def _runs(entries: list):
    start, seen = None, set()
    for index, entry in enumerate([*entries, None]):
        if start is not None and (entry is None or entry in seen):
            yield start, index
            start, seen = None, set()
        if entry is not None:
            if start is None:
                start = index
            seen.add(entry)


def drop_tables_of_contents(pieces: list[Piece], warn, roles: dict[int, str]) -> list[Piece]:
    pieces = _without_dotted_entries(pieces, warn, roles)
    entries = [_entry(p) for p in pieces]
    for start, end in _runs(entries):
        if end - start < MIN_ENTRIES:
            continue
        later = set(entries[end:])
        repeated = sum(entries[i] in later for i in range(start, end))
        if repeated < SHARE_REPEATED * (end - start):
            continue
        first, last = pieces[start].where, pieces[end - 1].where
        for piece in pieces[start:end]:
            roles[piece.where] = "toc"
        warn(
            first,
            _("sommaire (%(first)s à %(last)s) ignoré : ses %(count)s titres reviennent plus loin.")
            % {"first": first, "last": last, "count": end - start},
        )
        return pieces[:start] + pieces[end:]
    return pieces


def _without_dotted_entries(pieces: list[Piece], warn, roles: dict[int, str]) -> list[Piece]:
    """Lines that ended with leader dots and a page number are a table of contents: left
    out when the document has other headings (its body), kept when it is all there is."""
    dotted = [p for p in pieces if p.contents_entry]
    if len(dotted) < 2:
        return pieces
    others = [p for p in pieces if not p.contents_entry and (p.signature.number or p.block.heading)]
    if not others:
        return pieces
    for piece in dotted:
        roles[piece.where] = "toc"
    warn(
        dotted[0].where,
        _("%(count)s lignes de sommaire (points de suite et numéro de page) ignorées.")
        % {"count": len(dotted)},
    )
    return [p for p in pieces if not p.contents_entry]
