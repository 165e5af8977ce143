"""Assigning the objectives of a slide table to their orientations."""

from faisse.plans.importer.outline import ParsedNode
from faisse.plans.importer.segmentation import assign


def nodes(kind, titles):
    return [ParsedNode(kind, t, i, number=f"9.{i}") for i, t in enumerate(titles, start=1)]


def test_meaning_alone_splits_axis_2_of_the_source(ales_parsed):
    axis = ales_parsed.nodes[1]
    orientations = [
        ParsedNode("orientation", o.title, o.line, number=o.number) for o in axis.children
    ]
    objectives = [objective for o in axis.children for objective in o.children]
    assert assign(orientations, objectives) == [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]


def test_meaning_works_on_another_plan_laid_out_the_same_way():
    orientations = nodes(
        "orientation",
        [
            "Développer les mobilités du quotidien",
            "Préserver la ressource en eau et les milieux naturels",
            "Garantir l’accès aux soins",
        ],
    )
    objectives = nodes(
        "objective",
        [
            "Créer des lignes de bus vers les bourgs",
            "Aménager des pistes cyclables",
            "Restaurer les cours d’eau",
            "Protéger les zones humides et la biodiversité",
            "Ouvrir des maisons de santé",
        ],
    )
    assert assign(orientations, objectives) == [0, 0, 1, 1, 2]


def test_evidence_of_a_summary_page_wins_over_meaning():
    orientations = nodes("orientation", ["Culture", "Habitat"])
    objectives = nodes(
        "objective", ["Soutenir les musées", "Soutenir le cinéma", "Rénover les logements"]
    )
    evidence = {"9.2": ["Soutenir le cinéma"]}
    assert assign(orientations, objectives, evidence) == [0, 1, 1]


def test_every_orientation_gets_a_run_of_objectives_in_order():
    orientations = nodes("orientation", ["A", "B", "C"])
    objectives = nodes("objective", ["x", "y", "z", "w"])
    choice = assign(orientations, objectives)
    assert choice == sorted(choice) and set(choice) == {0, 1, 2}
