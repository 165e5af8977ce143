"""Which actions of a plan apply to which communes, computed in memory.

Three queries whatever the size of the plan: the plan tree (two) and its commune links.
"""

from collections import Counter, defaultdict

from faisse.locations.models import CommuneLink
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree


class PlanGeography:
    def __init__(self, tree: PlanTree, links: list[CommuneLink]):
        self.tree = tree
        self.links_by_node: dict[int, list[CommuneLink]] = defaultdict(list)
        for link in links:
            if link.origin != CommuneLink.Origin.REJECTED:
                self.links_by_node[link.node_id].append(link)

    @classmethod
    def load(
        cls, plan: Plan, tree: PlanTree | None = None, *, drafts: bool = False
    ) -> "PlanGeography":
        tree = tree or PlanTree.load(plan, drafts=drafts)
        links = list(CommuneLink.objects.filter(plan=plan).select_related("commune"))
        return cls(tree, links)

    def _places(self, node: PlanNode) -> list[PlanNode]:
        """The node, its ancestors, and the ancestors of every place it is shared under."""
        chain = [node, *self.tree.ancestors(node)]
        for parent in self.tree.shared_parents.get(node.pk, []):
            chain += [parent, *self.tree.ancestors(parent)]
        return chain

    def links_of(self, node: PlanNode) -> list[CommuneLink]:
        """The links that make a node apply to communes: its own and its ancestors'."""
        return [link for place in self._places(node) for link in self.links_by_node[place.pk]]

    def actions(self) -> list[PlanNode]:
        """Actions in plan order, each once: at its home, never again under a shared
        placement (nor its sub-actions, which a shared action brings along)."""
        found, seen = [], set()
        for entry in self.tree.walk():
            node = entry.node
            if node.kind == PlanNode.Kind.ACTION and not entry.shared and node.pk not in seen:
                seen.add(node.pk)
                found.append(node)
        return found

    def specific_actions(self, commune_id: int) -> list[tuple[PlanNode, list[CommuneLink]]]:
        """Actions that apply to this commune specifically, each with the links saying so."""
        found = []
        for action in self.actions():
            links = [link for link in self.links_of(action) if link.commune_id == commune_id]
            if links:
                found.append((action, links))
        return found

    def territory_wide_actions(self) -> list[PlanNode]:
        """Actions that name no commune: they apply to the whole territory."""
        return [action for action in self.actions() if not self.links_of(action)]

    def specific_action_counts(self) -> Counter:
        """{commune id: number of actions that apply to it specifically}."""
        counts: Counter = Counter()
        for action in self.actions():
            counts.update({link.commune_id for link in self.links_of(action)})
        return counts
