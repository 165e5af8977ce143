"""An editor's corrections applied to a recognised tree: merges, splits, and — for the
rule sets that do not read corrections while parsing (the Alès slides) — the roles."""

from django.utils.translation import gettext as _

from faisse.plans.importer.corrections import Corrections
from faisse.plans.importer.outline import ParsedNode, ParsedPlan
from faisse.plans.models import PlanNode
from faisse.plans.structure import CHILD_KINDS


def tidy(plan: ParsedPlan, corrections: Corrections) -> None:
    """The merges and splits an editor asked for, on the recognised tree."""
    _merge(plan, corrections.merges)
    _split(plan, corrections.splits)


def apply_roles(plan: ParsedPlan, roles: dict[int, str]) -> None:
    """Roles on a finished tree: an element given another kind takes it when it may hang
    where it stands (else a warning says why not); an element made text becomes a
    paragraph of the description of the element before it, its children move up."""
    for where, role in sorted(roles.items()):
        for previous, node, parents in _previous_in_order(plan):
            if node.line != where:
                continue
            parent = parents[id(node)]
            if role == "text":
                siblings = parent.children if parent else plan.nodes
                at = siblings.index(node)
                siblings[at : at + 1] = node.children
                target = previous
                if target is not None:
                    target.description = f"{target.description}\n{node.title}".strip()
                else:
                    plan.ambition = f"{plan.ambition}\n\n{node.title}".strip()
            elif role in PlanNode.Kind.values and role != node.kind:
                if role in CHILD_KINDS[parent.kind if parent else None] and all(
                    child.kind in CHILD_KINDS[role] for child in node.children
                ):
                    node.kind = role
                else:
                    plan.warn(
                        where,
                        _("« %(title)s » ne peut pas devenir « %(kind)s » à cet endroit.")
                        % {"title": node.title[:60], "kind": PlanNode.Kind(role).label},
                    )
            break


def _previous_in_order(plan: ParsedPlan):
    previous = None
    parents = {}
    for root in plan.nodes:
        parents[id(root)] = None
        for node in root.walk():
            for child in node.children:
                parents[id(child)] = node
            yield previous, node, parents
            previous = node


def _merge(plan: ParsedPlan, merges: set[int]) -> None:
    for where in sorted(merges, reverse=True):
        for previous, node, parents in _previous_in_order(plan):
            if node.line != where or previous is None:
                continue
            previous.title = f"{previous.title} {node.title}".strip()
            if node.description:
                previous.description = f"{previous.description}\n\n{node.description}".strip()
            siblings = parents[id(node)].children if parents[id(node)] else plan.nodes
            at = siblings.index(node)
            siblings.pop(at)
            if previous is parents[id(node)]:
                siblings[at:at] = node.children
            else:
                previous.children.extend(node.children)
            break


def _split(plan: ParsedPlan, splits: dict[int, int]) -> None:
    for where, offset in splits.items():
        for _previous, node, parents in _previous_in_order(plan):
            if node.line != where or not 0 < offset < len(node.title):
                continue
            second = ParsedNode(node.kind, node.title[offset:].strip(), where)
            second.level_name, second.children = node.level_name, node.children
            node.title, node.children = node.title[:offset].strip(), []
            siblings = parents[id(node)].children if parents[id(node)] else plan.nodes
            siblings.insert(siblings.index(node) + 1, second)
            break
