"""Axis headings in the wordings real plans use (issue 12 lists them)."""

import pytest

from faisse.plans.importer.lines import Kind, classify


@pytest.mark.parametrize(
    "heading",
    [
        "Axe 2 : Vivre ensemble",
        "Axe 2 - Vivre ensemble",
        "AXE 2 – Vivre ensemble",
        "Axe 2. Vivre ensemble",
        "Axe n°2 : Vivre ensemble",
        "Axe N° 2 - Vivre ensemble",
        "Axe stratégique 2 : Vivre ensemble",
    ],
)
def test_axis_headings_in_the_wordings_plans_use(heading):
    line = classify(1, heading)
    assert (line.kind, line.label, line.text) == (Kind.AXIS, "2", "Vivre ensemble")


def test_an_axis_number_is_not_a_decimal():
    assert classify(1, "Axe 2.1 est une route").kind is Kind.TEXT
