"""The plan's elements a meeting discussed: as readers see them (drafts only for those who
may read drafts), and as editors choose them (the current plan, in its order)."""

from dataclasses import dataclass

from faisse.core.french import fold
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree


def discussed_nodes(meeting, *, drafts: bool) -> list[PlanNode]:
    """The elements of one meeting the reader may see, in plan order, each with its `url`."""
    nodes = discussed_by_meeting([meeting], drafts=drafts).get(meeting.pk, [])
    for node in nodes:
        node.url = node.url_for(meeting.territory.slug)
    return nodes


@dataclass
class Choice:
    node: PlanNode
    depth: int
    checked: bool
    path: str = ""  # where the element sits, shown with search results


def node_choices(territory, selected: set[int], query: str = "") -> tuple[Plan | None, list]:
    """The current plan's elements in plan order, with their depth, those matching `query`
    (accents and case ignored; every one without a query)."""
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        return None, []
    tree = PlanTree.load(plan, drafts=True)
    words = fold(query).split()
    choices, seen = [], set()
    for entry in tree.walk():
        node = entry.node
        if node.pk in seen:  # a shared element is offered once, at its home
            continue
        seen.add(node.pk)
        if words:
            text = fold(f"{node.label} {node.number}")
            if not all(word in text for word in words):
                continue
        path = " › ".join(parent.label for parent in tree.ancestors(node)) if words else ""
        choices.append(Choice(node, entry.depth, node.pk in selected, path))
    return plan, choices


def discussed_by_meeting(meetings, *, drafts: bool) -> dict[int, list[PlanNode]]:
    """The elements each meeting discussed that the reader may see, in plan order: one
    query for the links, two per plan concerned (whatever the number of meetings)."""
    through = PlanNode.meetings.through
    links = list(
        through.objects.filter(meeting_id__in=[meeting.pk for meeting in meetings]).values_list(
            "meeting_id", "plannode_id"
        )
    )
    if not links:
        return {}
    plans = Plan.objects.filter(nodes__pk__in={node_id for _m, node_id in links}).distinct()
    order: dict[int, tuple[int, int]] = {}
    nodes: dict[int, PlanNode] = {}
    for plan in plans.order_by("pk"):
        for index, entry in enumerate(PlanTree.load(plan, drafts=drafts).walk()):
            if entry.node.pk not in nodes:
                nodes[entry.node.pk] = entry.node
                order[entry.node.pk] = (plan.pk, index)
    found: dict[int, list[PlanNode]] = {}
    for meeting_id, node_id in links:
        if node_id in nodes:
            found.setdefault(meeting_id, []).append(nodes[node_id])
    for shown in found.values():
        shown.sort(key=lambda node: order[node.pk])
    return found
