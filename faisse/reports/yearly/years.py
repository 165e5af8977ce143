"""The years a report can be edited for: from the plan's first year to the current one.

A report of a year to come would tell nothing; a report of a year before the plan began
would tell only what its first actions did before being part of it. A plan without a
first year starts from its adoption, else from the earliest dated update, else from the
current year."""

from datetime import date

from faisse.actions.models import ActionUpdate
from faisse.plans.models import Plan


def report_years(plan: Plan, today: date) -> list[int]:
    first = plan.period_start or (plan.adopted_on.year if plan.adopted_on else None)
    if first is None:
        earliest = ActionUpdate.objects.filter(plan=plan).order_by("on").first()
        first = earliest.on.year if earliest else today.year
    first = min(first, today.year)
    return list(range(first, today.year + 1))


def default_year(years: list[int], today: date) -> int:
    """The last whole year, when the plan had begun by then; else the current year."""
    return today.year - 1 if today.year - 1 in years else years[-1]
