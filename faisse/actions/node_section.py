"""The follow-up of a plan element on its public page: progress (every kind), and for an
action its sheet — status, dates, milestones, dated notes, programmes, SDGs; for members
also the people, organisations and budget. Registered with `plans.node_sections`.

The progress of an axis or an orientation needs its whole subtree: the section reads the
plan's follow-up (PlanFollowUp: 4 queries) over the tree the page has already loaded,
then, for an action, its milestones and updates (2), and for members its people and
fundings (5): constant whatever the plan's size.
"""

from django.db.models import Prefetch

from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import SDG, ActionSheet, ActionUpdate, Milestone
from faisse.plans.models import PlanNode
from faisse.plans.node_sections import NodeSection
from faisse.plans.tree import PlanTree


def node_section(node: PlanNode, *, drafts: bool = False, tree=None) -> NodeSection | None:
    tree = tree or PlanTree.load(node.plan, drafts=drafts)
    shown = tree.by_id.get(node.pk)
    if shown is None:
        return None
    figures = PlanFollowUp.load(tree)
    if not figures.sheets:  # a plan not followed up yet: no figures to show
        return None
    actions = [tree.by_id[pk] for pk in figures.actions_under(shown) if pk != node.pk]
    context = {
        "progress": figures.progress(shown),
        "drafts": drafts,
        "status_counts": _status_counts(figures, actions),
        "late": [a for a in actions if figures.is_late(a)],
    }
    if node.kind == PlanNode.Kind.ACTION:
        context.update(_action(node, figures, drafts))
    elif context["progress"] is None and not actions:
        return None
    return NodeSection("actions/node_section.html", context, order=20)


def _status_counts(figures: PlanFollowUp, actions) -> list[tuple[str, int]]:
    counts = figures.status_counts(actions)
    ordered = [value for value, _label in statuses.CHOICES] + [""]
    return [(statuses.label(value), counts[value]) for value in ordered if counts.get(value)]


def _action(node: PlanNode, figures: PlanFollowUp, drafts: bool) -> dict:
    sheet = figures.sheets.get(node.pk)
    if sheet is None:
        return {"sheet": ActionSheet.for_node(node), "is_late": False}
    updates = ActionUpdate.objects.filter(sheet=sheet).select_related("author")
    if not drafts:
        updates = updates.filter(is_public=True)
    context = {
        "sheet": sheet,
        "is_late": figures.is_late(node),
        "milestones": list(Milestone.objects.filter(sheet=sheet)),
        "updates": list(updates[:10]),
        "programmes": figures.programmes.get(node.pk, []),
        "sdgs": [SDG(n).label for n in sheet.sdgs if n in SDG.values],
    }
    if drafts:
        with_people = ActionSheet.objects.filter(pk=sheet.pk).prefetch_related(
            "lead_structures",
            "lead_services",
            "partners",
            "elected_referents",
            Prefetch("fundings__financers"),
        )
        full = with_people.get()
        context.update(
            {
                "people": full,
                "fundings": list(full.fundings.all()),
                "budget": figures.budget(node),
            }
        )
    return context
