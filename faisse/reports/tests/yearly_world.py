"""A small plan whose yearly figures are computed by hand in test_yearly_data.py.

Axis 1 (orientations 1.1 and 1.2) and axis 2; today is 6 March 2026, the report is 2025's.

- a1 (1.1), Réalisé: → À venir 01/03/2024; → En cours 10/02/2025 (public note); → Réalisé
  20/11/2025 (internal note). On 31/12/2025: Réalisé, done during 2025; progress 100.
- a2 (1.1), En cours, 60 % by hand: À venir → En cours and 20 → 60 % on 01/03/2026. On
  31/12/2025: À venir (the status before its first change), 20 %.
- a3 (1.2), En pause, 50 % by hand, ends 30/06/2025, no update: late on 31/12/2025.
- a6 (1.2), En cours, progress from milestones done 05/05/2025 and 10/01/2026: 50 %.
- a4 (axis 2), Réalisé since 01/05/2023; milestones done 02/04/2025 and 01/12/2024: 100 %,
  not done during 2025.
- a5 (axis 2, unpublished), En cours, 30 % by hand; À venir → En cours 01/06/2025 (public
  note): in the working document only.

Progress: 1.1 = 60, 1.2 = 50, axis 1 = 55; axis 2 = 100 (65 with a5); plan 77.5 (60).
Budgets: a1 investment planned 100 000 / actual 80 000 in 2025, operation planned 10 000 in
2024, fundings 30 000 (2025) and 5 000 (2024); a3 operation actual 7 000 in 2025; a4 a
total of 50 000 without lines. Indicator: baseline 100 (2019), targets 120 (2020) and 200
(2025); values 150 (2024), 170 (30/06/2025), 190 (01/03/2026, after the report).
"""

from datetime import date

from faisse.actions.models import ActionUpdate, Milestone
from faisse.actions.testing import add_budget, add_funding, make_sheet
from faisse.indicators.testing import make_indicator
from faisse.plans.models import Plan, PlanNode
from faisse.territories.testing import make_territory

TODAY = date(2026, 3, 6)
Kind = PlanNode.Kind


def _node(plan, kind, title, parent=None, number="", position=0, **fields):
    return PlanNode.objects.create(
        plan=plan,
        territory=plan.territory,
        kind=kind,
        title=title,
        parent=parent,
        number=number,
        position=position,
        **fields,
    )


def _update(sheet, on, old="", new="", note="", public=False, **fields):
    return ActionUpdate.objects.create(
        sheet=sheet,
        plan_id=sheet.plan_id,
        territory_id=sheet.territory_id,
        on=on,
        old_status=old,
        new_status=new,
        note=note,
        is_public=public,
        **fields,
    )


def build_world() -> dict:
    territory = make_territory("Agglo des Faïsses")
    plan = Plan.objects.create(
        territory=territory, title="Projet des Faïsses", period_start=2020, period_end=2030
    )
    axis1 = _node(plan, Kind.AXIS, "Attractivité", number="1", position=1)
    axis2 = _node(plan, Kind.AXIS, "Solidarités", number="2", position=2)
    o11 = _node(plan, Kind.ORIENTATION, "Accueillir", axis1, "1.1", 1)
    o12 = _node(plan, Kind.ORIENTATION, "Former", axis1, "1.2", 2)
    a1 = _node(plan, Kind.ACTION, "Créer une pépinière", o11, position=1)
    a2 = _node(plan, Kind.ACTION, "Animer un réseau", o11, position=2)
    a3 = _node(plan, Kind.ACTION, "Ouvrir un campus", o12, position=1)
    a6 = _node(plan, Kind.ACTION, "Former aux métiers du bois", o12, position=2)
    a4 = _node(plan, Kind.ACTION, "Rénover les écoles", axis2, position=1)
    a5 = _node(plan, Kind.ACTION, "Projet en préparation", axis2, position=2, is_published=False)

    s1 = make_sheet(a1, status="done")
    _update(s1, date(2024, 3, 1), "", "planned")
    _update(s1, date(2025, 2, 10), "planned", "in_progress", "Lancement du chantier.", True)
    _update(s1, date(2025, 11, 20), "in_progress", "done", "Réception des travaux.", False)
    add_budget(s1, "investment", "planned", 2025, 100_000)
    add_budget(s1, "investment", "actual", 2025, 80_000)
    add_budget(s1, "operation", "planned", 2024, 10_000)
    for amount, financer, year in ((30_000, "Région", 2025), (5_000, "Département", 2024)):
        funding = add_funding(s1, amount, financer, position=year - 2023)
        funding.year = year
        funding.save()

    s2 = make_sheet(a2, status="in_progress", progress=60, progress_source="manual")
    _update(s2, date(2026, 3, 1), "planned", "in_progress", old_progress=20, new_progress=60)

    s3 = make_sheet(
        a3, status="paused", progress=50, progress_source="manual", end_date=date(2025, 6, 30)
    )
    add_budget(s3, "operation", "actual", 2025, 7_000)

    s6 = make_sheet(a6, status="in_progress")
    Milestone.objects.create(
        sheet=s6, position=1, title="Premier module", done=True, done_on=date(2025, 5, 5)
    )
    Milestone.objects.create(
        sheet=s6, position=2, title="Second module", done=True, done_on=date(2026, 1, 10)
    )

    s4 = make_sheet(a4, status="done", budget_total=50_000)
    _update(s4, date(2023, 5, 1), "in_progress", "done")
    Milestone.objects.create(
        sheet=s4, position=1, title="Étude rendue", done=True, done_on=date(2025, 4, 2)
    )
    Milestone.objects.create(
        sheet=s4, position=2, title="Diagnostic", done=True, done_on=date(2024, 12, 1)
    )

    s5 = make_sheet(a5, status="in_progress", progress=30, progress_source="manual")
    _update(s5, date(2025, 6, 1), "planned", "in_progress", "Note du brouillon.", True)

    published = make_indicator(
        territory,
        plan=plan,
        title="Pistes cyclables",
        unit="km",
        baseline=(2019, 100),
        targets={2020: 120, 2025: 200},
        values={2024: 150, date(2025, 6, 30): 170, date(2026, 3, 1): 190},
    )
    hidden = make_indicator(
        territory,
        plan=plan,
        title="Indicateur en préparation",
        is_published=False,
        values={2025: 3},
    )
    return {
        "territory": territory,
        "plan": plan,
        "axes": (axis1, axis2),
        "actions": {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5, "a6": a6},
        "indicators": (published, hidden),
    }
