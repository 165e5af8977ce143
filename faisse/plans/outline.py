"""What the public pages show of a plan, computed in memory from a PlanTree (no query here).

These helpers walk a loaded PlanTree; they belong with it and may move into
faisse/plans/tree.py once its owner agrees.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse

from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree, TreeEntry

Kind = PlanNode.Kind

# Heading levels stop at h6; deeper nodes keep h6 (real plans stop at groups, h5).
MAX_HEADING = 6


@dataclass
class Item:
    """A node at one place of the rendered tree, with its page address."""

    node: PlanNode
    url: str
    shared: bool = False
    # Other parents the node also appears under (home item) or its home parent (shared item).
    also_under: list["Item"] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)


@dataclass
class Block:
    """One flat piece of the rendered tree: a heading (with its text) or a list of actions."""

    level: int
    item: Item | None = None
    actions: list[Item] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.item is not None


@dataclass
class AxisSummary:
    node: PlanNode
    url: str
    counts: Counter


class PlanOutline:
    """A PlanTree seen from the public site of a territory."""

    def __init__(self, tree: PlanTree, territory_slug: str):
        self.tree = tree
        self.slug = territory_slug
        self._prefixes: dict[str, str] = {}

    # -- addresses and shared placements ---------------------------------------------------

    def url(self, node: PlanNode) -> str:
        """node.url_for(slug), reversing once per kind rather than once per node."""
        prefix = self._prefixes.get(node.kind)
        if prefix is None:
            sample = reverse("portal:node", args=[self.slug, PlanNode.URL_SEGMENTS[node.kind], 0])
            prefix = self._prefixes[node.kind] = sample.removesuffix("0/")
        return f"{prefix}{node.pk}/"

    def home_parent(self, node: PlanNode) -> PlanNode | None:
        return self.tree.by_id.get(node.parent_id) if node.parent_id else None

    def shared_parents(self, node: PlanNode) -> list[PlanNode]:
        return self.tree.shared_parents.get(node.pk, [])

    def item(self, entry: TreeEntry, *, with_children: bool = False) -> Item:
        node = entry.node
        if entry.shared:
            home = self.home_parent(node)
            also_under = [home] if home is not None else []
        else:
            also_under = self.shared_parents(node)
        item = Item(
            node=node,
            url=self.url(node),
            shared=entry.shared,
            also_under=[Item(node=parent, url=self.url(parent)) for parent in also_under],
        )
        if with_children:
            item.children = [self.item(child, with_children=True) for child in entry.children]
        return item

    # -- counts ------------------------------------------------------------------------------

    def counts(self) -> Counter:
        return self.tree.count_by_kind()

    @staticmethod
    def _distinct_counts(entries: list[TreeEntry], walk) -> Counter:
        """Nodes shown under these entries, each counted once even if shown twice."""
        seen = {entry.node.pk: entry.node.kind for entry in walk(entries)}
        return Counter(seen.values())

    def axes(self) -> list[AxisSummary]:
        """Root nodes with the number of nodes of each kind shown under them."""
        return [
            AxisSummary(
                node=entry.node,
                url=self.url(entry.node),
                counts=self._distinct_counts(entry.children, self.tree.walk),
            )
            for entry in self.tree.roots
        ]

    def table_of_contents(self) -> list[Item]:
        """Axes with their orientations (home placements only), for anchor links."""
        return [
            Item(
                node=entry.node,
                url=self.url(entry.node),
                children=[
                    Item(node=child.node, url=self.url(child.node))
                    for child in entry.children
                    if not child.shared and child.node.kind == Kind.ORIENTATION
                ],
            )
            for entry in self.tree.roots
            if not entry.shared
        ]

    # -- flat rendering ----------------------------------------------------------------------

    def blocks(self, entries: list[TreeEntry] | None = None, top_level: int = 2) -> list[Block]:
        """The tree as flat blocks: a heading per non-action node, a list per run of actions.

        Heading levels follow depth (never kind) so that they never skip a level, even when
        an objective hangs directly under an axis.
        """
        blocks: list[Block] = []
        self._add_blocks(self.tree.roots if entries is None else entries, top_level, blocks)
        return blocks

    def _display_order(self, entries: list[TreeEntry]) -> list[TreeEntry]:
        """A node's own actions first, then its sub-sections, so that no action list ever
        follows a sub-heading it does not belong to. The public does not see a sub-group
        with nothing in it (members do: it is work in progress)."""
        actions = [entry for entry in entries if entry.node.kind == Kind.ACTION]
        sections = [
            entry
            for entry in entries
            if entry.node.kind != Kind.ACTION
            and (self.tree.drafts or entry.children or entry.node.kind != Kind.GROUP)
        ]
        return actions + sections

    def _walk_display(self, entries: list[TreeEntry]):
        for entry in self._display_order(entries):
            yield entry
            yield from self._walk_display(entry.children)

    def _add_blocks(self, entries: list[TreeEntry], level: int, blocks: list[Block]) -> None:
        actions: list[Item] = []
        for entry in self._display_order(entries):
            if entry.node.kind == Kind.ACTION:
                actions.append(self.item(entry, with_children=True))
                continue
            if actions:
                blocks.append(Block(level=level, actions=actions))
                actions = []
            blocks.append(Block(level=min(level, MAX_HEADING), item=self.item(entry)))
            self._add_blocks(entry.children, level + 1, blocks)
        if actions:
            blocks.append(Block(level=level, actions=actions))

    # -- one node ------------------------------------------------------------------------------

    def home_entry(self, node: PlanNode) -> TreeEntry | None:
        return self.tree.entry_for(node)

    def action_sequence(self) -> list[PlanNode]:
        """Actions in the order of the plan page, each at its home place."""
        return [
            entry.node
            for entry in self._walk_display(self.tree.roots)
            if entry.node.kind == Kind.ACTION and not entry.shared
        ]

    def neighbours(self, node: PlanNode) -> tuple[PlanNode | None, PlanNode | None]:
        """Previous and next action in plan order."""
        sequence = self.action_sequence()
        index = next((i for i, other in enumerate(sequence) if other.pk == node.pk), None)
        if index is None:
            return None, None
        previous = sequence[index - 1] if index > 0 else None
        following = sequence[index + 1] if index + 1 < len(sequence) else None
        return previous, following

    def placements(self, node: PlanNode) -> list[list[PlanNode]]:
        """Every path under which the node is shown: its home first, then shared parents."""
        paths = [self.tree.ancestors(node)]
        for parent in self.shared_parents(node):
            paths.append([*self.tree.ancestors(parent), parent])
        return paths
