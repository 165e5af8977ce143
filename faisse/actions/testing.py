"""Builders for tests of the apps built on action sheets."""

from datetime import date
from decimal import Decimal

from faisse.actions.models import ActionSheet, BudgetLine, Funding, Milestone, Organisation
from faisse.plans.models import PlanNode


def make_sheet(node: PlanNode, **fields) -> ActionSheet:
    sheet, _created = ActionSheet.objects.update_or_create(
        node=node,
        defaults={"plan_id": node.plan_id, "territory_id": node.territory_id, **fields},
    )
    return sheet


def add_budget(sheet: ActionSheet, kind: str, nature: str, year: int | None, amount) -> BudgetLine:
    return BudgetLine.objects.create(
        sheet=sheet,
        plan_id=sheet.plan_id,
        territory_id=sheet.territory_id,
        kind=kind,
        nature=nature,
        year=year,
        amount=Decimal(amount),
    )


def add_funding(sheet: ActionSheet, amount, *financers: str, position: int = 1) -> Funding:
    funding = Funding.objects.create(sheet=sheet, amount=Decimal(amount), position=position)
    for name in financers:
        organisation, _ = Organisation.objects.get_or_create(
            territory_id=sheet.territory_id, name=name
        )
        funding.financers.add(organisation)
    return funding


def add_milestones(sheet: ActionSheet, *specs: tuple[str, bool, date | None]) -> list[Milestone]:
    return [
        Milestone.objects.create(sheet=sheet, position=i, title=title, done=done, due_on=due)
        for i, (title, done, due) in enumerate(specs)
    ]
