"""Progress roll-up, lateness and budgets, against values computed by hand
(docs/plan-life-design.md §5), including after a move, a merge and a deletion."""

from datetime import date
from decimal import Decimal

import pytest

from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import ActionSheet, BudgetLine
from faisse.actions.testing import add_budget, add_funding, add_milestones, make_sheet
from faisse.plans.merging import merge
from faisse.plans.models import Plan, PlanNode, SharedPlacement
from faisse.plans.structure import move_under
from faisse.plans.tree import PlanTree
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
Kind = PlanNode.Kind
TODAY = date(2025, 6, 30)


def node(plan, kind, title, parent=None, weight=1, position=0, **fields):
    return PlanNode.objects.create(
        plan=plan,
        territory=plan.territory,
        kind=kind,
        title=title,
        parent=parent,
        weight=weight,
        position=position,
        **fields,
    )


@pytest.fixture
def world():
    """Axis A: O1 (weight 1) holds a1 at 50 and a2 done; O2 (weight 3) holds a3 at 20
    (weight 1) and a4 to come (weight 3)."""
    plan = Plan.objects.create(territory=make_territory(), title="Projet")
    axis = node(plan, Kind.AXIS, "A")
    o1 = node(plan, Kind.ORIENTATION, "O1", axis, position=1)
    o2 = node(plan, Kind.ORIENTATION, "O2", axis, weight=3, position=2)
    a1 = node(plan, Kind.ACTION, "Rénover les écoles du bassin", o1, position=1)
    a2 = node(plan, Kind.ACTION, "a2", o1, position=2)
    a3 = node(plan, Kind.ACTION, "Rénover les écoles du bassin alésien", o2, position=1)
    a4 = node(plan, Kind.ACTION, "a4", o2, weight=3, position=2)
    make_sheet(a1, progress=50, progress_source="manual", status="in_progress")
    make_sheet(a2, status="done")
    make_sheet(a3, progress=20, progress_source="manual", status="in_progress")
    make_sheet(a4, status="planned")
    return {
        "plan": plan,
        "A": axis,
        "O1": o1,
        "O2": o2,
        "a1": a1,
        "a2": a2,
        "a3": a3,
        "a4": a4,
    }


def follow_up(world, drafts=True):
    return PlanFollowUp.load(PlanTree.load(world["plan"], drafts=drafts), today=TODAY)


def fresh(n):
    return PlanNode.objects.get(pk=n.pk)


def progress_of(world, *names):
    figures = follow_up(world)
    return [figures.progress(fresh(world[name])) for name in names]


def test_progress_rolls_up_by_weights(world):
    assert progress_of(world, "O1", "O2", "A") == [75, 5, 22.5]


def test_roll_up_is_right_after_a_move(world):
    move_under(fresh(world["a1"]), fresh(world["O2"]))
    assert progress_of(world, "O1", "O2", "A") == [100, 14, 35.5]


def test_roll_up_is_right_after_a_merge_and_a_deletion(world):
    kept = merge(fresh(world["a1"]), fresh(world["a3"]))
    assert kept.pk == world["a1"].pk
    assert SharedPlacement.objects.filter(node=kept, parent=world["O2"]).exists()
    assert progress_of(world, "O1", "O2", "A") == [75, 12.5, 28.125]
    fresh(world["a4"]).delete()
    assert progress_of(world, "O1", "O2", "A") == [75, 50, 56.25]


def test_an_abandoned_action_leaves_the_roll_up_like_a_deleted_one(world):
    ActionSheet.objects.filter(node=world["a4"]).update(status="abandoned")
    assert progress_of(world, "O2") == [20]


def test_weight_zero_and_an_empty_node_change_nothing(world):
    node(world["plan"], Kind.ORIENTATION, "O3", world["A"], position=3)
    PlanNode.objects.filter(pk=world["a2"].pk).update(weight=0)
    figures = follow_up(world)
    assert figures.progress(PlanNode.objects.get(title="O3")) is None
    assert figures.progress(fresh(world["O1"])) == 50
    assert figures.progress(fresh(world["A"])) == (50 + 3 * 5) / 4


def test_progress_from_milestones_and_from_sub_actions(world):
    plan, o1 = world["plan"], world["O1"]
    with_steps = node(plan, Kind.ACTION, "Par étapes", o1, position=5)
    add_milestones(
        make_sheet(with_steps),
        ("Étude", True, None),
        ("Marché", False, None),
        ("Travaux", False, None),
        ("Réception", False, None),
    )
    parent = node(plan, Kind.ACTION, "Par sous-actions", o1, position=6)
    node(plan, Kind.ACTION, "Sous-action faite", parent, position=1, is_published=True)
    make_sheet(PlanNode.objects.get(title="Sous-action faite"), status="done")
    node(plan, Kind.ACTION, "Sous-action à venir", parent, position=2)
    figures = follow_up(world)
    assert figures.progress(with_steps) == 25
    assert figures.progress(parent) == 50
    ActionSheet.objects.filter(node=with_steps).update(status="done")
    assert follow_up(world).progress(with_steps) == 100


def test_an_unpublished_action_counts_for_members_only(world):
    PlanNode.objects.filter(pk=world["a2"].pk).update(is_published=False)
    assert follow_up(world, drafts=True).progress(fresh(world["O1"])) == 75
    assert follow_up(world, drafts=False).progress(fresh(world["O1"])) == 50


@pytest.mark.parametrize(
    "end, status, continuous, late",
    [
        (date(2025, 6, 29), "in_progress", False, True),
        (date(2025, 6, 30), "in_progress", False, False),  # ends today: not late yet
        (date(2026, 1, 1), "late", False, True),  # said late
        (date(2025, 1, 1), "done", False, False),
        (date(2025, 1, 1), "abandoned", False, False),
        (date(2025, 1, 1), "in_progress", True, False),  # continuous
        (None, "in_progress", False, False),
    ],
)
def test_lateness(world, end, status, continuous, late):
    make_sheet(world["a1"], end_date=end, status=status, continuous=continuous)
    assert follow_up(world).is_late(fresh(world["a1"])) is late


def test_due_soon_by_end_date_or_milestone(world):
    make_sheet(world["a1"], end_date=date(2025, 7, 20))
    add_milestones(make_sheet(world["a3"]), ("Marché", False, date(2025, 7, 10)))
    make_sheet(world["a4"], end_date=date(2025, 9, 1))
    figures = follow_up(world)
    assert [figures.is_due_soon(fresh(world[n])) for n in ("a1", "a3", "a4")] == [
        True,
        True,
        False,
    ]


def test_budgets_sum_distinct_actions(world):
    x, y = world["a1"], world["a3"]
    sheet = make_sheet(x)
    add_budget(sheet, BudgetLine.Kind.INVESTMENT, "planned", 2024, 100_000)
    add_budget(sheet, BudgetLine.Kind.INVESTMENT, "planned", 2025, 50_000)
    add_budget(sheet, BudgetLine.Kind.OPERATION, "planned", 2025, 10_000)
    add_budget(sheet, BudgetLine.Kind.INVESTMENT, "actual", 2024, 90_000)
    add_funding(sheet, 40_000, "Région")
    add_funding(sheet, 30_000, "État", position=2)
    make_sheet(y, budget_total=Decimal("124566"))
    # x shown a second time under O2: it must count once
    SharedPlacement.objects.create(
        plan=world["plan"], territory=world["plan"].territory, node=x, parent=world["O2"]
    )
    figures = follow_up(world)
    budget_x = figures.budget(fresh(x))
    assert (budget_x.planned, budget_x.actual, budget_x.funded) == (160_000, 90_000, 70_000)
    assert budget_x.by_year[2024] == {"planned": 100_000, "actual": 90_000}
    assert budget_x.by_year[2025] == {"planned": 60_000}
    assert budget_x.by_kind["investment"]["planned"] == 150_000
    axis = figures.budget(fresh(world["A"]))
    assert axis.planned == Decimal("284566")
    assert axis.by_year[None]["planned"] == Decimal("124566")
    assert axis.years == [2024, 2025, None]
    assert figures.budget().planned == Decimal("284566")


def test_loading_costs_the_same_queries_whatever_the_plan(world, django_assert_num_queries):
    tree = PlanTree.load(world["plan"], drafts=True)
    with django_assert_num_queries(4):
        figures = PlanFollowUp.load(tree, today=TODAY)
    with django_assert_num_queries(2):
        figures.pilots, figures.programmes  # noqa: B018
    with django_assert_num_queries(0):
        figures.progress(tree.roots[0].node)
        figures.budget()
