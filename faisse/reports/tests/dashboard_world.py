"""A plan with a follow-up for the dashboard's tests and benchmark: every action gets a
sheet, budget lines, a funding, a programme, a pilot, a lead service, SDGs and a commune
link, in one bulk insert per table whatever the size of the plan (real rows, no mocks).

The figures repeat by the action's rank (i = 0, 1, 2…), so that a test can count them:
- status: STATUSES[i % 8]; priority: PRIORITIES[i % 4]; progress (manual) 10 × (i % 11);
- end date: today − 10 days when i % 5 == 0 (late unless done or abandoned), today + 10
  days when i % 5 == 1 (due soon), else next year;
- planned investment 10 000 € in YEAR and operation 1 000 € in YEAR + 1, actual
  8 000 € in YEAR, a funding of 5 000 €;
- programme: PROGRAMMES[i % 2]; SDGs: [13] when i is even, else [3];
- commune: the (i % communes)-th, except i % 4 == 3 (the whole territory);
- pilot: the given pilot when i % 3 == 0; lead service "Service n° i % 2".
"""

from datetime import timedelta
from decimal import Decimal

from faisse.actions.models import ActionSheet, BudgetLine, Funding, Organisation, Programme
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.territories.models import Commune

STATUSES = (
    "in_progress",
    "planned",
    "done",
    "late",
    "in_progress",
    "paused",
    "abandoned",
    "",
)
PRIORITIES = ("high", "medium", "low", "")
YEAR = 2024
PLANNED_INVESTMENT, PLANNED_OPERATION, ACTUAL, FUNDED = 10_000, 1_000, 8_000, 5_000


def follow_plan(plan, *, today, pilot=None) -> list[PlanNode]:
    """Give every action of `plan` its follow-up (see the module's docstring); returns the
    actions in rank order."""
    territory = plan.territory
    actions = list(PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk"))
    communes = list(Commune.objects.of_territory(territory).order_by("insee"))
    programmes = [
        Programme.objects.get_or_create(territory=territory, name=name, defaults={"kind": kind})[0]
        for name, kind in (("CRTE du bassin", "crte"), ("Petites villes de demain", "pvd"))
    ]
    services = [
        Organisation.objects.get_or_create(territory=territory, name=f"Service n° {n}")[0]
        for n in range(2)
    ]
    sheets = ActionSheet.objects.bulk_create(
        ActionSheet(
            node=node,
            plan=plan,
            territory=territory,
            status=STATUSES[i % len(STATUSES)],
            priority=PRIORITIES[i % len(PRIORITIES)],
            progress=10 * (i % 11),
            progress_source=ActionSheet.ProgressSource.MANUAL,
            end_date=_end(i, today),
            sdgs=[13] if i % 2 == 0 else [3],
        )
        for i, node in enumerate(actions)
    )
    lines, fundings = [], []
    for sheet in sheets:
        common = {"sheet": sheet, "plan": plan, "territory": territory}
        lines += [
            BudgetLine(**common, kind="investment", nature="planned", year=YEAR,
                       amount=Decimal(PLANNED_INVESTMENT)),
            BudgetLine(**common, kind="operation", nature="planned", year=YEAR + 1,
                       amount=Decimal(PLANNED_OPERATION)),
            BudgetLine(**common, kind="investment", nature="actual", year=YEAR,
                       amount=Decimal(ACTUAL)),
        ]  # fmt: skip
        fundings.append(Funding(sheet=sheet, position=1, amount=Decimal(FUNDED), year=YEAR))
    BudgetLine.objects.bulk_create(lines)
    Funding.objects.bulk_create(fundings)
    ActionSheet.programmes.through.objects.bulk_create(
        ActionSheet.programmes.through(actionsheet=sheet, programme=programmes[i % 2])
        for i, sheet in enumerate(sheets)
    )
    ActionSheet.lead_services.through.objects.bulk_create(
        ActionSheet.lead_services.through(actionsheet=sheet, organisation=services[i % 2])
        for i, sheet in enumerate(sheets)
    )
    if communes:
        CommuneLink.objects.bulk_create(
            CommuneLink(
                territory=territory,
                plan=plan,
                node=node,
                commune=communes[i % len(communes)],
                origin=CommuneLink.Origin.CONFIRMED,
                evidence=communes[i % len(communes)].name,
            )
            for i, node in enumerate(actions)
            if i % 4 != 3
        )
    if pilot is not None:
        PlanNode.pilots.through.objects.bulk_create(
            PlanNode.pilots.through(plannode=node, user=pilot)
            for i, node in enumerate(actions)
            if i % 3 == 0
        )
    return actions


def _end(i: int, today):
    if i % 5 == 0:
        return today - timedelta(days=10)
    if i % 5 == 1:
        return today + timedelta(days=10)
    return today.replace(year=today.year + 1, day=1)
