"""The plan as JSON: the API's shape (GET /api/v1/territories/{slug}/plan), built from
PlanTree in a constant number of queries. The API imports it from here (api sits above
plans in the layers); the JSON export adds "format" and "version" to it."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree, TreeEntry

JSON_FORMAT = "faisse-plan"
JSON_VERSION = 1


def node_payload(entry: TreeEntry, extra=None) -> dict:
    """A node and its subtree; `extra(node)` adds fields computed by a higher layer (the
    API's progress, from the actions app)."""
    node = entry.node
    return {
        **(extra(node) if extra else {}),
        "id": node.pk,
        "kind": node.kind,
        "level_name": node.kind_label,
        "number": node.number,
        "title": node.title,
        "description": node.description,
        "shared": entry.shared,
        "weight": node.weight,
        "children": [node_payload(child, extra) for child in entry.children],
    }


def plan_payload(plan: Plan, *, drafts: bool = False, tree=None, extra=None) -> dict:
    """The plan in the shape the importer prints with --json, plus ids, description and shared.

    Three queries whatever the size of the plan: challenges, nodes, shared placements.
    Unpublished nodes only with `drafts` (members of the territory).
    """
    tree = tree or PlanTree.load(plan, drafts=drafts)
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
        "nodes": [node_payload(entry, extra) for entry in tree.roots],
    }


def write_json(plan: Plan, *, drafts: bool = False) -> bytes:
    """The API's payload with "format": "faisse-plan" and "version": 1 first; dates ISO."""
    data = {"format": JSON_FORMAT, "version": JSON_VERSION, **plan_payload(plan, drafts=drafts)}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return text.encode("utf-8") + b"\n"
