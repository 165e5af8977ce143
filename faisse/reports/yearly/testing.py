"""A plausible follow-up for any plan, to test, time and look at the yearly report until
the demo carries its own (faisse/actions/demo.py). ILLUSTRATIVE: seeded, invented figures.

    add_sample_follow_up(plan, year=2025)   # sheets, dated updates, milestones, budgets,
                                            # fundings and six indicators, 2018 → year
It writes in bulk (a few inserts per table whatever the plan's size) and records no
history: the report reads the rows, not their history.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from faisse.actions.models import ActionSheet, ActionUpdate, BudgetLine, Funding, Milestone
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode

FIRST_YEAR = 2018
# Final status: (weight, the statuses it went through before, oldest first).
STORIES = {
    "done": (30, ["planned", "in_progress"]),
    "in_progress": (35, ["planned"]),
    "late": (8, ["planned", "in_progress"]),
    "blocked": (4, ["in_progress"]),
    "planned": (15, []),
    "paused": (4, ["in_progress"]),
    "abandoned": (2, ["to_discuss"]),
    "to_discuss": (2, []),
}
NOTES = (
    "Réunion du comité de pilotage : le calendrier est confirmé.",
    "Le marché de travaux est attribué ; démarrage du chantier au printemps.",
    "Convention signée avec la Région et le Département.",
    "Concertation avec les habitants : trois ateliers, 120 participants.",
    "Retard dû à l’instruction du permis ; nouvelle échéance fixée.",
    "Étude de faisabilité rendue, le scénario 2 est retenu par le bureau.",
)
MILESTONES = ("Étude préalable", "Concertation", "Choix du prestataire", "Travaux", "Inauguration")


def _day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def add_sample_follow_up(plan, *, year: int = 2025, seed: int = 2025, later: bool = True):
    """Follow-up up to 31 December of `year`; with `later`, a few changes dated the next
    year too (the report must leave them out)."""
    rng = random.Random(seed)
    actions = list(PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk"))
    names = list(STORIES)
    weights = [STORIES[name][0] for name in names]
    sheets, stories = [], []
    for node in actions:
        final = rng.choices(names, weights)[0]
        start = rng.randint(FIRST_YEAR, year)
        end = date(rng.randint(start, year + 4), 12, 31)
        sheets.append(
            ActionSheet(
                node=node,
                plan=plan,
                territory_id=plan.territory_id,
                status=final,
                start_date=date(start, 1, 1),
                end_date=end,
                priority=rng.choice(["high", "medium", "low", ""]),
                continuous=rng.random() < 0.05,
                budget_total=Decimal(rng.randrange(5, 400) * 1000) if rng.random() < 0.1 else None,
            )
        )
        stories.append((final, start))
    ActionSheet.objects.bulk_create(sheets)
    updates, milestones, lines, fundings = [], [], [], []
    for sheet, (final, start) in zip(sheets, stories, strict=True):
        chain = [*STORIES[final][1], final]
        days = sorted(_day(rng, rng.randint(start, year)) for _ in chain)
        old = ""
        for status, on in zip(chain, days, strict=True):
            updates.append(_update(sheet, on, old, status, rng))
            old = status
        if later and final in ("in_progress", "late") and rng.random() < 0.2:
            sheet_status = "done"
            updates.append(_update(sheet, _day(rng, year + 1), final, sheet_status, rng))
            sheet.status = sheet_status
        for position, title in enumerate(rng.sample(MILESTONES, rng.randint(2, 4))):
            due = _day(rng, rng.randint(start, year + 2))
            done = due.year <= year and (final == "done" or rng.random() < 0.6)
            milestones.append(
                Milestone(
                    sheet=sheet,
                    position=position,
                    title=title,
                    due_on=due,
                    done=done,
                    done_on=min(due, date(year, 12, 31)) if done else None,
                )
            )
        kind = rng.choice(BudgetLine.Kind.values)
        for budget_year in range(start, min(sheet.end_date.year, year + 2) + 1):
            planned = Decimal(rng.randrange(5, 300) * 1000)
            lines.append(_line(sheet, kind, "planned", budget_year, planned))
            if budget_year <= year:
                spent = (planned * Decimal(rng.uniform(0.6, 1.1))).quantize(Decimal(1))
                lines.append(_line(sheet, kind, "actual", budget_year, spent))
        if rng.random() < 0.5:
            fundings.append(
                Funding(
                    sheet=sheet,
                    position=1,
                    amount=Decimal(rng.randrange(5, 150) * 1000),
                    year=rng.randint(start, year),
                )
            )
    ActionSheet.objects.bulk_update([s for s in sheets if s.status == "done"], ["status"])
    ActionUpdate.objects.bulk_create(updates)
    Milestone.objects.bulk_create(milestones)
    BudgetLine.objects.bulk_create(lines)
    Funding.objects.bulk_create(fundings)
    _indicators(plan, year, rng, actions)
    return sheets


def _update(sheet, on, old, new, rng) -> ActionUpdate:
    note = rng.choice(NOTES) if rng.random() < 0.5 else ""
    return ActionUpdate(
        sheet=sheet,
        plan_id=sheet.plan_id,
        territory_id=sheet.territory_id,
        on=on,
        old_status=old,
        new_status=new,
        note=note,
        is_public=bool(note) and rng.random() < 0.6,
    )


def _line(sheet, kind, nature, year, amount) -> BudgetLine:
    return BudgetLine(
        sheet=sheet,
        plan_id=sheet.plan_id,
        territory_id=sheet.territory_id,
        kind=kind,
        nature=nature,
        year=year,
        amount=amount,
    )


INDICATORS = (
    # title, unit, kind, direction, baseline, target in year+5, yearly drift, decimals
    ("Linéaire de pistes cyclables", "km", "realisation", "increase", 42, 120, 9.0, 0),
    (
        "Logements rénovés (aides de l’agglomération)",
        "logements",
        "result",
        "increase",
        0,
        900,
        70.0,
        0,
    ),
    ("Emplois dans les zones d’activités", "emplois", "impact", "increase", 6200, 7400, 110.0, 0),
    (
        "Consommation d’énergie des bâtiments publics",
        "GWh",
        "result",
        "decrease",
        48.5,
        36.0,
        -1.2,
        1,
    ),
    (
        "Fréquentation des offices de tourisme",
        "visiteurs",
        "impact",
        "increase",
        151000,
        190000,
        2500.0,
        0,
    ),
    ("Part des déchets valorisés", "%", "result", "increase", 31.0, 55.0, 2.1, 1),
)


def _indicators(plan, year, rng, actions) -> None:
    for title, unit, kind, direction, base, goal, drift, decimals in INDICATORS:
        targets = {
            FIRST_YEAR + 3: base + (goal - base) * 0.3,
            year: base + (goal - base) * 0.7,
            year + 5: goal,
        }
        values, value = {}, float(base)
        for value_year in range(FIRST_YEAR + 1, year + 1):
            value += drift * rng.uniform(0.4, 1.4)
            values[value_year] = round(value, decimals)
        make_indicator(
            plan.territory,
            plan=plan,
            title=title,
            unit=unit,
            kind=kind,
            direction=direction,
            decimals=decimals,
            baseline=(FIRST_YEAR, base),
            targets={y: round(v, decimals) for y, v in targets.items()},
            values=values,
            nodes=rng.sample(actions, min(2, len(actions))),
        )
