"""Which level each heading and list item is at: the same signature is the same level.

Every node candidate gets a key: its heading style (when the format's styles are trusted),
its level word ("Enjeu"), the shape of its bare number ("1.2" → D.D), its heading rank
(PDF font size), its list depth, or "a plain line followed by a list" (p). The keys are
ranked on one ladder, built in document order: a key seen for the first time goes just
below the key of the node before it — unless the layout says it must be above it (a
heading is above any list item, "1" above "1.1", a Heading 2 above a Heading 3, a list
item above a deeper one), then it goes just above. Faïsse's kinds are then given by the
number of heading levels (see KIND_LADDERS); list items are actions, deeper ones
sub-actions.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from faisse.plans.importer.paragraphs import Piece
from faisse.plans.importer.vocabulary import section_of

Key = tuple
PLAIN: Key = ("p",)
BOLD: Key = ("bold",)
# Heading levels → kinds, when list items below them are the actions...
KIND_LADDERS = {
    1: ["axis"],
    2: ["axis", "objective"],
    3: ["axis", "orientation", "objective"],
    4: ["axis", "orientation", "objective", "group"],
}
# ...and when there are no list items: the deepest heading level is the actions'.
LADDERS_WITHOUT_ITEMS = {
    1: ["axis"],
    2: ["axis", "action"],
    3: ["axis", "objective", "action"],
    4: ["axis", "orientation", "objective", "action"],
    5: ["axis", "orientation", "objective", "group", "action"],
}
MAX_PROMOTED_LENGTH = 200  # a plain line longer than this is a paragraph, not a title


def is_item(key: Key) -> bool:
    return key[0] == "b"


def _decimal_depth(key: Key) -> int | None:
    if key[0] == "n" and set(key[1].rstrip(")").split(".")) == {"D"}:
        return key[1].count(".") + 1
    return None


def must_be_above(a: Key, b: Key) -> bool:
    """What the layout alone says: `a` is above `b` wherever they meet."""
    if is_item(a) != is_item(b):
        return is_item(b)
    if a[0] == b[0] and a[0] in ("h", "b"):
        return a[1] < b[1]
    if a[0] == "h" and b in (PLAIN, BOLD):
        return True
    depth_a, depth_b = _decimal_depth(a), _decimal_depth(b)
    if depth_a and depth_b:
        return depth_a < depth_b
    return False


def _bullet_depths(pieces: list[Piece]) -> dict[int, int]:
    """The depth of each text bullet (id of its piece): by its indentation among the
    bullets' indentations, or, all at one indentation, by marker in order of first use."""
    bullets = [p for p in pieces if p.signature.bullet and p.block.list_depth < 0]
    indents = sorted({round(p.block.indent / 2) for p in bullets})
    if len(indents) > 1:
        return {id(p): indents.index(round(p.block.indent / 2)) for p in bullets}
    markers: list[str] = []
    for p in bullets:
        if p.signature.bullet not in markers:
            markers.append(p.signature.bullet)
    return {id(p): markers.index(p.signature.bullet) for p in bullets}


def key_of(
    piece: Piece, trust_styles: bool, bullet_depth: dict[int, int], bold_titles: bool = True
) -> Key | None:
    block, signature = piece.block, piece.signature
    if section_of(piece.text):
        return None  # "Ambition", "Défis": the opening's sections
    if trust_styles and block.heading:
        return ("h", block.heading)
    if trust_styles and block.list_depth >= 0:
        return ("b", block.list_depth)  # "- Action 1.2 : …" is an item of its list
    if block.level:
        return ("l", block.level.casefold())
    if signature.word is not None:
        if not signature.number and not block.heading:
            return None  # "Orientations" (a label), "Objectif : réduire…" (a field)
        return ("w", signature.word)
    if signature.shape:
        return ("n", signature.shape)
    if block.heading:
        return ("h", block.heading)
    if block.list_depth >= 0:
        return ("b", block.list_depth)
    if signature.bullet:
        return ("b", bullet_depth[id(piece)])
    if bold_titles and block.bold and len(piece.text) <= MAX_PROMOTED_LENGTH:
        return BOLD
    return None


def reconcile_letters(pieces: list[Piece]) -> None:
    """ "C." among "A.", "B." is a letter, not the roman hundred (I, V, X… likewise)."""
    letters = {p.signature.shape for p in pieces if p.signature.shape in ("L", "L)")}
    romans = {
        p.signature.shape
        for p in pieces
        if p.signature.shape in ("R", "R)") and len(p.signature.number) > 1
    }
    for piece in pieces:
        signature = piece.signature
        if signature.shape in ("R", "R)") and len(signature.number) == 1:
            as_letter = signature.shape.replace("R", "L")
            if as_letter in letters and signature.shape not in romans:
                signature.shape = as_letter


@dataclass
class Ladder:
    keys: list[Key]

    def level(self, key: Key) -> int:
        return self.keys.index(key)

    def insert(self, key: Key, after: Key | None) -> None:
        if after is None:
            index = 0
        else:
            index = self.keys.index(after) + 1
            if must_be_above(key, after):
                index -= 1
        while index > 0 and must_be_above(key, self.keys[index - 1]):
            index -= 1
        while index < len(self.keys) and must_be_above(self.keys[index], key):
            index += 1
        self.keys.insert(index, key)

    def kinds(self, parents: set[Key] = frozenset()) -> dict[Key, tuple[str, int]]:
        """Each key's kind, and its depth among actions (sub-actions: 1, 2…). A list level
        whose items all have items under them (`parents`) is a level of the plan's
        structure (an outline made of nested lists), not actions with sub-actions."""
        structure = [k for k in self.keys if not is_item(k) or k in parents]
        headings = structure
        items = [k for k in self.keys if k not in structure]
        if not headings:  # nothing but lists: their levels are the plan's
            headings, items = items, []
        if not headings:
            return {}
        if items:
            ladder = KIND_LADDERS.get(len(headings)) or [*KIND_LADDERS[4]] + ["action"] * (
                len(headings) - 4
            )
        else:
            ladder = LADDERS_WITHOUT_ITEMS.get(len(headings)) or [*LADDERS_WITHOUT_ITEMS[5]] + [
                "action"
            ] * (len(headings) - 5)
        result: dict[Key, tuple[str, int]] = {}
        actions = 0
        for key, kind in zip(headings, ladder, strict=True):
            result[key] = (kind, actions)
            actions += kind == "action"
        for key in items:
            result[key] = ("action", actions)
            actions += 1
        return result


def assign_keys(pieces: list[Piece], trust_styles: bool, warn) -> dict[int, Key]:
    """{id(piece): key} of the node candidates; plain lines right before a list become
    candidates (p); bare numbers seen once are text (a date, "M. Dupont")."""
    reconcile_letters(pieces)
    depths = _bullet_depths(pieces)
    # A bold line is a title only in a document without headings (its author's way to
    # set them apart); beside headings it is emphasis (a motto, a key sentence).
    bold_titles = not any(piece.block.heading for piece in pieces)
    keys: dict[int, Key] = {}
    for piece in pieces:
        if (key := key_of(piece, trust_styles, depths, bold_titles)) is not None:
            keys[id(piece)] = key
    counts = Counter(keys.values())
    for piece in pieces:
        key = keys.get(id(piece))
        if key and key[0] == "n" and counts[key] == 1 and not piece.block.heading:
            del keys[id(piece)]
    for previous, piece, following in zip(pieces, pieces[1:], pieces[2:], strict=False):
        if id(piece) in keys or id(following) not in keys or not is_item(keys[id(following)]):
            continue
        if (
            _looks_like_title(piece)
            and not section_of(piece.text)
            and (
                piece.block.break_before
                or (id(previous) in keys and not is_item(keys[id(previous)]))
            )
        ):
            keys[id(piece)] = PLAIN
            warn(
                piece.where,
                _("« %(text)s » pris pour un titre (suivi d’une liste).")
                % {"text": piece.text[:60]},
            )
    return keys


def _looks_like_title(piece: Piece) -> bool:
    text = piece.text
    return len(text) <= MAX_PROMOTED_LENGTH and not text.endswith((".", ":", ";", ","))


def build_ladder(pieces: list[Piece], keys: dict[int, Key]) -> Ladder:
    ladder = Ladder([])
    previous: Key | None = None
    for piece in pieces:
        key = keys.get(id(piece))
        if key is None or key[0] == "kind":  # an editor's choice is not a level
            continue
        if key not in ladder.keys:
            ladder.insert(key, previous)
        previous = key
    return ladder


def always_parents(pieces: list[Piece], keys: dict[int, Key], ladder: Ladder) -> set[Key]:
    """The list levels whose every item has items of a deeper level right under it."""
    levels = [
        (keys[id(p)], ladder.level(keys[id(p)]))
        for p in pieces
        if id(p) in keys and keys[id(p)] in ladder.keys
    ]
    with_children: set[Key] = set()
    leaves: set[Key] = set()
    for (key, level), following in zip(levels, [*levels[1:], (None, -1)], strict=False):
        if not is_item(key):
            continue
        if following[0] is not None and is_item(following[0]) and following[1] > level:
            with_children.add(key)
        else:
            leaves.add(key)
    return with_children - leaves
