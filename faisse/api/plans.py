"""The plan of a territory as a JSON tree, built from PlanTree in a constant number of queries."""

from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree, TreeEntry


def node_payload(entry: TreeEntry) -> dict:
    node = entry.node
    return {
        "id": node.pk,
        "kind": node.kind,
        "level_name": node.kind_label,
        "number": node.number,
        "title": node.title,
        "description": node.description,
        "shared": entry.shared,
        "children": [node_payload(child) for child in entry.children],
    }


def plan_payload(plan: Plan, *, drafts: bool = False) -> dict:
    """The plan in the shape the importer prints with --json, plus ids, description and shared.

    Three queries whatever the size of the plan: challenges, nodes, shared placements.
    Unpublished nodes only with `drafts` (members of the territory).
    """
    tree = PlanTree.load(plan, drafts=drafts)
    return {
        "id": plan.pk,
        "title": plan.title,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.status,
        "adopted_on": plan.adopted_on,
        "level_names": {
            kind: [plan.level_name(kind), plan.level_name(kind, plural=True)]
            for kind in PlanNode.Kind.values
        },
        "ambition": {"motto": plan.ambition_motto, "text": plan.ambition_text},
        "challenges": [
            {"title": challenge.title, "points": challenge.points}
            for challenge in plan.challenges.order_by("position", "id")
        ],
        "nodes": [node_payload(entry) for entry in tree.roots],
    }
