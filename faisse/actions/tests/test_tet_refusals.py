"""A TeT workbook is refused with every error naming the sheet, the row and the column,
up to 20 of them; a file that is no workbook, or has no TeT header, is refused too."""

import pytest
from django.test import override_settings

from faisse.actions.spreadsheets.tet_reader import read_tet_workbook
from faisse.actions.spreadsheets.tet_report import MAX_ERRORS, TetImportError
from faisse.actions.tests.tet_workbooks import row, sheet_rows, to_ods, to_xlsx
from faisse.plans.importer import PlanImportError

WHERE = "feuille « Fichier dimport », rangée"


def refusal(*rows, build=to_xlsx, name="plan.xlsx") -> TetImportError:
    with pytest.raises(TetImportError) as refused:
        read_tet_workbook(build(sheet_rows(*rows)), name)
    return refused.value


@pytest.mark.parametrize(("build", "name"), [(to_xlsx, "plan.xlsx"), (to_ods, "plan.ods")])
def test_a_date_that_is_not_one_names_sheet_row_and_column(build, name):
    error = refusal(
        row(A="1. Habiter", D="Rénover"),
        row(A="1. Habiter", D="Isoler"),
        row(A="1. Habiter", D="Bâtir"),
        row(A="1. Habiter", D="Planter"),
        row(A="1. Habiter", D="Arroser", AA="31/02/2024"),
        build=build,
        name=name,
    )
    assert str(error) == (
        f"{WHERE} 7, colonne AA (« Date de début ») : « 31/02/2024 » n’est pas une date "
        "(JJ/MM/AAAA)."
    )
    assert isinstance(error, PlanImportError)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"B": "1.1. Se loger", "D": "Rénover"},
            "colonne B (« Sous-axe (x.x) ») : un sous-axe sans axe : la colonne « Axe (x) » est "
            "vide.",
        ),
        (
            {"A": "1. Habiter", "C": "1.1.1. Isoler", "D": "Rénover"},
            "colonne C (« Sous-sous axe (x.x.x) ») : un sous-sous-axe sans sous-axe : la colonne "
            "« Sous-axe (x.x) » est vide.",
        ),
        (
            {"A": "1. Habiter", "E": "Isoler"},
            "colonne E (« Titre de la sous-action ») : une sous-action sans action : la colonne "
            "« Titre de l'action » est vide.",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "Y": "Fini"},
            "colonne Y (« Statut ») : « Fini » n’est pas un statut connu : À venir, En cours, "
            "Réalisé, En pause, Abandonné, Bloqué, En retard ou À discuter.",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "Z": "Urgent"},
            "colonne Z (« Niveau de priorité ») : « Urgent » n’est pas un niveau de priorité "
            "connu : Élevé, Moyen ou Bas.",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "P": "Beaucoup"},
            "colonne P (« Participation Citoyenne ») : « Beaucoup » n’est pas un niveau de "
            "participation citoyenne connu : Pas de participation citoyenne, Information, "
            "Consultation, Concertation ou Co-construction.",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "R": "Région", "S": "beaucoup"},
            "colonne S (« Montant € HT ») : « beaucoup » n’est pas un montant (un nombre "
            "d’euros, par exemple 124566).",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "X": "12 k€"},
            "colonne X (« Budget prévisionnel total € HT ») : « 12 k€ » n’est pas un montant "
            "(un nombre d’euros, par exemple 124566).",
        ),
        (
            {"A": "1. Habiter", "D": "Rénover", "AA": "01/06/2026", "AB": "01/01/2026"},
            "colonne AB (« Date de fin ») : la date de fin (01/01/2026) précède la date de "
            "début (01/06/2026).",
        ),
    ],
)
def test_each_refusal_names_its_row_and_column(cells, message):
    assert str(refusal(row(**cells))) == f"{WHERE} 3, {message}"


def test_a_duplicated_action_names_both_rows():
    error = refusal(
        row(A="1. Habiter", D="Rénover"),
        row(A="1. Habiter", D="Isoler"),
        row(A="1 : Habiter", D="rénover "),
    )
    assert str(error) == (
        f"{WHERE} 5, colonne D (« Titre de l'action ») : l’action « rénover » est déjà à la "
        "rangée 3, au même endroit du plan : une action n’a qu’une rangée (chaque sous-action "
        "a la sienne)."
    )


def test_a_duplicated_sub_action_names_both_rows():
    error = refusal(
        row(A="1. Habiter", D="Rénover", E="Isoler"),
        row(A="1. Habiter", D="Rénover", E="Isoler"),
    )
    assert str(error).startswith(
        f"{WHERE} 4, colonne E (« Titre de la sous-action ») : la sous-action « Isoler » est "
        "déjà à la rangée 3,"
    )


def test_the_same_title_elsewhere_in_the_plan_is_no_duplicate():
    plan = read_tet_workbook(
        to_xlsx(sheet_rows(row(A="1. Habiter", D="Rénover"), row(A="2. Bouger", D="Rénover"))),
        "plan.xlsx",
    )
    assert len(plan.actions()) == 2


def test_errors_are_all_told_up_to_twenty():
    error = refusal(*(row(A="1. Habiter", D=f"Action {n}", Y="Fini") for n in range(30)))
    assert len(error.problems) == MAX_ERRORS
    lines = str(error).split("\n")
    assert lines[0] == "20 erreurs dans le fichier :"
    assert lines[1].startswith(f"– {WHERE} 3, colonne Y (« Statut ») : « Fini »")
    assert lines[-1] == "(la lecture s’arrête aux 20 premières.)"


def test_two_errors_are_both_told():
    error = refusal(row(A="1. Habiter", D="Rénover", Y="Fini", AA="hier"))
    assert [problem.split(" : ")[0] for problem in error.problems] == [
        f"{WHERE} 3, colonne Y (« Statut »)",
        f"{WHERE} 3, colonne AA (« Date de début »)",
    ]
    assert str(error).startswith("2 erreurs dans le fichier :\n– ")


def test_a_title_too_long_is_refused_with_its_cell():
    with override_settings(MAX_TITLE_LENGTH=20):
        error = refusal(row(A="1. Habiter", D="Rénover les écoles du territoire"))
    assert str(error).startswith(f"{WHERE} 3, colonne D (« Titre de l'action ») : trop long")


def test_more_elements_than_a_plan_may_have_are_refused():
    with override_settings(MAX_PLAN_NODES=5), pytest.raises(PlanImportError) as refused:
        rows = [row(A="1. Habiter", D=f"Action {n}") for n in range(10)]
        read_tet_workbook(to_xlsx(sheet_rows(*rows)), "plan.xlsx")
    assert str(refused.value) == (
        f"{WHERE} 7 : la feuille décrit plus de 5 éléments, le plus qu’un projet puisse en avoir."
    )


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"Axe;Titre", "plan.csv", "« plan.csv » n’est pas un classeur XLSX ou ODS."),
        (b"pas un zip", "plan.xlsx", "ce n’est pas un fichier XLSX (une archive zip était "
         "attendue)."),
        (b"PK\x03\x04abime", "plan.ods", "fichier ODS abîmé ou illisible : archive zip "
         "tronquée ou abîmée."),
    ],
)  # fmt: skip
def test_what_is_no_workbook_is_refused(data, name, message):
    with pytest.raises(PlanImportError) as refused:
        read_tet_workbook(data, name)
    assert str(refused.value) == message


def test_an_ods_named_xlsx_is_read_as_what_it_is():
    data = to_ods(sheet_rows(row(A="1. Habiter", D="Rénover")))
    assert len(read_tet_workbook(data, "plan.xlsx").actions()) == 1


def test_a_workbook_without_tets_header_is_refused():
    data = to_xlsx([["Niveau", "Intitulé"], ["Axe", "Habiter"]])
    with pytest.raises(PlanImportError) as refused:
        read_tet_workbook(data, "plan.xlsx")
    assert str(refused.value) == (
        "aucune feuille n’a l’en-tête du modèle de Territoires en Transitions (des colonnes "
        "« Axe (x) » et « Titre de l’action ») dans ses 10 premières rangées."
    )
