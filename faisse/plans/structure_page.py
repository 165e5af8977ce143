"""What the structure page and the move picker show of a plan, computed in memory from
a PlanTree: levels folded with what they hold, a filter, and the places where a node may
go. No query here."""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings

from faisse.core.french import fold
from faisse.plans.models import PlanNode
from faisse.plans.structure import CHILD_KINDS
from faisse.plans.tree import PlanTree, TreeEntry

Kind = PlanNode.Kind
STATES = {"brouillon": False, "publie": True}


@dataclass
class Row:
    """One element at one place of the structure, with what it holds."""

    entry: TreeEntry
    children: list["Row"] = field(default_factory=list)
    open: bool = False
    counts: Counter = field(default_factory=Counter)

    @property
    def node(self) -> PlanNode:
        return self.entry.node

    @property
    def content(self) -> list[tuple[str, int]]:
        """[(kind label, count)] of what is under it, in plan order of kinds, plurals
        left to the template."""
        return [(kind, self.counts[kind]) for kind in Kind.values if self.counts[kind]]


def _matches(node: PlanNode, words: str, published: bool | None) -> bool:
    if published is not None and node.is_published != published:
        return False
    return not words or words in fold(f"{node.number} {node.title}")


def structure_rows(
    tree: PlanTree, *, query: str = "", state: str = "", open_all: bool = False, reveal=None
) -> tuple[list[Row], int]:
    """Rows of the whole plan, and how many elements the filter kept.

    Levels are folded, but for the path to `reveal` (the node just moved or edited)
    and, when filtering, the paths to what was found; without a filter every element is
    kept."""
    words = fold(" ".join(query.split()))
    published = STATES.get(state)
    filtering = bool(words) or published is not None
    found = 0

    def build(entries: list[TreeEntry]) -> list[Row]:
        nonlocal found
        rows = []
        for entry in entries:
            children = build(entry.children)
            hit = _matches(entry.node, words, published) if filtering else False
            found += hit
            if filtering and not hit and not children:
                continue
            row = Row(entry=entry, children=children)
            row.counts = Counter(child.node.kind for child in _all(children))
            row.open = open_all or (filtering and bool(children))
            rows.append(row)
        return rows

    rows = build(tree.roots)
    if reveal is not None:
        for row in _path_to(rows, reveal):
            row.open = True
    return rows, found


def _all(rows: list[Row]):
    for row in rows:
        yield row
        yield from _all(row.children)


def _path_to(rows: list[Row], pk: int) -> list[Row]:
    for row in rows:
        if row.node.pk == pk and not row.entry.shared:
            return [row]
        path = _path_to(row.children, pk)
        if path:
            return [row, *path]
    return []


# -- where a node may go ---------------------------------------------------------------------


def _height(tree: PlanTree, node: PlanNode) -> int:
    """Levels of the node's subtree, itself included."""
    entry = tree.entry_for(node)
    if entry is None:
        return 1

    def height(e: TreeEntry) -> int:
        return 1 + max((height(child) for child in e.children), default=0)

    return height(entry)


@dataclass
class Place:
    """A parent the node may be moved under, with its path from the root."""

    node: PlanNode
    path: list[PlanNode]
    current: bool = False
    children: list["Place"] = field(default_factory=list)
    selectable: bool = True


def move_places(tree: PlanTree, node: PlanNode, *, with_actions: bool = False, query: str = ""):
    """The plan as a tree of places for `node`: those that may take it are selectable (a
    kind that fits, not the node nor anything under it, the depth limit kept); the others
    are shown for context only when something selectable is under them. Actions take
    sub-actions, so they are offered only `with_actions`. With a `query`, a flat list of
    the matching selectable places, each with its path."""
    height = _height(tree, node)
    words = fold(" ".join(query.split()))
    flat: list[Place] = []

    def build(entries: list[TreeEntry], path: list[PlanNode]) -> list[Place]:
        places = []
        for entry in entries:
            candidate = entry.node
            if entry.shared or candidate.pk == node.pk:
                continue  # a node is moved under a home place; never under itself
            if candidate.kind == Kind.ACTION and not with_actions:
                continue
            fits = (
                node.kind in CHILD_KINDS[candidate.kind]
                and entry.depth + 1 + height <= settings.MAX_PLAN_DEPTH
            )
            place = Place(
                node=candidate,
                path=path,
                current=candidate.pk == node.parent_id,
                selectable=fits,
                children=build(entry.children, [*path, candidate]),
            )
            if fits and words and words in fold(f"{candidate.number} {candidate.title}"):
                flat.append(place)
            if fits or place.children:
                places.append(place)
        return places

    places = build(tree.roots, [])
    return flat if words else places
