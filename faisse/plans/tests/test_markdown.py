"""Markdown outlines."""

import pytest

from faisse.plans.importer import PlanImportError, parse_document

OUTLINE = """# Projet de territoire du Pays d’Exemple

## Ambition

Devise : Ensemble — Demain

Un territoire solidaire et sobre.

## Défis

- Accueillir de nouveaux habitants
  - logements
  - services
- Réduire les émissions

## Axe 1 : Vivre ensemble

Le premier axe.

### Orientation 1.1 : Se loger

#### Rénover le parc ancien

- Ouvrir un guichet unique
  de la rénovation
- Aider les propriétaires
  - Prime aux copropriétés

#### Construire sobrement

- Réduire l’étalement urbain

## Axe 2 :

#### Un objectif sans orientation

- Une action
"""


def test_a_markdown_outline_gives_the_same_structure_as_text():
    plan = parse_document(OUTLINE, "plan.md")
    assert plan.title == "Projet de territoire du Pays d’Exemple"
    assert plan.motto == "Ensemble — Demain"
    assert plan.ambition == "Un territoire solidaire et sobre."
    assert [(c.title, c.points) for c in plan.challenges] == [
        ("Accueillir de nouveaux habitants", ["logements", "services"]),
        ("Réduire les émissions", []),
    ]
    axis = plan.nodes[0]
    assert (axis.kind, axis.number, axis.title, axis.description) == (
        "axis",
        "1",
        "Vivre ensemble",
        "Le premier axe.",
    )
    orientation = axis.children[0]
    assert (orientation.kind, orientation.number) == ("orientation", "1.1")
    objective = orientation.children[0]
    assert objective.kind == "objective"
    assert [a.title for a in objective.children] == [
        "Ouvrir un guichet unique de la rénovation",
        "Aider les propriétaires",
    ]
    assert objective.children[1].children[0].title == "Prime aux copropriétés"
    counts = plan.counts()
    assert (counts["axis"], counts["orientation"], counts["objective"], counts["action"]) == (
        2,
        1,
        3,
        5,
    )


def test_an_axis_without_title_is_a_warning_with_its_line():
    plan = parse_document(OUTLINE, "plan.md")
    assert [(w.line, "sans intitulé" in w.message) for w in plan.warnings] == [(33, True)]


def test_markdown_without_structure_is_refused():
    with pytest.raises(PlanImportError, match="aucune structure"):
        parse_document("# Un titre\n\nDu texte seulement.\n", "notes.md")
