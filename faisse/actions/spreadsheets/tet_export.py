"""A Faïsse plan as a TetPlan: what the Territoires en Transitions template carries of it,
for the template's writer (tet_writer) and the round-trip test.

A constant number of queries: the tree (2), the sheets with their organisations, élus,
fundings and their financers, budget lines, milestones and documents (prefetched: 10),
the pilots (1).
"""

from decimal import Decimal

from faisse.actions.models import ActionSheet
from faisse.actions.spreadsheets.tet_import import ORGANISATION_ROLES, PLAIN_FIELDS
from faisse.actions.spreadsheets.tet_model import (
    SheetFields,
    TetDocument,
    TetFunding,
    TetMilestone,
    TetNode,
    TetPlan,
)
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree, TreeEntry


def plan_to_tet(plan: Plan, *, drafts: bool = True) -> TetPlan:
    tree = PlanTree.load(plan, drafts=drafts)
    sheets = {
        sheet.node_id: sheet
        for sheet in ActionSheet.objects.filter(plan=plan).prefetch_related(
            *ORGANISATION_ROLES,
            "elected_referents",
            "fundings__financers",
            "budget_lines",
            "milestones",
            "documents",
        )
    }
    pilots: dict[int, list[str]] = {}
    links = PlanNode.pilots.through.objects.filter(plannode__plan=plan).select_related("user")
    for link in links.order_by("user__last_name", "user__first_name"):
        pilots.setdefault(link.plannode_id, []).append(link.user.get_full_name() or str(link.user))

    def convert(entry: TreeEntry) -> TetNode:
        node = entry.node
        made = TetNode(kind=node.kind, number=node.number, title=node.title)
        if node.kind == PlanNode.Kind.ACTION:
            made.fields = _fields(node, sheets.get(node.pk), pilots.get(node.pk, []))
        made.children = [convert(child) for child in entry.children]
        return made

    level_names = {
        kind: [plan.level_name(kind), plan.level_name(kind, plural=True)]
        for kind in plan.level_names
    }
    return TetPlan(
        title=plan.title,
        nodes=[convert(entry) for entry in tree.roots],
        level_names=level_names,
        period_start=plan.period_start,
        period_end=plan.period_end,
    )


def _fields(node: PlanNode, sheet: ActionSheet | None, pilots: list[str]) -> SheetFields:
    fields = SheetFields(description=node.description, faisse_id=str(node.pk))
    fields.pilot_names = list(pilots)
    if sheet is None:
        return fields
    for name in PLAIN_FIELDS:
        setattr(fields, name, getattr(sheet, name))
    fields.pilot_names += [n for n in sheet.pilot_names if n not in fields.pilot_names]
    elected = [user.get_full_name() or str(user) for user in sheet.elected_referents.all()]
    fields.referent_names = elected + [n for n in sheet.referent_names if n not in elected]
    for role in ORGANISATION_ROLES:
        setattr(fields, role, [o.name for o in getattr(sheet, role).all()])
    fields.fundings = [
        TetFunding(funding.position, [o.name for o in funding.financers.all()], funding.amount)
        for funding in sheet.fundings.all()
    ]
    planned = [line.amount for line in sheet.budget_lines.all() if line.nature == "planned"]
    if planned:  # the template has one total: the planned lines', else the sheet's
        fields.budget_total = sum(planned, Decimal(0))
    fields.milestones = [TetMilestone(m.title, m.done, m.due_on) for m in sheet.milestones.all()]
    fields.documents = [TetDocument(d.title, d.url) for d in sheet.documents.all()]
    return fields
