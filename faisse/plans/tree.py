"""Load a whole plan tree in a constant number of queries and walk it in memory."""

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _

from faisse.plans.models import Plan, PlanNode, SharedPlacement


@dataclass
class TreeEntry:
    """A node at one place of the tree; a shared node has one entry per place."""

    node: PlanNode
    depth: int
    shared: bool = False
    children: list["TreeEntry"] = field(default_factory=list)


class PlanTree:
    """The nodes of a plan, with children lists, ancestors and shared placements.

    Two queries whatever the size of the plan: one for nodes, one for shared placements.
    Without `drafts`, unpublished nodes and everything under them are left out: the tree
    is what the public sees (see faisse.accounts.abilities, "view_drafts").
    """

    def __init__(
        self,
        plan: Plan,
        nodes: list[PlanNode],
        placements: list[SharedPlacement],
        *,
        drafts: bool = False,
    ):
        self.plan = plan
        self.drafts = drafts
        if not drafts:
            nodes = [node for node in nodes if node.is_published]
        self.by_id = {node.pk: node for node in nodes}
        children: dict[int | None, list[tuple[int, int, PlanNode, bool]]] = defaultdict(list)
        for node in nodes:
            children[node.parent_id].append((node.position, node.pk, node, False))
        self.shared_parents: dict[int, list[PlanNode]] = defaultdict(list)
        for placement in placements:
            node = self.by_id.get(placement.node_id)
            parent = self.by_id.get(placement.parent_id)
            if node is None or parent is None:
                continue
            children[parent.pk].append((placement.position, node.pk, node, True))
            self.shared_parents[node.pk].append(parent)
        self._children = {
            key: [(node, shared) for _, _, node, shared in sorted(items, key=lambda i: i[:2])]
            for key, items in children.items()
        }
        self.too_deep = False
        self.roots = self._build(None, 0, set())
        if not drafts:  # nodes under an unpublished parent are not reachable: drop them
            reachable = {entry.node.pk for entry in self.walk()}
            self.by_id = {pk: node for pk, node in self.by_id.items() if pk in reachable}
            self.shared_parents = defaultdict(
                list,
                {
                    pk: [p for p in parents if p.pk in reachable]
                    for pk, parents in self.shared_parents.items()
                    if pk in reachable
                },
            )

    @classmethod
    def load(cls, plan: Plan, *, drafts: bool = False) -> "PlanTree":
        nodes = list(PlanNode.objects.filter(plan=plan).order_by("position", "id"))
        for node in nodes:  # node.get_absolute_url() needs no query per node
            node.plan = plan
        placements = list(SharedPlacement.objects.filter(plan=plan))
        return cls(plan, nodes, placements, drafts=drafts)

    def _build(self, parent_id: int | None, depth: int, seen: set[int]) -> list[TreeEntry]:
        """Entries under a parent. Past MAX_PLAN_DEPTH levels nothing is attached and
        `too_deep` is set: the editing functions refuse such a plan (check_structure), and
        a plan made deeper before the limit existed still renders instead of recursing
        without end."""
        entries = []
        for node, shared in self._children.get(parent_id, []):
            if node.pk in seen:  # a shared placement under its own descendant: skip the loop
                continue
            if depth >= settings.MAX_PLAN_DEPTH:
                self.too_deep = True
                break
            entry = TreeEntry(node=node, depth=depth, shared=shared)
            entry.children = self._build(node.pk, depth + 1, seen | {node.pk})
            entries.append(entry)
        return entries

    def walk(self, entries: list[TreeEntry] | None = None) -> Iterator[TreeEntry]:
        for entry in self.roots if entries is None else entries:
            yield entry
            yield from self.walk(entry.children)

    def children_of(self, node: PlanNode) -> list[tuple[PlanNode, bool]]:
        """Direct children of a node, as (node, shown here through a shared placement)."""
        return self._children.get(node.pk, [])

    def ancestors(self, node: PlanNode) -> list[PlanNode]:
        """From the root axis down to the node's home parent."""
        chain = []
        parent_id = node.parent_id
        while parent_id is not None and parent_id in self.by_id:
            parent = self.by_id[parent_id]
            chain.append(parent)
            parent_id = parent.parent_id
        return list(reversed(chain))

    def entry_for(self, node: PlanNode) -> TreeEntry | None:
        return next((e for e in self.walk() if e.node.pk == node.pk and not e.shared), None)

    def count_by_kind(self) -> Counter:
        return Counter(node.kind for node in self.by_id.values())


def find_node(territory, pk: int, *, drafts: bool = True) -> PlanNode | None:
    """The node `pk` of the territory, with its plan and territory, or None. Without
    `drafts`, only if the public may see it: published, under published parents."""
    node = (
        PlanNode.objects.filter(pk=pk, territory=territory)
        .select_related("plan", "territory")
        .first()
    )
    if node is not None and not drafts and PlanTree.load(node.plan).by_id.get(node.pk) is None:
        return None
    return node


def node_or_404(territory, pk: int, *, drafts: bool = True) -> PlanNode:
    node = find_node(territory, pk, drafts=drafts)
    if node is None:
        raise Http404(_("Élément inconnu dans ce territoire."))
    return node


def action_or_404(territory, pk: int) -> PlanNode:
    """The action `pk` of the territory (its sheet, quick update, PDF); 404 for another
    kind of element or another territory's."""
    node = node_or_404(territory, pk)
    if node.kind != PlanNode.Kind.ACTION:
        raise Http404(_("Seules les actions ont une fiche."))
    return node
