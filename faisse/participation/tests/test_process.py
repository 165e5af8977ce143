"""Process step dates read as a French reader expects."""

import datetime

import pytest
from django.utils import translation

from faisse.participation.models import ProcessStep
from faisse.participation.process import date_parts, group_by_phase, step_dates_text

D = datetime.date


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def labels(start, end, precision):
    return [label for _, label in date_parts(start, end, precision)]


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2017, 10, 1), D(2017, 10, 31), "month", ["octobre 2017"]),
        (D(2017, 12, 1), D(2018, 1, 31), "month", ["décembre 2017", "janvier 2018"]),
        (D(2018, 5, 23), D(2018, 5, 23), "day", ["23 mai 2018"]),
        (D(2018, 5, 23), D(2018, 5, 24), "day", ["23", "24 mai 2018"]),
        (D(2018, 5, 30), D(2018, 6, 2), "day", ["30 mai", "2 juin 2018"]),
        (D(2017, 12, 30), D(2018, 1, 2), "day", ["30 décembre 2017", "2 janvier 2018"]),
        (D(2018, 6, 1), None, "day", ["1er juin 2018"]),
    ],
)
def test_date_parts(start, end, precision, expected):
    assert labels(start, end, precision) == expected


def test_text_and_iso_values():
    step = ProcessStep(starts_on=D(2017, 12, 1), ends_on=D(2018, 1, 31), date_precision="month")
    assert step_dates_text(step) == "décembre 2017\u202f–\u00a0janvier 2018"
    assert [iso for iso, _ in date_parts(step.starts_on, step.ends_on, "month")] == [
        "2017-12",
        "2018-01",
    ]


def test_group_by_phase_keeps_first_appearance_order():
    steps = [
        ProcessStep(phase="preparation", title="a"),
        ProcessStep(phase="co_construction", title="b"),
        ProcessStep(phase="co_construction", title="c"),
        ProcessStep(phase="sharing", title="d"),
    ]
    groups = group_by_phase(steps)
    assert [g.label for g in groups] == [
        "Préparation",
        "Co-construction avec les élus",
        "Partage du projet",
    ]
    assert [s.title for s in groups[1].steps] == ["b", "c"]


def test_a_step_without_date_says_so_instead_of_failing():
    step = ProcessStep(title="Questionnaire n°1", date_precision="month")
    assert date_parts(None, None, "month") == []
    assert step_dates_text(step) == "date non précisée"
