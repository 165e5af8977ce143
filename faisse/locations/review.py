"""The review of commune links as the editor reads it: every link in the order of the
plan (rows never jump after a decision), the words found shown in their sentence, a
filter by state. Computed in memory from the plan tree and the links (constant queries)."""

from dataclasses import dataclass

from faisse.core.french import collation_key, find_folded
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree

Origin = CommuneLink.Origin
STATES = {
    "a-verifier": (Origin.DETECTED,),
    "confirmes": (Origin.CONFIRMED, Origin.MANUAL),
    "ecartes": (Origin.REJECTED,),
}


@dataclass
class Excerpt:
    """The sentence that names the commune, split around the words found."""

    before: str
    words: str
    after: str


def excerpt(node: PlanNode, evidence: str, room: int = 90) -> Excerpt | None:
    """Where the node's title (else its description) says `evidence`, shortened to
    `room` characters on each side."""
    for text in (node.title, node.description):
        span = find_folded(text, evidence) if evidence else None
        if span:
            start, end = span
            before, after = text[:start], text[end:]
            if len(before) > room:
                before = "…" + before[-room:].lstrip()
            if len(after) > room:
                after = after[:room].rstrip() + "…"
            return Excerpt(before, text[start:end], after)
    return None


@dataclass
class ReviewRow:
    link: CommuneLink
    path: list[PlanNode]
    excerpt: Excerpt | None


def review_rows(plan, links: list[CommuneLink], state: str = "") -> list[ReviewRow]:
    """The links of the plan in plan order, then by commune (French collation)."""
    tree = PlanTree.load(plan, drafts=True)
    order = {entry.node.pk: i for i, entry in enumerate(tree.walk()) if not entry.shared}
    wanted = STATES.get(state)
    rows = []
    for link in links:
        if wanted and link.origin not in wanted:
            continue
        node = tree.by_id.get(link.node_id, link.node)
        rows.append(ReviewRow(link, tree.ancestors(node), excerpt(node, link.evidence)))
    rows.sort(
        key=lambda row: (
            order.get(row.link.node_id, len(order)),
            collation_key(row.link.commune.name),
        )
    )
    return rows
