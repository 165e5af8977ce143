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


@pytest.mark.parametrize(
    ("raw", "kind", "title", "noise"),
    [
        ("Axe 1 : Vivre ensemble ........ 4", Kind.AXIS, "Vivre ensemble", "........ 4"),
        ("Axe 1 : Vivre ensemble . . . . . 12", Kind.AXIS, "Vivre ensemble", ". . . . . 12"),
        ("Orientation 1.2 : Se loger p. 11", Kind.ORIENTATION, "Se loger", "p. 11"),
        ("Créer une maison de santé (p.7)", Kind.TEXT, "Créer une maison de santé", "(p.7)"),
        ("Créer des logements, services…", Kind.TEXT, "Créer des logements, services…", ""),
        ("Rénover l’école… et la crèche", Kind.TEXT, "Rénover l’école… et la crèche", ""),
    ],
)
def test_page_references_leave_titles(raw, kind, title, noise):
    line = classify(1, raw)
    assert (line.kind, line.text, line.noise) == (kind, title, noise)


def test_a_removed_page_reference_is_a_warning_and_the_plan_unchanged():
    from faisse.plans.importer import parse_document
    from faisse.plans.tests.conftest import SOURCE

    clean_text = SOURCE.read_text(encoding="utf-8")
    marked = clean_text.replace(
        "Orientation 1.1 : Soutenir le développement des entreprises dans les domaines "
        "d’excellence",
        "Orientation 1.1 : Soutenir le développement des entreprises dans les domaines "
        "d’excellence ....... 12",
        1,
    )
    assert marked != clean_text
    clean, read = parse_document(clean_text, "a.txt"), parse_document(marked, "a.txt")
    assert [(n.kind, n.title) for n in read.walk()] == [(n.kind, n.title) for n in clean.walk()]
    assert "ligne 116 : « ....... 12 » retiré de la fin de la ligne (renvoi de page)." in [
        str(warning) for warning in read.warnings
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Orientation 1.2 : Se loger",
        "ORIENTATION 1.2 – Se loger",
        "Orientation 1.2 - Se loger",
        "Orientation n°1.2 : Se loger",
        "Orientation 1.2. Se loger",
    ],
)
def test_orientation_headings_in_the_wordings_plans_use(heading):
    line = classify(1, heading)
    assert (line.kind, line.label, line.text) == (Kind.ORIENTATION, "1.2", "Se loger")


def test_an_orientation_without_title_keeps_its_number():
    line = classify(1, "Orientation 1.2")
    assert (line.kind, line.label, line.text) == (Kind.ORIENTATION, "1.2", "")
