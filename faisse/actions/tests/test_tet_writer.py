"""Writing TeT's template: the layout TeT's parser expects (28 labels by position, data
from row 4), cells typed as TeT reads them, and a round trip write → read that gives the
same plan back, for a plan using every field and for TeT's own files."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from faisse.actions.spreadsheets.tet_model import (
    SheetFields,
    TetDocument,
    TetFunding,
    TetMilestone,
    TetNode,
    TetPlan,
)
from faisse.actions.spreadsheets.tet_reader import read_tet_workbook
from faisse.actions.spreadsheets.tet_writer import write_tet_workbook
from faisse.actions.tests.test_tet_reader import COUNTS, counts
from faisse.actions.tests.tet_workbooks import CANONICAL, reference

D = datetime.date
TYPES_ROW = "feuille « Fichier dimport », rangée 3 : rangée des types de champ du modèle, ignorée."


def every_field(**changes) -> SheetFields:
    fields = SheetFields(
        description="Rénover 500 logements.\n\nEn deux tranches.",
        governance="COPIL trimestriel",
        objectives="- Réduire les consommations\n- Isoler",
        resources="2 ETP",
        funding_notes="- Région\n- État",
        indicator_notes="Logements rénovés par an",
        schedule="2025 : études\n2026 : travaux",
        related_measures="eci 2.1 - Disposer d'un programme de prévention des déchets",
        related_actions="Fiche 2.1",
        additional_notes="=1+1 n’est pas une formule",
        expected_effects=["Efficacité énergétique", "Réduction des déchets"],
        target_audiences=["Grand public", "Agents"],
        themes=["Énergie"],
        sub_themes=["Bâtiments, logement", "Rénovation (thermique)"],
        lead_structures=["Alès Agglomération"],
        partners=["ADEME", "Ville, Alès", 'Le "Club" vélo'],
        lead_services=["Service habitat"],
        pilot_names=["Inès MARTIN", "Paul GWEN"],
        referent_names=["Jean DUPONT"],
        participation="co_construction",
        fundings=[
            TetFunding(1, ["Métropole", "Région"], Decimal(50000)),
            TetFunding(2, ["DREAL"], Decimal("15000.5")),
            TetFunding(3, ["Département, Gard"], None),
            TetFunding(4, ["Banque des Territoires"], Decimal("1234.56")),
        ],
        budget_total=Decimal("124566.50"),
        status="in_progress",
        priority="high",
        start_date=D(2025, 1, 15),
        end_date=D(2027, 12, 31),
        continuous=True,
        milestones=[
            TetMilestone("Études", True, D(2025, 6, 30)),
            TetMilestone("Travaux : tranche 1", False, None),
        ],
        documents=[
            TetDocument("Délibération", "https://example.org/d.pdf"),
            TetDocument("", "https://example.org"),
            TetDocument("Compte rendu papier", ""),
        ],
        faisse_id="42",
    )
    for name, value in changes.items():
        setattr(fields, name, value)
    return fields


def action(number, title, fields=None, children=()) -> TetNode:
    return TetNode("action", number, title, list(children), fields=fields or SheetFields())


def level(kind, number, title, *children) -> TetNode:
    return TetNode(kind, number, title, list(children))


def rich_plan() -> TetPlan:
    sub_1 = action("1.1.1.1.1", "Isoler les combles", every_field(faisse_id="43", status="done"))
    sub_2 = action("", "Changer les fenêtres", SheetFields(pilot_names=["Lou Piote"]))
    shared = every_field(faisse_id="99", fundings=[], milestones=[], description="Partagée")
    return TetPlan(
        title="=Projet de territoire 2030",
        level_names={"axis": ["Enjeu", "Enjeux"], "action": ["Fiche action", "Fiches action"]},
        period_start=2025,
        period_end=2030,
        nodes=[
            level(
                "axis",
                "1",
                "Habiter",
                level(
                    "orientation",
                    "1.1",
                    "Se loger",
                    level(
                        "objective",
                        "1.1.1",
                        "=SOMME(A1:A2) rénover",
                        action("1.1.1.1", "Rénover, isoler", every_field(), [sub_1, sub_2]),
                        action("1.1.1.2", "Partagée", shared),
                    ),
                ),
                action("", "Sous l’axe seul", SheetFields(status="planned")),
            ),
            level(
                "axis",
                "2",
                "Bouger",
                level("objective", "2.1", "Vélo", level("group", "", "Pistes", action("", "P1"))),
                level(
                    "orientation",
                    "2.2",
                    "Profond",
                    level(
                        "objective",
                        "2.2.1",
                        "Niveau 3",
                        level("group", "a", "Niveau 4", action("", "Tout en bas")),
                    ),
                ),
                action("2.9", "Partagée", shared),
            ),
            level("axis", "", "2040 : neutralité"),  # a number-like title, no number
            level("axis", "3", "Vide"),
            action("", "À la racine", SheetFields(priority="low", faisse_id="7")),
        ],
    )


def written(plan: TetPlan, **options):
    data = write_tet_workbook(plan, **options)
    return data, load_workbook(io.BytesIO(data))["Fichier dimport"]


def test_a_plan_using_every_field_comes_back_equal():
    plan = rich_plan()
    data = write_tet_workbook(plan)
    again = read_tet_workbook(data, "plan.xlsx")
    assert again == plan
    assert [w.message for w in again.warnings] == [TYPES_ROW]
    assert again.counts()["sub_action"] == 2


def test_tets_parser_finds_its_28_labels_by_position_and_data_from_row_4():
    _data, sheet = written(rich_plan())
    labels = [cell.value for cell in sheet[2]]
    assert labels[:28] == CANONICAL
    assert labels[28:] == [
        "Action en amélioration continue",
        "Calendrier",
        "Mesures liées",
        "Actions des plans liées",
        "Notes",
        "Etapes de l'action",
        "Documents et liens",
        "Thématique principale",
        "Sous-thématiques",
        "Résultats attendus",
        "Cibles",
        "Structure (Faïsse)",
        "Identifiant (Faïsse)",
    ]
    assert all(cell.value.startswith("Champ") for cell in sheet[3])
    assert sheet["A1"].value == "Présentation de l’action"
    assert "A1:G1" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert [sheet.cell(row=4, column=n).value for n in (1, 2, 3, 4)] == [
        "1. Habiter",
        "1.1. Se loger",
        "1.1.1. =SOMME(A1:A2) rénover",
        "1.1.1.1. Rénover, isoler",
    ]


def test_cells_are_typed_as_tet_reads_them():
    _data, sheet = written(rich_plan())
    cells = {sheet.cell(row=2, column=n).value: sheet.cell(row=4, column=n) for n in (25, 27)}
    assert cells["Statut"].value == "En cours"
    start = cells["Date de début"]
    assert (start.value, start.number_format) == (datetime.datetime(2025, 1, 15), "DD/MM/YYYY")
    assert sheet["S4"].value == 50000 and sheet["X4"].value == 124566.5
    assert sheet["AC4"].value == "VRAI"
    assert sheet["P4"].value == "Co-construction"
    assert sheet["L4"].value == 'ADEME, « Ville, Alès », « Le "Club" vélo »'
    assert sheet["Q4"].value == (
        "- Région\n- État\nFinanceur 4 : Banque des Territoires — 1 234,56 €"
    )
    assert sheet["AH4"].value == "Études : réalisé (30/06/2025)\nTravaux : tranche 1 : non réalisé"
    assert sheet["AN4"].value == "axis:1 > orientation:1.1 > objective:1.1.1 > action:1.1.1.1"


def test_a_text_starting_with_equals_is_text_never_a_formula():
    _data, sheet = written(rich_plan())
    for ref in ("C4", "AG4"):
        assert sheet[ref].data_type == "s"
        assert sheet[ref].value.startswith(("1.1.1. =", "=1+1"))
    data = write_tet_workbook(rich_plan())
    faisse = load_workbook(io.BytesIO(data))["Faïsse"]
    assert (faisse["B1"].value, faisse["B1"].data_type) == ("=Projet de territoire 2030", "s")


def test_sub_actions_have_their_own_rows_under_their_action():
    _data, sheet = written(rich_plan())
    rows = [(sheet[f"D{n}"].value, sheet[f"E{n}"].value) for n in (4, 5, 6)]
    assert rows == [
        ("1.1.1.1. Rénover, isoler", None),
        ("1.1.1.1. Rénover, isoler", "1.1.1.1.1. Isoler les combles"),
        ("1.1.1.1. Rénover, isoler", "Changer les fenêtres"),
    ]
    assert sheet["Y5"].value == "Réalisé"
    assert sheet["AN5"].value.endswith("> action:1.1.1.1 > action:1.1.1.1.1")


def test_deep_paths_and_empty_levels_have_rows():
    _data, sheet = written(rich_plan())
    values = [[cell.value for cell in line[:5]] + [line[39].value] for line in sheet.iter_rows(4)]
    assert [
        "2. Bouger",
        "2.2. Profond",
        "2.2.1. Niveau 3 > a. Niveau 4",
        "Tout en bas",
        None,
        "axis:2 > orientation:2.2 > objective:2.2.1 > group:a > action:",
    ] in values
    assert ["3. Vide", None, None, None, None, "axis:3"] in values
    assert [None, None, None, "À la racine", None, "action:"] in values  # fmt: skip


def test_amounts_said_ttc_are_written_under_ttc_labels():
    plan = TetPlan(nodes=[level("axis", "1", "A", action("", "B", SheetFields(
        amounts_include_tax=True, budget_total=Decimal(10))))])  # fmt: skip
    _data, sheet = written(plan)
    assert (sheet["S2"].value, sheet["X2"].value) == (
        "Montant € TTC",
        "Budget prévisionnel total € TTC",
    )
    assert read_tet_workbook(write_tet_workbook(plan), "plan.xlsx") == plan


def test_level_names_given_override_the_plans_and_the_lists_sheet_is_there():
    data = write_tet_workbook(rich_plan(), level_names={"axis": ["Défi", "Défis"]})
    assert read_tet_workbook(data, "plan.xlsx").level_names == {"axis": ["Défi", "Défis"]}
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Fichier dimport", "Listes déroulantes", "Faïsse"]
    lists = workbook["Listes déroulantes"]
    assert [lists.cell(row=n, column=3).value for n in range(1, 10)] == [
        "Statut", "À venir", "En cours", "Réalisé", "En pause", "Abandonné", "Bloqué",
        "En retard", "À discuter",
    ]  # fmt: skip
    validations = {str(v.sqref): v.formula1 for v in workbook["Fichier dimport"].data_validations
                   .dataValidation}  # fmt: skip
    assert validations["Y4:Y2000"] == "'Listes déroulantes'!$C$2:$C$9"
    assert validations["AC4:AC2000"] == '"VRAI,FAUX"'


@pytest.mark.parametrize("name", list(COUNTS))
def test_tets_files_read_written_and_read_again_keep_counts_and_fields(name):
    plan = read_tet_workbook(reference(name), name)
    again = read_tet_workbook(write_tet_workbook(plan), "plan.xlsx")
    assert counts(again) == COUNTS[name]
    assert again == plan
    assert [a.fields for a in again.actions()] == [a.fields for a in plan.actions()]
