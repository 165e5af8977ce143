"""The demo's follow-up (faisse/actions/demo.py, faisse/indicators/demo.py): installed
once per module by install_demo, inside a transaction rolled back at the end."""

from collections import Counter
from datetime import date

import pytest
from django.db import transaction
from django.test import override_settings

from faisse.actions.demo import REFERENCE_DAY, draw_follow_up, load_demo_follow_up
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import (
    ActionSheet,
    ActionUpdate,
    BudgetLine,
    Funding,
    Milestone,
    Organisation,
    Programme,
)
from faisse.actions.statuses import TRANSITIONS, Status
from faisse.indicators.demo import INDICATORS, load_demo_indicators
from faisse.indicators.models import Indicator, IndicatorLink, IndicatorTarget, IndicatorValue
from faisse.indicators.targets import load_series
from faisse.manage.demo import DEMO_ACCOUNTS, install_demo
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree

ASKED = {
    Status.DONE: 30,
    Status.IN_PROGRESS: 35,
    Status.LATE: 8,
    Status.BLOCKED: 4,
    Status.PLANNED: 15,
    Status.PAUSED: 4,
    Status.ABANDONED: 2,
    Status.TO_DISCUSS: 2,
}
FOLLOW_UP_MODELS = (
    ActionSheet,
    ActionUpdate,
    BudgetLine,
    Funding,
    Milestone,
    Organisation,
    Programme,
    Indicator,
    IndicatorLink,
    IndicatorTarget,
    IndicatorValue,
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole Alès demo, installed once for this module and rolled back after it."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    folder = tmp_path_factory.mktemp("demo")
    settings = override_settings(DATA_DIR=folder, PASSWORD_HASHERS=fast)
    with django_db_blocker.unblock(), settings, transaction.atomic():
        install_demo()
        yield Plan.objects.get()
        transaction.set_rollback(True)


@pytest.fixture
def plan(demo, db):
    return demo


def sheets(plan):
    return ActionSheet.objects.filter(plan=plan).select_related("node")


def counts():
    return {model.__name__: model.objects.count() for model in FOLLOW_UP_MODELS}


def test_every_published_action_has_a_sheet_and_the_statuses_follow_the_asked_shares(plan):
    published = PlanNode.objects.filter(plan=plan, kind="action", is_published=True)
    found = sheets(plan)
    assert sorted(s.node_id for s in found) == sorted(published.values_list("pk", flat=True))
    shares = Counter(sheet.status for sheet in found)
    for status, asked in ASKED.items():
        assert abs(100 * shares[status] / len(found) - asked) < 1, status
    assert sum(shares.values()) == len(found)


def test_every_recorded_status_move_follows_the_transitions_table(plan):
    updates = ActionUpdate.objects.filter(plan=plan).order_by("sheet", "on", "pk")
    by_sheet = {}
    for update in updates:
        by_sheet.setdefault(update.sheet_id, []).append(update)
    for sheet in sheets(plan):
        status, progress = "", None
        for update in by_sheet[sheet.pk]:
            assert update.old_status == status, (sheet.node.title, update.on)
            assert update.old_progress == progress
            if update.new_status:
                assert update.new_status in TRANSITIONS[status], (sheet.node.title, update.on)
                status = update.new_status
            if update.new_progress is not None:
                progress = update.new_progress
        assert status == sheet.status, sheet.node.title
        if sheet.progress_source == ActionSheet.ProgressSource.MANUAL:
            assert progress == sheet.progress, sheet.node.title


def test_dates_tell_a_coherent_story_up_to_the_end_of_2025(plan):
    for sheet in sheets(plan):
        assert sheet.start_date <= sheet.end_date, sheet.node.title
        assert date(2018, 1, 1) <= sheet.start_date and sheet.end_date <= date(2030, 12, 31)
        if sheet.status == Status.DONE:
            assert sheet.end_date <= REFERENCE_DAY
        if sheet.status in (Status.PLANNED, Status.TO_DISCUSS):
            assert sheet.start_date > REFERENCE_DAY
    days = ActionUpdate.objects.filter(plan=plan).values_list("on", flat=True)
    assert min(days) >= date(2018, 6, 28) and max(days) <= REFERENCE_DAY
    per_year = Counter(day.year for day in days)
    assert all(per_year[year] >= 30 for year in range(2018, 2026)), per_year
    assert per_year[2025] >= 100
    assert ActionUpdate.objects.filter(plan=plan, is_public=True).exists()
    milestones = Milestone.objects.filter(sheet__plan=plan)
    assert all(m.done == (m.done_on is not None) for m in milestones)
    assert all(m.done_on <= REFERENCE_DAY for m in milestones if m.done_on)
    per_sheet = Counter(milestones.values_list("sheet_id", flat=True))
    assert set(per_sheet.values()) <= {2, 3, 4, 5} and len(per_sheet) == sheets(plan).count()


def test_the_dashboards_and_the_2025_report_have_something_to_show(plan):
    follow_up = PlanFollowUp.load(PlanTree.load(plan), today=REFERENCE_DAY)
    actions = follow_up.actions()
    late = [node for node in actions if follow_up.is_late(node)]
    late_by_date = [n for n in late if follow_up.status(n) == Status.IN_PROGRESS]
    assert len(late) >= 10 and late_by_date
    assert all(follow_up.progress(entry.node) for entry in follow_up.tree.roots)
    budget = follow_up.budget()
    assert budget.by_year[2025]["planned"] > 0 and budget.by_year[2025]["actual"] > 0
    assert 0 < budget.funded < budget.planned and 0 < budget.actual < budget.planned
    assert set(budget.by_kind) == {BudgetLine.Kind.INVESTMENT, BudgetLine.Kind.OPERATION}
    assert any(m.late for m in follow_up.milestones.values())
    programmes = Programme.objects.filter(sheets__plan=plan).values_list("kind", flat=True)
    assert set(programmes) == {"crte", "acv", "city_contract", "pcaet", "scot", "pvd"}
    pvd = Programme.objects.get(kind="pvd", territory=plan.territory)
    assert sorted(pvd.communes.values_list("insee", flat=True)) == [
        "30010",
        "30132",
        "30259",
        "30269",
    ]
    found = list(sheets(plan))
    assert all(sheet.sdgs and sheet.themes for sheet in found)
    assert all(sheet.pilot_names or sheet.node.pilots.exists() for sheet in found)
    assert ActionSheet.elected_referents.through.objects.exists()
    assert all(s.referent_names or s.elected_referents.exists() for s in found)
    pilot_sheets = sheets(plan).filter(node__pilots__email=DEMO_ACCOUNTS[2][0])
    assert sorted(s.status for s in pilot_sheets) == ["in_progress", "in_progress", "late"]
    funding = Funding.financers.through.objects.values("organisation_id")
    financers = Organisation.objects.filter(pk__in=funding).values_list("name", flat=True)
    assert {"Région Occitanie", "Département du Gard", "État (DSIL)"} <= set(financers)


def test_a_dozen_indicators_with_values_in_2025_three_of_them_off_target(plan):
    indicators = list(Indicator.objects.filter(plan=plan))
    series = load_series(indicators)
    statuses = {i.title: series[i.pk].status(2025) for i in indicators}
    assert sum(1 for status in statuses.values() if status.latest is not None) >= 12
    off = sorted(title for title, status in statuses.items() if status.off_target)
    assert off == [
        "Consommation d’énergie du patrimoine communautaire",
        "Part modale du vélo dans les déplacements domicile-travail",
        "Surface de friches reconverties",
    ]
    assert sum(i.is_published for i in indicators) == len(indicators) - 1
    assert {i.kind for i in indicators} == set(Indicator.Kind.values)
    assert all(series[i.pk].indicator.baseline_value is not None for i in indicators)
    links = Counter(IndicatorLink.objects.filter(node__plan=plan).values_list("indicator__title"))
    assert all(links[(spec.title,)] == len(spec.links) for spec in INDICATORS), links
    assert Indicator.pilots.through.objects.filter(indicator__plan=plan).count() >= 2
    years = {v.on.year for s in series.values() for v in s.values}
    assert years == set(range(2018, 2026))


def test_the_actions_an_indicator_measures_since_2018_have_started(plan):
    """The story holds across apps: no series measured since 2018 hangs on an action
    that is still to come."""
    links = IndicatorLink.objects.filter(node__plan=plan, node__kind="action")
    started = {Status.DONE, Status.IN_PROGRESS, Status.LATE, Status.BLOCKED, Status.PAUSED}
    statuses = dict(sheets(plan).values_list("node_id", "status"))
    assert links.exists()
    assert all(statuses[link.node_id] in started for link in links)


def test_a_second_run_changes_nothing(plan):
    before = counts()
    install_demo()
    assert counts() == before
    assert load_demo_follow_up(plan) == 0 and load_demo_indicators(plan) == 0


def test_the_seed_gives_the_same_follow_up_every_time(plan):
    def drawn():
        stories, _authors = draw_follow_up(plan)
        return [
            (s.node.pk, s.status, s.start, s.end, s.progress, s.events, s.milestones, s.budget)
            for s in stories
        ]

    first = drawn()
    assert drawn() == first
    written = sheets(plan).values_list("node_id", "status", "start_date", "end_date", "progress")
    assert sorted(written) == sorted(row[:5] for row in first)
