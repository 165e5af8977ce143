"""The recognised tree of documents of our own making in every layout format: DOCX with
heading styles and with list levels, ODT, a PDF with a header and a footer on every page,
spreadsheets with one row per element. The same plan, the same tree."""

import pytest

from faisse.plans.importer import parse_upload
from faisse.plans.tests.documents import (
    Heading,
    Item,
    PageBreak,
    Para,
    Table,
    to_docx,
    to_ods,
    to_odt,
    to_pdf,
    to_xlsx,
)
from faisse.plans.tests.test_recogniser import tree

DEFIS = [
    Para("Projet de territoire de la Communauté de communes du Val d’Essai"),
    Heading(1, "Défi 1 – Un territoire qui accueille"),
    Para("Le premier défi du territoire."),
    Heading(2, "Objectif opérationnel 1.1 – Loger les jeunes"),
    Item("Créer une résidence pour les apprentis"),
    Para("Une résidence de trente logements près de la gare."),
    Item("Ouvrir un service de colocation"),
    Heading(2, "Objectif opérationnel 1.2 – Soigner"),
    Item("Construire une maison de santé"),
    Heading(1, "Défi 2 – Un territoire qui se déplace"),
    Heading(2, "Objectif opérationnel 2.1 – Pédaler"),
    Item("Tracer une voie verte le long de la rivière"),
]

# The same, a Défi a page: a header and a footer on each of three pages.
PAGED = [*DEFIS[:8], PageBreak(), *DEFIS[8:10], PageBreak(), *DEFIS[10:]]

EXPECTED = [
    ("axis", "Défi", "1", "Un territoire qui accueille", [
        ("objective", "Objectif opérationnel", "1.1", "Loger les jeunes", [
            ("action", "", "", "Créer une résidence pour les apprentis", []),
            ("action", "", "", "Ouvrir un service de colocation", []),
        ]),
        ("objective", "Objectif opérationnel", "1.2", "Soigner", [
            ("action", "", "", "Construire une maison de santé", []),
        ]),
    ]),
    ("axis", "Défi", "2", "Un territoire qui se déplace", [
        ("objective", "Objectif opérationnel", "2.1", "Pédaler", [
            ("action", "", "", "Tracer une voie verte le long de la rivière", []),
        ]),
    ]),
]  # fmt: skip

HEADER = "Communauté de communes du Val d’Essai — Projet de territoire"
FOOTER = "Adopté par le conseil communautaire le 3 juin 2025"


@pytest.mark.parametrize(
    "name, data",
    [
        ("val.docx", lambda: to_docx(DEFIS, header=HEADER, footer=FOOTER)),
        ("val.docx", lambda: to_docx(DEFIS, list_styles=True)),
        ("val.odt", lambda: to_odt(DEFIS)),
        ("val.pdf", lambda: to_pdf(PAGED, header=HEADER, footer=FOOTER)),
    ],
    ids=["docx-headings", "docx-list-styles", "odt", "pdf-header-footer"],
)
def test_the_same_plan_in_every_layout_gives_the_same_tree(name, data):
    plan = parse_upload(data(), name)
    assert plan.title == "Projet de territoire de la Communauté de communes du Val d’Essai"
    assert tree(plan) == EXPECTED
    assert plan.level_names == {
        "axis": ["Défi", "Défis"],
        "objective": ["Objectif opérationnel", "Objectifs opérationnels"],
    }
    first_action = plan.nodes[0].children[0].children[0]
    assert first_action.description == "Une résidence de trente logements près de la gare."


def test_a_pdf_with_a_header_and_a_footer_tells_them_as_left_out():
    long_plan = DEFIS * 1 + [
        Heading(1, f"Défi {n} – Défi numéro {n}") if i == 0 else Item(f"Action {n}.{i}")
        for n in range(3, 9)
        for i in range(12)
    ]
    plan = parse_upload(to_pdf(long_plan, header=HEADER, footer=FOOTER), "val.pdf")
    assert [n.number for n in plan.nodes] == [str(n) for n in range(1, 9)]
    assert sum(n.kind == "action" for n in plan.walk()) == 4 + 6 * 11
    messages = " ".join(w.message for w in plan.warnings)
    assert HEADER in messages and FOOTER in messages


NESTED_LISTS = [
    Para("Schéma de cohérence du Pays d’Essai"),
    Item("Habiter", 0, numbered=True),
    Item("Rénover le parc ancien", 1, numbered=True),
    Item("Une plateforme de la rénovation", 2, numbered=True),
    Item("Des permanences dans les mairies", 2, numbered=True),
    Item("Construire sobrement", 1, numbered=True),
    Item("Un référentiel de la construction durable", 2, numbered=True),
    Item("Travailler", 0, numbered=True),
    Item("Accueillir les entreprises", 1, numbered=True),
    Item("Une pépinière d’entreprises", 2, numbered=True),
]


def test_a_docx_made_of_numbered_list_levels_gives_levels_by_depth():
    plan = parse_upload(to_docx(NESTED_LISTS), "pays.docx")
    assert tree(plan) == [
        ("axis", "", "1", "Habiter", [
            ("objective", "", "1.1", "Rénover le parc ancien", [
                ("action", "", "a", "Une plateforme de la rénovation", []),
                ("action", "", "b", "Des permanences dans les mairies", []),
            ]),
            ("objective", "", "1.2", "Construire sobrement", [
                ("action", "", "a", "Un référentiel de la construction durable", []),
            ]),
        ]),
        ("axis", "", "2", "Travailler", [
            ("objective", "", "2.1", "Accueillir les entreprises", [
                ("action", "", "a", "Une pépinière d’entreprises", []),
            ]),
        ]),
    ]  # fmt: skip


def test_a_docx_table_gives_one_action_per_row():
    content = [
        Para("Programme d’actions"),
        Heading(1, "Axe 1 : Habiter"),
        Table(
            (
                ("Intitulé", "Pilote", "Calendrier"),
                ("Créer une plateforme de la rénovation", "Service habitat", "2026"),
                ("Ouvrir un habitat inclusif", "CCAS", "2027"),
            )
        ),
    ]
    plan = parse_upload(to_docx(content), "programme.docx")
    axis = plan.nodes[0]
    assert [(a.kind, a.title) for a in axis.children] == [
        ("action", "Créer une plateforme de la rénovation"),
        ("action", "Ouvrir un habitat inclusif"),
    ]
    assert "Pilote : Service habitat" in axis.children[0].description


ROWS = [
    ["Niveau", "N°", "Intitulé", "Description"],
    ["Enjeu", "1", "Un territoire qui accueille", "Le premier enjeu."],
    ["Objectif", "1.1", "Loger les jeunes", ""],
    ["Action", "1.1.1", "Créer une résidence pour les apprentis", "Trente logements."],
    ["Action", "1.1.2", "Ouvrir un service de colocation", ""],
    ["Enjeu", "2", "Un territoire qui se déplace", ""],
    ["Objectif", "2.1", "Pédaler", ""],
    ["Action", "2.1.1", "Tracer une voie verte", ""],
]


@pytest.mark.parametrize("name, write", [("plan.xlsx", to_xlsx), ("plan.ods", to_ods)])
def test_a_spreadsheet_with_one_row_per_element(name, write):
    plan = parse_upload(write(ROWS), name)
    assert tree(plan) == [
        ("axis", "Enjeu", "1", "Un territoire qui accueille", [
            ("objective", "", "1.1", "Loger les jeunes", [
                ("action", "", "1.1.1", "Créer une résidence pour les apprentis", []),
                ("action", "", "1.1.2", "Ouvrir un service de colocation", []),
            ]),
        ]),
        ("axis", "Enjeu", "2", "Un territoire qui se déplace", [
            ("objective", "", "2.1", "Pédaler", [
                ("action", "", "2.1.1", "Tracer une voie verte", []),
            ]),
        ]),
    ]  # fmt: skip
    assert plan.nodes[0].description == "Le premier enjeu."
    assert plan.unit == "rangée" and plan.nodes[0].line == 2
