"""Reading TeT's workbooks: its five real files give the plans they hold (counts of
docs/plan-life-design.md §1.1), with the warnings their leftovers deserve, and the values
of known cells; ODS cells keep their types."""

import datetime
import io
import time
from decimal import Decimal

import pytest
from openpyxl import Workbook

from faisse.actions.spreadsheets.tet_model import (
    UNCLASSIFIED,
    TetDocument,
    TetFunding,
)
from faisse.actions.spreadsheets.tet_reader import (
    SheetReader,
    claims_tet_workbook,
    read_tet_workbook,
)
from faisse.actions.spreadsheets.workbook_rows import open_sheets
from faisse.actions.tests.tet_workbooks import (
    CANONICAL,
    EXPORT,
    MODELE_ODS,
    MODELE_XLSX,
    NOUVEAU,
    SOUS_ACTIONS,
    reference,
    row,
    sheet_rows,
    to_ods,
    to_xlsx,
)
from faisse.plans.tests.documents import to_docx

D = datetime.date
COUNTS = {  # axes / sous-axes / sous-sous-axes / actions / sous-actions
    MODELE_XLSX: (0, 0, 0, 0, 0),
    MODELE_ODS: (0, 0, 0, 0, 0),
    EXPORT: (0, 0, 0, 0, 0),
    NOUVEAU: (4, 3, 1, 7, 0),
    SOUS_ACTIONS: (2, 1, 0, 4, 3),
}
FURNITURE = [
    (3, "", "rangée des types de champ du modèle, ignorée."),
    (4, "", "rangée d’aide du modèle, ignorée."),
    (
        5,
        "",
        "rangée d’exemple du modèle (« Action 1 - Assurer la coordination de la transition "
        "écologiq »), ignorée.",
    ),
]
LEFTOVER = "texte d’aide ou d’exemple du modèle laissé dans la cellule : lu comme vide."
ECHO = "la cellule répète le titre de sa colonne : lue comme vide."
WARNINGS = {
    MODELE_XLSX: FURNITURE,
    MODELE_ODS: FURNITURE,
    EXPORT: [(2, "", "les montants du fichier sont TTC : ils sont repris tels quels, sans être "
              "convertis en HT.")],
    NOUVEAU: [
        (3, "", "rangée des types de champ du modèle, ignorée."),
        (4, "I", LEFTOVER),
        (4, "J", LEFTOVER),
        (4, "Q", ECHO),
        (4, "AA", "« 12/14/20 » lu comme une date américaine (MM/JJ/AA) : le 14/12/2020."),
        (4, "AB", "« 12/14/28 » lu comme une date américaine (MM/JJ/AA) : le 14/12/2028."),
        (4, "AD", ECHO),
        (5, "I", LEFTOVER),
        (5, "J", LEFTOVER),
        (5, "K", LEFTOVER),
        (5, "Q", LEFTOVER),
    ],
    SOUS_ACTIONS: [(3, "", "rangée d’une seule cellule (« Données ») sous l’en-tête, ignorée.")],
}  # fmt: skip
SHEETS = {
    MODELE_XLSX: "Fichier dimport",
    MODELE_ODS: "Fichier_dimport",
    EXPORT: "Plan daction",
    NOUVEAU: "Fichier dimport",
    SOUS_ACTIONS: "Plan",
}


def counts(plan) -> tuple[int, ...]:
    found = plan.counts()
    return tuple(found[k] for k in ("axis", "orientation", "objective", "action", "sub_action"))


@pytest.mark.parametrize("name", list(COUNTS))
def test_each_real_file_gives_its_counts_and_warnings(name):
    plan = read_tet_workbook(reference(name), name)
    assert counts(plan) == COUNTS[name]
    where = f"feuille « {SHEETS[name]} », rangée "
    assert [(w.row, w.column, w.message) for w in plan.warnings] == [
        (number, column, _located(where, number, column, name, message))
        for number, column, message in WARNINGS[name]
    ]
    assert claims_tet_workbook(reference(name), name)


def _located(where: str, number: int, column: str, name: str, message: str) -> str:
    if not column:
        return f"{where}{number} : {message}"
    labels = {"I": "Indicateurs liés", "J": "Structure pilote", "K": "Moyens humains et "
              "techniques", "Q": "Financements", "AA": "Date de début", "AB": "Date de fin",
              "AD": "Calendrier"}  # fmt: skip
    return f"{where}{number}, colonne {column} (« {labels[column]} ») : {message}"


def test_nouveau_reads_one_sous_axe_spelled_two_ways_and_its_first_row_fields():
    plan = read_tet_workbook(reference(NOUVEAU), NOUVEAU)
    axis = plan.nodes[3]
    assert (axis.kind, axis.number, axis.title, axis.row) == ("axis", "4", "Développer une "
                                                              "culture vélo", 7)  # fmt: skip
    assert [(n.number, n.title) for n in axis.children] == [
        ("4.1", "Pratiquer le vélo en toute sécurité"),
        ("4.2", "Déployer des plans de mobilité scolaires"),  # rows 8 (4.2.) and 9 (4.2 :)
        ("4.3", "Développer l’activité physique pour la santé"),
    ]
    assert [a.title for a in axis.children[1].children[0].children] == [
        "Vélo avec des roulettes",
        "Permis vélo CM2 école TET 2040-2044",
    ]
    first = plan.nodes[0].children[0]
    assert (first.title, first.row) == ("Arranger la piste cyclable 2040-2044", 4)
    fields = first.fields
    assert fields.governance == "Petite instance, blop"
    assert fields.indicator_notes == "" and fields.lead_structures == []  # help texts
    assert fields.funding_notes == "" and fields.schedule == ""  # the columns' labels
    assert fields.fundings == [
        TetFunding(1, ["Smaug"], Decimal(3000)),
        TetFunding(2, ["Ras al Ghul"], Decimal(2000)),
        TetFunding(3, ["Tony Stark"], Decimal(999)),
    ]
    assert fields.budget_total == Decimal(500)  # never checked against the fundings
    assert (fields.status, fields.priority) == ("in_progress", "high")
    assert (fields.start_date, fields.end_date) == (D(2020, 12, 14), D(2028, 12, 14))
    assert fields.continuous is True  # "TRUE" as text
    assert fields.related_measures == "eci 2.1 - Disposer d'un programme de prévention des déchets"
    assert fields.documents == [TetDocument("", "https://www.test.com")]
    assert fields.amounts_include_tax is False
    permis = axis.children[1].children[0].children[1].fields
    assert permis.partners == ["Super partenaire", "Ultra partenaire"]
    assert permis.pilot_names == ["Lou Piote", "Yolo Dodo"]
    assert permis.description.startswith("Lorem ipsum") and "\nDuis aute" in permis.description
    second = plan.nodes[1].children[0].fields
    assert (second.participation, second.continuous, second.resources) == ("consultation",
                                                                            False, "")  # fmt: skip


def test_sub_actions_hang_under_their_action_with_their_own_fields():
    plan = read_tet_workbook(reference(SOUS_ACTIONS), SOUS_ACTIONS)
    assert plan.title == "Plan avec sous-actions"
    axis_1, axis_2 = plan.nodes
    assert (axis_1.number, axis_1.title) == ("", "Axe 1")  # a bare title keeps its words
    action_1 = axis_1.children[1]
    assert (action_1.title, action_1.row) == ("Action 1", 5)
    subs = [(s.kind, s.title, s.row, s.fields.status, s.fields.end_date) for s in action_1.children]
    assert subs == [
        ("action", "Sous-action 1.1", 6, "in_progress", D(2025, 12, 31)),
        ("action", "Sous-action 1.2", 7, "done", D(2026, 6, 30)),
    ]
    assert action_1.children[0].fields.pilot_names == ["Pilote SA1.1"]
    assert action_1.children[0].fields.description == "Description sous-action 1.1"
    sous_axe = axis_2.children[1]
    assert (sous_axe.kind, sous_axe.title) == ("orientation", "Sous-axe 2.1")
    assert sous_axe.children[0].children[0].fields.status == "paused"
    assert plan.level_names["orientation"] == ["Sous-axe", "Sous-axes"]


def test_the_export_says_its_amounts_include_tax():
    rows = sheet_rows(row(A="1. Axe", D="Action", U=1200), title="")
    header = rows[1] = list(rows[1])
    header[18], header[20], header[22], header[23] = ("Montant € TTC",) * 3 + (
        "Budget prévisionnel total € TTC",
    )
    plan = read_tet_workbook(to_xlsx(rows), "export.xlsx")
    assert plan.actions()[0].fields.amounts_include_tax is True
    assert plan.actions()[0].fields.fundings == [TetFunding(2, [], Decimal(1200))]


def test_the_ods_example_row_read_as_data_keeps_its_typed_cells():
    """The template's example row (its title changed, so that it is not skipped): three
    financers, a serial date, a boolean in a date column."""
    with open_sheets(reference(MODELE_ODS), MODELE_ODS) as sheets:
        name, rows = next((n, list(r)) for n, r in sheets if n == "Fichier_dimport")
    example = rows[4][1]
    assert (example[18], example[26], example[27], example[28]) == (50000, 44881, True, "VRAI")
    example[3], example[5] = "1.1.1.1. Assurer la coordination", "Une description"
    plan = SheetReader(name).read(rows)
    assert counts(plan) == (1, 1, 1, 1, 0)
    action = plan.actions()[0]
    assert (action.number, action.title) == ("1.1.1.1", "Assurer la coordination")
    fields = action.fields
    assert fields.fundings == [
        TetFunding(1, ["Métropole", "Région"], Decimal(50000)),  # one amount, two financers
        TetFunding(2, ["DREAL"], Decimal(15000)),
        TetFunding(3, ["Département 64"], Decimal(12000)),
    ]
    assert fields.budget_total == Decimal(124566)
    assert (fields.start_date, fields.end_date) == (D(2022, 11, 16), None)
    assert (fields.status, fields.priority, fields.participation) == (
        "planned",
        "medium",
        "consultation",
    )
    assert fields.continuous is True
    assert fields.documents == []  # the example's own text, a leftover elsewhere
    assert fields.pilot_names == []
    assert {(w.column, w.message.partition(" : ")[2]) for w in plan.warnings} >= {
        ("AB", "un booléen (VRAI) là où une date est attendue : ignoré."),
        ("AG", LEFTOVER),
        ("N", LEFTOVER),
    }
    assert plan.nodes[0].title.startswith("Un territoire désirable")  # not the comment


def test_an_ods_keeps_floats_dates_and_booleans_and_skips_a_million_empty_rows():
    data = to_ods(
        sheet_rows(
            row(A="1. Habiter", D="Rénover", F="Ligne 1\nLigne 2", R="Région", S=1500.5,
                X=2500, Y="En cours", AA=D(2024, 3, 9), AB=46022),
        ),
        repeated_empty_rows=1_048_576,
    )  # fmt: skip
    started = time.perf_counter()
    plan = read_tet_workbook(data, "plan.ods")
    assert time.perf_counter() - started < 1
    fields = plan.actions()[0].fields
    assert fields.description == "Ligne 1\nLigne 2"
    assert fields.fundings == [TetFunding(1, ["Région"], Decimal("1500.5"))]
    assert (fields.budget_total, fields.status) == (Decimal(2500), "in_progress")
    assert (fields.start_date, fields.end_date) == (D(2024, 3, 9), D(2025, 12, 31))
    assert plan.title == "Mon plan"


def test_an_xlsx_claiming_a_million_rows_is_not_read_row_by_row():
    workbook = Workbook()
    sheet = workbook.active
    for cells in sheet_rows(row(A="1. Habiter", D="Rénover")):
        sheet.append(cells)
    sheet.cell(row=1_048_000, column=2).style = "Good"  # an empty styled cell, far below
    stream = io.BytesIO()
    workbook.save(stream)
    started = time.perf_counter()
    plan = read_tet_workbook(stream.getvalue(), "plan.xlsx")
    assert time.perf_counter() - started < 2
    assert counts(plan) == (1, 0, 0, 1, 0)


def test_rows_without_an_axis_go_under_fiches_non_classees():
    rows = sheet_rows(
        row(D="Action seule"),
        row(A="(Fiche non classée)", D="Action exportée"),
        row(A="1. Habiter", D="Rénover"),
    )
    plan = read_tet_workbook(to_xlsx(rows), "plan.xlsx")
    assert [(n.kind, n.title, [c.title for c in n.children]) for n in plan.nodes] == [
        ("axis", UNCLASSIFIED, ["Action seule", "Action exportée"]),
        ("axis", "Habiter", ["Rénover"]),
    ]


def test_an_orphan_sub_action_gets_its_action_with_a_warning_unless_its_row_comes_later():
    rows = sheet_rows(
        row(A="1. Habiter", D="Rénover", E="Isoler", Y="En cours"),
        row(A="1. Habiter", D="Rénover", F="L’action, après sa sous-action"),
        row(A="1. Habiter", D="Construire", E="Fonder"),
    )
    plan = read_tet_workbook(to_xlsx(rows), "plan.xlsx")
    renover, construire = plan.nodes[0].children
    assert renover.fields.description == "L’action, après sa sous-action"
    assert renover.row == 4
    assert [s.title for s in renover.children] == ["Isoler"]
    assert [s.title for s in construire.children] == ["Fonder"]
    assert [w.message for w in plan.warnings] == [
        "feuille « Fichier dimport », rangée 5, colonne E (« Titre de la sous-action ») : la "
        "sous-action « Fonder » n’a pas de rangée pour son action « Construire » : l’action "
        "est créée, sans fiche."
    ]


def test_unknown_columns_template_texts_and_label_echoes_are_told():
    header = [*CANONICAL, "Couleur préférée"]
    rows = sheet_rows(
        row(A="1. Habiter", D="Rénover", G="Instances de gouvernance", AC="bleu",
            J="Ces informations devront être saisies directement sur la plateforme."),
        header=header,
    )  # fmt: skip
    plan = read_tet_workbook(to_xlsx(rows), "plan.xlsx")
    assert [(w.row, w.column) for w in plan.warnings] == [(2, "AC"), (3, "G"), (3, "J")]
    assert plan.warnings[0].message.endswith("(« Couleur préférée ») : colonne inconnue, ignorée.")
    assert plan.actions()[0].fields.governance == ""


def test_claims_only_workbooks_with_tets_header():
    plain = to_xlsx([["Niveau", "Intitulé"], ["Axe", "Habiter"]])
    assert not claims_tet_workbook(plain, "plan.xlsx")
    assert not claims_tet_workbook(b"pas un classeur", "plan.xlsx")
    assert not claims_tet_workbook(to_docx([]), "plan.docx")
    assert not claims_tet_workbook(b"PK\x03\x04abc", "plan.xlsx")
    assert claims_tet_workbook(to_ods(sheet_rows()), "sans-extension")


def test_rows_without_an_action_title_and_odd_columns_are_told():
    header = [*CANONICAL[:19], "Montant € HT", *CANONICAL[19:], "Statut"]
    rows = sheet_rows(
        row(A="1. Habiter", D="Rénover"),
        row(F="Une description perdue"),
        row(A="2. Bouger", F="Sans action"),
        header=header,
    )
    plan = read_tet_workbook(to_xlsx(rows), "plan.xlsx")
    assert [n.title for n in plan.nodes] == ["Habiter", "Bouger"]  # the level is kept
    assert [w.message.partition(" : ")[2] for w in plan.warnings] == [
        "montant sans « Financeur N » avant lui, ignoré.",
        "colonne en double, ignorée.",
        "rangée sans axe ni titre d’action, ignorée : « Une description perdue ».",
        "rangée sans titre d’action : ses autres cellules sont ignorées.",
    ]
    assert [(w.row, w.column) for w in plan.warnings] == [(2, "T"), (2, "AD"), (4, ""), (5, "")]


def test_only_the_first_tet_sheet_is_read_the_others_are_told():
    first = sheet_rows(row(A="1. Habiter", D="Rénover"))
    second = sheet_rows(row(A="1. Autre", D="Autre"))
    data = to_xlsx(first, sheets={"Notes": [["Relire"]], "Plan 2": second})
    plan = read_tet_workbook(data, "plan.xlsx")
    assert [a.title for a in plan.actions()] == ["Rénover"]
    assert plan.warnings[-1].message == (
        "feuille « Plan 2 » non lue : seule la première feuille au format de Territoires en "
        "Transitions l’est."
    )


def test_faisses_structure_column_gives_kinds_and_numbers_unless_it_does_not_match():
    header = [*CANONICAL, "Structure (Faïsse)"]
    rows = sheet_rows(
        row(A="1. Habiter", B="Rénover", D="12. Isoler", AC="axis:1 > group: > action:12"),
        row(A="2. Bouger", D="Pédaler", AC="axis:2 > orientation:2.1 > action:"),
        row(A="3. Loin", D="Creuser", AC="axis:3 > " * 30 + "action:"),
        header=header,
    )
    plan = read_tet_workbook(to_xlsx(rows), "plan.xlsx")
    group = plan.nodes[0].children[0]
    assert (group.kind, group.number, group.title) == ("group", "", "Rénover")
    assert (group.children[0].number, group.children[0].title) == ("12", "Isoler")
    assert [(w.row, w.column) for w in plan.warnings] == [(4, "AC"), (5, "AC")]
    assert plan.warnings[0].message.endswith(
        "(« Structure (Faïsse) ») : ne correspond pas aux colonnes de la rangée : la rangée "
        "est lue sans elle."
    )
    assert [n.kind for n in plan.nodes[1].children] == ["action"]  # read as TeT's
