"""Progress, lateness and budgets of a plan, computed on read.

Nothing here is stored: a roll-up kept in the database would have to be refreshed by
every move, merge, deletion, publication, weight, status or milestone change and every
restore, and missing one of those paths leaves wrong figures (Decidim's results are).
`PlanFollowUp.load` reads the sheets and their aggregates in four queries whatever the
size of the plan (pilots and programmes: one more each, when asked); everything else is
computed in memory over the `PlanTree` it is given, so the public (published elements
only) and the members each get the figures of the tree they see.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from django.db.models import Sum
from django.utils import timezone

from faisse.actions import statuses
from faisse.actions.models import ActionSheet, BudgetLine, Funding, Milestone
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree

ZERO = Decimal(0)
DUE_SOON_DAYS = 30
Kind, Nature = BudgetLine.Kind, BudgetLine.Nature
Source = ActionSheet.ProgressSource


@dataclass
class Budget:
    """Amounts in € HT. `by_year[year][nature]`, year None = "sans année"."""

    planned: Decimal = ZERO
    actual: Decimal = ZERO
    funded: Decimal = ZERO
    by_year: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(Decimal)))
    by_kind: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(Decimal)))

    def add(self, other: "Budget") -> None:
        self.planned += other.planned
        self.actual += other.actual
        self.funded += other.funded
        for table, others in ((self.by_year, other.by_year), (self.by_kind, other.by_kind)):
            for key, amounts in others.items():
                for nature, amount in amounts.items():
                    table[key][nature] += amount

    @property
    def is_empty(self) -> bool:
        return not (self.planned or self.actual or self.funded)

    @property
    def years(self) -> list:
        """The years with an amount, "sans année" (None) last."""
        return sorted(self.by_year, key=lambda year: (year is None, year or 0))


@dataclass
class MilestoneCount:
    total: int = 0
    done: int = 0
    next_due: date | None = None  # the earliest undone milestone's date
    late: int = 0


class PlanFollowUp:
    def __init__(self, tree, sheets, milestones, lines, fundings, *, today):
        self.tree = tree
        self.today = today
        self.sheets: dict[int, ActionSheet] = {sheet.node_id: sheet for sheet in sheets}
        self.milestones = milestones
        self._budgets = self._action_budgets(lines, fundings)
        self._progress: dict[int, float | None] = {}
        self._actions_under: dict[int, frozenset[int]] = {}

    @classmethod
    def load(cls, tree: PlanTree, *, today: date | None = None) -> "PlanFollowUp":
        """Four queries: sheets, milestones, budget sums, funding sums (pilots and
        programmes are read on first use, one query each)."""
        plan = tree.plan
        sheets = list(ActionSheet.objects.filter(plan=plan))
        by_sheet = {sheet.pk: sheet.node_id for sheet in sheets}
        today = today or timezone.localdate()
        milestones: dict[int, MilestoneCount] = defaultdict(MilestoneCount)
        rows = Milestone.objects.filter(sheet__plan=plan).values_list("sheet_id", "due_on", "done")
        for sheet_id, due_on, done in rows:
            count = milestones[by_sheet[sheet_id]]
            count.total += 1
            count.done += done
            if not done and due_on:
                count.late += due_on < today
                if count.next_due is None or due_on < count.next_due:
                    count.next_due = due_on
        lines = (
            BudgetLine.objects.filter(plan=plan)
            .values_list("sheet_id", "kind", "nature", "year")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        lines = [(by_sheet[sheet_id], *rest) for sheet_id, *rest in lines]
        fundings = (
            Funding.objects.filter(sheet__plan=plan)
            .values_list("sheet_id")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        fundings = {by_sheet[sheet_id]: total or ZERO for sheet_id, total in fundings}
        return cls(tree, sheets, milestones, lines, fundings, today=today)

    @cached_property
    def pilots(self) -> dict[int, list]:
        """{action id: [its pilots]}, in one query."""
        pilots = defaultdict(list)
        through = PlanNode.pilots.through.objects.filter(plannode__plan=self.tree.plan)
        ordered = through.select_related("user").order_by("user__last_name", "user__first_name")
        for link in ordered:
            pilots[link.plannode_id].append(link.user)
        return pilots

    @cached_property
    def programmes(self) -> dict[int, list]:
        """{action id: [its programmes]}, in one query."""
        by_sheet = {sheet.pk: node_id for node_id, sheet in self.sheets.items() if sheet.pk}
        programmes = defaultdict(list)
        links = ActionSheet.programmes.through.objects.filter(actionsheet__plan=self.tree.plan)
        for link in links.select_related("programme").order_by("programme__name"):
            programmes[by_sheet[link.actionsheet_id]].append(link.programme)
        return programmes

    # --- one action -------------------------------------------------------------------

    def sheet(self, node: PlanNode) -> ActionSheet:
        """The action's sheet, or an unsaved one with the defaults (no query)."""
        found = self.sheets.get(node.pk)
        if found is None:
            found = ActionSheet(node=node, plan_id=node.plan_id, territory_id=node.territory_id)
            self.sheets[node.pk] = found
        return found

    def status(self, node: PlanNode) -> str:
        found = self.sheets.get(node.pk)
        return found.status if found else ""

    def sub_actions(self, node: PlanNode) -> list[PlanNode]:
        return [child for child, _ in self.tree.children_of(node) if child.kind == node.kind]

    def is_late(self, node: PlanNode) -> bool:
        """Said late ("En retard"), or past its end date and neither done, abandoned nor
        continuous. An action ending today is not late yet."""
        if node.kind != PlanNode.Kind.ACTION:
            return False
        sheet = self.sheets.get(node.pk)
        if sheet is None:
            return False
        if sheet.status == statuses.Status.LATE:
            return True
        return bool(
            sheet.end_date
            and sheet.end_date < self.today
            and sheet.status not in statuses.CLOSED
            and not sheet.continuous
        )

    def is_due_soon(self, node: PlanNode, days: int = DUE_SOON_DAYS) -> bool:
        """Not late, not closed, and its end or an undone milestone falls in `days` days."""
        sheet = self.sheets.get(node.pk)
        if sheet is None or sheet.status in statuses.CLOSED or self.is_late(node):
            return False
        horizon = self.today + timedelta(days=days)
        milestones = self.milestones.get(node.pk)
        dates = [sheet.end_date, milestones.next_due if milestones else None]
        return any(d and self.today <= d <= horizon for d in dates)

    def counts_in_roll_up(self, node: PlanNode) -> bool:
        return node.weight > 0 and self.status(node) != statuses.Status.ABANDONED

    def progress(self, node: PlanNode) -> float | None:
        """0–100, or None for a node with nothing below it to measure."""
        if node.pk not in self._progress:
            self._progress[node.pk] = None  # a loop through shared placements counts once
            if node.kind == PlanNode.Kind.ACTION:
                value = self._action_progress(node)
            else:
                value = self._weighted(self.tree.children_of(node))
            self._progress[node.pk] = value
        return self._progress[node.pk]

    def _action_progress(self, node: PlanNode) -> float:
        sheet = self.sheets.get(node.pk)
        if sheet is not None and sheet.status == statuses.Status.DONE:
            return 100.0
        source = sheet.progress_source if sheet else Source.AUTO
        stored = float(sheet.progress or 0) if sheet else 0.0
        count = self.milestones.get(node.pk)
        subs = [(child, False) for child in self.sub_actions(node)]
        if source == Source.MANUAL:
            return stored
        if source in (Source.MILESTONES, Source.AUTO) and count and count.total:
            return round(100 * count.done / count.total, 1)
        if source in (Source.SUB_ACTIONS, Source.AUTO) and subs:
            weighted = self._weighted(subs)
            return stored if weighted is None else weighted
        return stored

    def _weighted(self, children) -> float | None:
        total = weights = 0.0
        for child, _shared in children:
            if not self.counts_in_roll_up(child):
                continue
            value = self.progress(child)
            if value is None:
                continue
            total += child.weight * value
            weights += child.weight
        return total / weights if weights else None

    # --- budgets ------------------------------------------------------------------------

    def _action_budgets(self, lines, fundings) -> dict[int, Budget]:
        budgets: dict[int, Budget] = defaultdict(Budget)
        planned_lines = set()
        for node_id, kind, nature, year, total in lines:
            budget = budgets[node_id]
            if nature == Nature.PLANNED:
                budget.planned += total
                planned_lines.add(node_id)
            else:
                budget.actual += total
            budget.by_year[year][nature] += total
            budget.by_kind[kind][nature] += total
        for node_id, sheet in self.sheets.items():
            if node_id not in planned_lines and sheet.budget_total:
                budget = budgets[node_id]
                budget.planned += sheet.budget_total
                budget.by_year[None][Nature.PLANNED] += sheet.budget_total
        for node_id, total in fundings.items():
            budgets[node_id].funded += total
        return budgets

    def actions_under(self, node: PlanNode) -> frozenset[int]:
        """The distinct actions of a node's subtree as shown (shared placements and
        sub-actions included), the node itself when it is an action."""
        if node.pk not in self._actions_under:
            self._actions_under[node.pk] = frozenset()  # loops count once
            found = {node.pk} if node.kind == PlanNode.Kind.ACTION else set()
            for child, _shared in self.tree.children_of(node):
                found |= self.actions_under(child)
            self._actions_under[node.pk] = frozenset(found)
        return self._actions_under[node.pk]

    def budget(self, node: PlanNode | None = None) -> Budget:
        """The budget of a node's distinct actions, or of the whole tree (None): an action
        shown in two places counts once."""
        if node is None:
            ids = set().union(*(self.actions_under(entry.node) for entry in self.tree.roots))
        else:
            ids = self.actions_under(node)
        return self.budget_of(ids)

    def budget_of(self, action_ids) -> Budget:
        """The budget of these actions, each counted once (its own lines only: its
        sub-actions count when they are among the ids)."""
        total = Budget()
        for pk in set(action_ids):
            if pk in self._budgets:
                total.add(self._budgets[pk])
        return total

    # --- the whole plan -----------------------------------------------------------------

    def actions(self) -> list[PlanNode]:
        """The tree's distinct actions, in the plan's order."""
        seen, found = set(), []
        for entry in self.tree.walk():
            node = entry.node
            if node.kind == PlanNode.Kind.ACTION and node.pk not in seen:
                seen.add(node.pk)
                found.append(node)
        return found

    def plan_progress(self) -> float | None:
        return self._weighted((entry.node, False) for entry in self.tree.roots)

    def status_counts(self, nodes=None) -> dict[str, int]:
        found: dict[str, int] = defaultdict(int)
        for node in self.actions() if nodes is None else nodes:
            found[self.status(node)] += 1
        return dict(found)
