"""The plan as a document: what every format writes, in reading order (docs/export.md).

Layout contract, the same in every format, so that the importer reads the documents back
into the same tree:
- headings by kind, not by depth: axis 1, orientation 2, objective 3, group 4;
- actions (and sub-actions, one list level deeper) are bulleted list items, never headings;
- a node's text is "{level name} {number} : {title}" when it has a number, else its title;
- its description follows as plain paragraphs, then "Communes : Alès, Anduze." for an action
  that names communes, then "Aussi sous : …" for a node shared under other parents.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from faisse.plans.exporting.places import Places, places_of
from faisse.plans.exporting.typography import (
    NBSP,
    count_label,
    french_date,
    one_line,
    paragraphs,
)
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree, TreeEntry

HEADING_LEVELS = {
    PlanNode.Kind.AXIS: 1,
    PlanNode.Kind.ORIENTATION: 2,
    PlanNode.Kind.OBJECTIVE: 3,
    PlanNode.Kind.GROUP: 4,
}


def node_text(node: PlanNode) -> str:
    """ "Axe 1 : Attractivité", "Objectif prioritaire 1.3 : …", or the title alone."""
    title = one_line(node.title)
    number = one_line(node.number)
    if not number:
        return title or node.kind_label
    if not title:
        return f"{node.kind_label} {number}"
    return f"{node.kind_label} {number} : {title}"


@dataclass
class Entry:
    """A node as written: a heading (level 1–4) or a list item (list_depth 0, 1, …)."""

    node: PlanNode
    text: str
    heading: int  # 0 for a list item
    list_depth: int  # -1 for a heading
    paragraphs: list[str] = field(default_factory=list)  # the description
    notes: list[str] = field(default_factory=list)  # communes, other placements
    children: list["Entry"] = field(default_factory=list)


@dataclass
class PlanDocument:
    plan: Plan
    title: str
    facts: list[str]  # period, status, counts; a warning when drafts are included
    motto: str
    ambition: list[str]
    challenges: list[tuple[str, list[str]]]
    entries: list[Entry]
    places: Places
    drafts: bool = False

    def walk(self, entries: list[Entry] | None = None):
        for entry in self.entries if entries is None else entries:
            yield entry
            yield from self.walk(entry.children)


def build_document(plan: Plan, *, drafts: bool = False, with_map: bool = False) -> PlanDocument:
    """The plan's document. A constant number of queries whatever its size: challenges,
    the tree (two), and what the places providers read (commune links, communes)."""
    tree = PlanTree.load(plan, drafts=drafts)
    places = places_of(plan, tree, with_map=with_map)
    return PlanDocument(
        plan=plan,
        title=one_line(plan.title),
        facts=_facts(plan, tree, drafts),
        motto=one_line(plan.ambition_motto),
        ambition=paragraphs(plan.ambition_text),
        challenges=[
            (one_line(challenge.title), [one_line(point) for point in challenge.points if point])
            for challenge in plan.challenges.order_by("position", "id")
        ],
        entries=_entries(tree, tree.roots, places, action_depth=0),
        places=places,
        drafts=drafts,
    )


def _facts(plan: Plan, tree: PlanTree, drafts: bool) -> list[str]:
    status = plan.get_status_display()
    if plan.status == Plan.Status.ADOPTED and plan.adopted_on:
        status = _("Adopté le %(date)s") % {"date": french_date(plan.adopted_on)}
    first = [status]
    if plan.period_label:
        first.insert(
            0, _("Période%(nbsp)s: %(period)s") % {"nbsp": NBSP, "period": plan.period_label}
        )
    counts = tree.count_by_kind()
    sizes = [
        count_label(counts[kind], plan.level_name(kind), plan.level_name(kind, plural=True))
        for kind in PlanNode.Kind.values
        if counts[kind]
    ]
    facts = [" · ".join(first)]
    if sizes:
        facts.append(", ".join(sizes) + ".")
    if drafts:
        facts.append(_("Document de travail : il comprend les éléments non publiés."))
    return facts


def _entries(
    tree: PlanTree,
    entries: list[TreeEntry],
    places: Places,
    *,
    action_depth: int,
    parent_communes: list[str] | None = None,
) -> list[Entry]:
    """Each node at its home only: a shared placement is told by a note at the home. A
    sub-action names its communes only when they are not its action's."""
    written = []
    for tree_entry in entries:
        if tree_entry.shared:
            continue
        node = tree_entry.node
        is_action = node.kind == PlanNode.Kind.ACTION
        entry = Entry(
            node=node,
            text=node_text(node),
            heading=0 if is_action else HEADING_LEVELS[node.kind],
            list_depth=action_depth if is_action else -1,
            paragraphs=paragraphs(node.description),
        )
        if tree.drafts and not node.is_published:
            entry.notes.append(_("Non publié."))
        communes = places.communes.get(node.pk) if is_action else None
        if communes and communes != parent_communes:
            entry.notes.append(_("Communes : %s.") % ", ".join(communes))
        others = tree.shared_parents.get(node.pk)
        if others:
            entry.notes.append(_("Aussi sous : %s.") % " ; ".join(node_text(p) for p in others))
        entry.children = _entries(
            tree,
            tree_entry.children,
            places,
            action_depth=action_depth + is_action,
            parent_communes=communes if is_action else None,
        )
        written.append(entry)
    return written
