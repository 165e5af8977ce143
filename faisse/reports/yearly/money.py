"""The report's budgets: the year's amounts and the whole plan's, by axis, year and kind.

`PlanFollowUp` gives each node's budget over all years (planned, actual, funded, and
planned/actual by year or by kind). The year's amounts by kind and the fundings by year
are two more aggregate queries here. Amounts are € HT; an action shown in two places
counts once (its distinct actions are summed).
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from faisse.actions.follow_up import ZERO, Budget
from faisse.actions.models import BudgetLine, Funding

Nature = BudgetLine.Nature


@dataclass
class Money:
    planned: Decimal = ZERO
    actual: Decimal = ZERO
    funded: Decimal = ZERO

    def __add__(self, other: "Money") -> "Money":
        return Money(
            self.planned + other.planned, self.actual + other.actual, self.funded + other.funded
        )

    @property
    def is_empty(self) -> bool:
        return not (self.planned or self.actual or self.funded)


class YearMoney:
    """By node pk: the year's lines by kind and nature, and the fundings by year."""

    def __init__(self, plan, year: int):
        self.year = year
        self.lines: dict[int, dict[str, dict[str, Decimal]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(Decimal))
        )
        rows = (
            BudgetLine.objects.filter(plan=plan, year=year)
            .values_list("sheet__node_id", "kind", "nature")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        for node_id, kind, nature, total in rows:
            self.lines[node_id][kind][nature] += total
        self.fundings: dict[int, dict[int | None, Decimal]] = defaultdict(
            lambda: defaultdict(Decimal)
        )
        rows = (
            Funding.objects.filter(sheet__plan=plan)
            .values_list("sheet__node_id", "year")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        for node_id, funding_year, total in rows:
            self.fundings[node_id][funding_year] += total or ZERO

    def of_year(self, node_ids) -> Money:
        """The year's planned and actual lines and the fundings dated that year."""
        found = Money()
        for pk in node_ids:
            for amounts in self.lines.get(pk, {}).values():
                found.planned += amounts.get(Nature.PLANNED, ZERO)
                found.actual += amounts.get(Nature.ACTUAL, ZERO)
            found.funded += self.fundings.get(pk, {}).get(self.year, ZERO)
        return found

    def of_year_by_kind(self, node_ids) -> dict[str, Money]:
        found: dict[str, Money] = {kind: Money() for kind in BudgetLine.Kind.values}
        for pk in node_ids:
            for kind, amounts in self.lines.get(pk, {}).items():
                found[kind].planned += amounts.get(Nature.PLANNED, ZERO)
                found[kind].actual += amounts.get(Nature.ACTUAL, ZERO)
        return found

    def funded_by_year(self, node_ids) -> dict[int | None, Decimal]:
        found: dict[int | None, Decimal] = defaultdict(Decimal)
        for pk in node_ids:
            for year, amount in self.fundings.get(pk, {}).items():
                found[year] += amount
        return found


def total(budget: Budget) -> Money:
    return Money(budget.planned, budget.actual, budget.funded)


def by_year(budget: Budget, funded: dict[int | None, Decimal]) -> list[tuple[int | None, Money]]:
    """Every year with an amount, in order, "sans année" (None) last."""
    years = set(budget.by_year) | {year for year, amount in funded.items() if amount}
    rows = []
    for year in sorted(years, key=lambda y: (y is None, y or 0)):
        amounts = budget.by_year.get(year, {})
        rows.append(
            (
                year,
                Money(
                    amounts.get(Nature.PLANNED, ZERO),
                    amounts.get(Nature.ACTUAL, ZERO),
                    funded.get(year, ZERO),
                ),
            )
        )
    return [(year, money) for year, money in rows if not money.is_empty]


def by_kind(budget: Budget) -> dict[str, Money]:
    return {
        kind: Money(
            budget.by_kind.get(kind, {}).get(Nature.PLANNED, ZERO),
            budget.by_kind.get(kind, {}).get(Nature.ACTUAL, ZERO),
        )
        for kind in BudgetLine.Kind.values
    }
