"""The XLSX and ODS readers: one row per element, columns found by their label."""

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.importer.formats.common import match_columns
from faisse.plans.tests.documents import to_ods, to_xlsx

BUILDERS = [
    pytest.param(to_xlsx, "plan.xlsx", id="xlsx"),
    pytest.param(to_ods, "plan.ods", id="ods"),
]
ROWS = [
    ["Plan d’actions 2030"],
    [],
    ["Niveau", "N°", "Intitulé de l’action", "Description", "Pilote"],
    ["Axe", 1, "Habiter", "", ""],
    ["Objectif", 1.1, "Se loger", "Des logements pour tous.", "CC du Test"],
    ["Action", "1.1.1", "Rénover", None, "Mairies"],
    [None, "1.1.2", None, "oubliée", None],
    [],
    ["Action", "1.1.3", "Isoler les écoles", "", ""],
]


def summary(document):
    return [(b.where, b.text, b.heading, b.level, b.number, b.description) for b in document.blocks]


@pytest.mark.parametrize(("build", "name"), BUILDERS)
def test_rows_become_blocks_with_their_level_number_and_description(build, name):
    document = read_document(build(ROWS, sheets={"Notes": [["Relire"]]}), name)
    assert (document.unit, document.layout, document.title) == (
        "rangée",
        True,
        "Plan d’actions 2030",
    )
    assert summary(document) == [
        (4, "Habiter", 0, "Axe", "1", ""),
        (5, "Se loger", 0, "Objectif", "1.1", "Des logements pour tous.\nPilote : CC du Test"),
        (6, "Rénover", 0, "Action", "1.1.1", "Pilote : Mairies"),
        (9, "Isoler les écoles", 0, "Action", "1.1.3", ""),
    ]
    assert document.warnings == [
        (0, "feuille « Notes » non lue : seule la première feuille avec un en-tête l’est."),
        (7, "rangée sans intitulé, ignorée : « 1.1.2 | oubliée »."),
    ]


@pytest.mark.parametrize(("build", "name"), BUILDERS)
def test_without_a_level_column_the_number_gives_the_depth_and_a_depth_column_wins(build, name):
    rows = [["Code", "Titre"], ["1", "Enjeu"], ["1.2", "Objectif"], ["1.2.3", "Action"], ["", "X"]]
    document = read_document(build(rows), name)
    assert [(b.text, b.heading) for b in document.blocks] == [
        ("Enjeu", 1),
        ("Objectif", 2),
        ("Action", 3),
        ("X", 0),
    ]
    assert not document.heading_styles
    rows = [["Profondeur", "Libellé"], [1, "Enjeu"], [3, "Action"]]
    document = read_document(build(rows), name)
    assert [(b.text, b.heading) for b in document.blocks] == [("Enjeu", 1), ("Action", 3)]
    assert document.heading_styles


def test_labels_match_whatever_their_case_accents_spaces_and_apostrophes():
    labels = ["  N° ", "INTITULÉ DE L'ACTION", "Échelon", "Détails", "Nom du pilote", "Profondeur"]
    assert match_columns(labels) == {
        "number": 0,
        "title": 1,
        "level": 2,
        "description": 3,
        "depth": 5,
    }
    assert match_columns(["Nom", "Libellé"]) == {"title": 1}  # Libellé is the better word
    assert match_columns(["Numéro", "Type d’action", "Fiche"]) == {
        "number": 0,
        "level": 1,
        "title": 2,
    }


@pytest.mark.parametrize(("build", "name"), BUILDERS)
def test_a_header_in_a_later_sheet_is_found_and_no_header_at_all_is_refused(build, name):
    data = build([["Sommaire"], ["Rien ici"]], sheets={"Actions": [["Action"], ["Planter"]]})
    document = read_document(data, name)
    assert [b.text for b in document.blocks] == ["Planter"]
    assert document.warnings[0][1].startswith("feuille « Plan » non lue : pas de ligne d’en-tête")
    with pytest.raises(PlanImportError, match="aucune feuille n’a de ligne d’en-tête"):
        read_document(build([["a", "b"], ["c", "d"]]), name)
    blank = [[]] * 10 + [["Intitulé"], ["Trop bas"]]  # a header below the tenth row
    with pytest.raises(PlanImportError, match="aucune feuille n’a de ligne d’en-tête"):
        read_document(build(blank), name)


@pytest.mark.parametrize(("build", "name"), BUILDERS)
def test_more_rows_than_a_plan_may_hold_are_refused(build, name, settings):
    settings.MAX_PLAN_NODES = 5
    rows = [["Intitulé"]] + [[f"Action {n}"] for n in range(10)]
    with pytest.raises(PlanImportError, match="rangée 7 : la feuille décrit plus de 5 éléments"):
        read_document(build(rows), name)


def test_an_xlsx_claiming_a_huge_sheet_is_read_quickly():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Intitulé"])
    sheet.append(["Planter des haies"])
    sheet.cell(row=3, column=16384, value="au bout de la ligne")
    sheet.cell(row=60_000, column=1, value="Tout en bas")
    stream = io.BytesIO()
    workbook.save(stream)
    start = time.perf_counter()
    document = read_document(stream.getvalue(), "plan.xlsx")
    assert time.perf_counter() - start < 2
    assert [(b.where, b.text) for b in document.blocks] == [
        (2, "Planter des haies"),
        (60_000, "Tout en bas"),
    ]


def ods_content(rows_xml: str) -> bytes:
    namespaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "content.xml",
            f"<office:document-content {namespaces}><office:body><office:spreadsheet>"
            f'<table:table table:name="Plan">{rows_xml}</table:table>'
            "</office:spreadsheet></office:body></office:document-content>",
        )
    return stream.getvalue()


def test_ods_repeated_rows_and_cells_are_counted_not_expanded():
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    rows = (
        f"<table:table-row>{cell.format('Intitulé')}"
        '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/>'
        "</table:table-row>"
        f'<table:table-row table:number-rows-repeated="3">{cell.format("Même action")}'
        "</table:table-row>"
        '<table:table-row><table:table-cell table:number-columns-repeated="1000000">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    start = time.perf_counter()
    document = read_document(ods_content(rows), "plan.ods")
    assert time.perf_counter() - start < 1
    assert [(b.where, b.text) for b in document.blocks] == [
        (1_000_002, "Même action"),
        (1_000_003, "Même action"),
        (1_000_004, "Même action"),
        (1_000_005, "x"),
    ]
    assert document.blocks[-1].description.count("x") == 63  # the first 64 columns only


def test_damaged_spreadsheets_are_refused():
    data = to_xlsx([["Intitulé"], ["Planter"]])
    with pytest.raises(PlanImportError, match="fichier XLSX abîmé ou illisible"):
        read_document(data[: len(data) // 2], "plan.xlsx")
    with pytest.raises(PlanImportError, match="fichier ODS abîmé ou illisible"):
        read_document(ods_content("<table:table-row>"), "plan.ods")
    with pytest.raises(PlanImportError, match="ce n’est pas un fichier XLSX"):
        read_document(b"Intitule;Pilote", "plan.xlsx")
