"""The yearly report's figures against the values computed by hand in yearly_world.py:
statuses and progress on 31 December, what happened in the year, the year's budgets,
the public report against the working document, and a constant number of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faisse.plans.models import Plan
from faisse.plans.testing import make_plan
from faisse.reports.tests.yearly_world import TODAY, build_world
from faisse.reports.yearly import build_report
from faisse.reports.yearly.testing import add_sample_follow_up
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def by_title(report):
    return {row.node.title: row for row in report.actions}


def test_statuses_on_31_december_come_from_the_dated_updates(world):
    report = build_report(world["plan"], 2025, today=TODAY)
    rows = by_title(report)
    assert report.day == date(2025, 12, 31) and report.is_whole_year
    assert rows["Créer une pépinière"].status == "done"  # changed on 20/11/2025
    assert rows["Animer un réseau"].status == "planned"  # every change is later
    assert rows["Ouvrir un campus"].status == "paused"  # no update: the sheet's status
    assert rows["Rénover les écoles"].status == "done"
    assert dict(report.status_counts) == {"planned": 1, "in_progress": 1, "done": 2, "paused": 1}
    assert [status for status, _n in report.status_counts] == [
        "planned",
        "in_progress",
        "done",
        "paused",
    ]


def test_progress_and_lateness_are_those_of_31_december(world):
    report = build_report(world["plan"], 2025, today=TODAY)
    rows = by_title(report)
    assert rows["Animer un réseau"].progress == 20  # 60 % only since 2026
    assert rows["Former aux métiers du bois"].progress == 50  # 1 milestone of 2 by then
    assert [axis.progress for axis in report.axes] == [55, 100]
    assert [part.progress for part in report.axes[0].parts] == [60, 50]
    assert report.progress == 77.5
    assert [row.node.title for row in report.late] == ["Ouvrir un campus"]


def test_the_year_in_progress_is_told_as_of_today(world):
    report = build_report(world["plan"], 2026, today=TODAY)
    rows = by_title(report)
    assert report.day == TODAY and not report.is_whole_year
    assert rows["Animer un réseau"].status == "in_progress"
    assert rows["Animer un réseau"].progress == 60
    assert rows["Former aux métiers du bois"].progress == 100
    assert [event.action.node.title for event in report.year_events] == [
        "Animer un réseau",
        "Former aux métiers du bois",
    ]


def test_what_happened_in_the_year_is_what_is_dated_in_it(world):
    report = build_report(world["plan"], 2025, today=TODAY)
    events = {event.action.node.title: event for event in report.year_events}
    assert list(events) == [
        "Créer une pépinière",
        "Former aux métiers du bois",
        "Rénover les écoles",
    ]
    pepiniere = events["Créer une pépinière"]
    assert [(c.on, c.old_status, c.new_status) for c in pepiniere.changes] == [
        (date(2025, 2, 10), "planned", "in_progress"),
        (date(2025, 11, 20), "in_progress", "done"),
    ]
    assert [note.text for note in pepiniere.notes] == ["Lancement du chantier."]  # public only
    assert [m.title for m in events["Rénover les écoles"].milestones] == ["Étude rendue"]
    assert [m.done_on for m in events["Former aux métiers du bois"].milestones] == [
        date(2025, 5, 5)
    ]
    assert report.counts == {"status_changes": 2, "milestones": 2, "notes": 1}
    assert [row.node.title for row in report.completed] == ["Créer une pépinière"]


def test_the_budgets_of_the_year_and_of_the_plan(world):
    report = build_report(world["plan"], 2025, today=TODAY)
    year = report.year_money
    assert (year.planned, year.actual, year.funded) == (100_000, 87_000, 30_000)
    kinds = report.year_money_by_kind
    assert (kinds["investment"].planned, kinds["investment"].actual) == (100_000, 80_000)
    assert (kinds["operation"].planned, kinds["operation"].actual) == (0, 7_000)
    whole = report.total_money
    assert (whole.planned, whole.actual, whole.funded) == (160_000, 87_000, 35_000)
    by_year = {y: (m.planned, m.actual, m.funded) for y, m in report.money_by_year}
    assert by_year == {
        2024: (10_000, 0, 5_000),
        2025: (100_000, 87_000, 30_000),
        None: (50_000, 0, 0),
    }
    assert [y for y, _m in report.money_by_year] == [2024, 2025, None]
    axis1, axis2 = report.axes
    assert (axis1.year_money.planned, axis1.year_money.actual) == (100_000, 87_000)
    assert axis2.year_money.is_empty and axis2.total_money.planned == 50_000
    assert report.money_by_kind["operation"].planned == Decimal(10_000)


def test_the_indicators_leave_out_what_was_measured_after_the_report(world):
    report = build_report(world["plan"], 2025, today=TODAY)
    assert [part.series.indicator.title for part in report.indicators] == ["Pistes cyclables"]
    part = report.indicators[0]
    assert [value.value for value in part.series.values] == [150, 170]
    assert (part.status.expected, part.status.latest, part.status.off_target) == (200, 170, True)
    assert [row.year for row in part.rows] == [2019, 2020, 2024, 2025]
    assert report.key_indicators == [part]
    assert part.svg.startswith("<svg xmlns=")


def test_the_working_document_adds_drafts_internal_notes_and_unpublished_indicators(world):
    public = build_report(world["plan"], 2025, today=TODAY)
    drafts = build_report(world["plan"], 2025, drafts=True, today=TODAY)
    assert "Projet en préparation" not in by_title(public)
    assert by_title(drafts)["Projet en préparation"].status == "in_progress"
    assert [axis.progress for axis in drafts.axes] == [55, 65]
    assert drafts.progress == 60
    notes = [note.text for event in drafts.year_events for note in event.notes]
    assert notes == ["Lancement du chantier.", "Réception des travaux.", "Note du brouillon."]
    assert drafts.counts == {"status_changes": 3, "milestones": 2, "notes": 3}
    assert [p.series.indicator.title for p in drafts.indicators] == [
        "Indicateur en préparation",
        "Pistes cyclables",
    ]


def test_the_report_of_a_year_before_any_update_tells_the_statuses_before_them(world):
    report = build_report(world["plan"], 2022, today=TODAY)
    rows = by_title(report)
    assert rows["Créer une pépinière"].status == ""  # its first change set "À venir" in 2024
    assert rows["Rénover les écoles"].status == "in_progress"
    assert report.year_events == [] and report.completed == []
    assert report.year_money.is_empty


def test_a_constant_number_of_queries_whatever_the_size_of_the_plan():
    small = make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=2)
    large = make_plan(make_territory(), axes=3, orientations=3, objectives=3, actions=4)
    counts = []
    for plan in (small, large):
        add_sample_follow_up(plan, year=2025)
        plan = Plan.objects.select_related("territory").get(pk=plan.pk)
        with CaptureQueriesContext(connection) as captured:
            build_report(plan, 2025, drafts=True, today=TODAY)
        counts.append(len(captured))
    assert counts == [15, 15]  # docs/report.md lists them (no outline here: no map)
