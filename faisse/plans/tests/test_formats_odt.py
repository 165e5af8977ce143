"""The ODT reader: headings, lists and their numbers, bold, tables, what is not body text."""

import io
import zipfile

import pytest

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.importer.formats.odt import read
from faisse.plans.tests.documents import Heading, Item, Para, Table, to_odt

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt(body: str, automatic: str = "", styles: str = "", meta: str = "") -> bytes:
    """An ODT of hand-written XML: the body's content, automatic and common styles."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            f"<office:document-content {NAMESPACES}><office:automatic-styles>{automatic}"
            f"</office:automatic-styles><office:body><office:text>{body}</office:text>"
            "</office:body></office:document-content>",
        )
        archive.writestr(
            "styles.xml",
            f"<office:document-styles {NAMESPACES}><office:styles>{styles}</office:styles>"
            "</office:document-styles>",
        )
        if meta:
            archive.writestr(
                "meta.xml",
                f"<office:document-meta {NAMESPACES}><office:meta>{meta}</office:meta>"
                "</office:document-meta>",
            )
    return stream.getvalue()


def summary(document):
    return [(b.where, b.text, b.heading, b.list_depth, b.number, b.bold) for b in document.blocks]


def test_headings_lists_numbers_and_tables_in_document_order():
    content = [
        Heading(1, "Axe 1 : Habiter le territoire"),
        Heading(2, "Objectif 1.1 : Se loger"),
        Item("Rénover les logements"),
        Item("des centres-bourgs", depth=1),
        Item("Créer une maison de l’habitat", numbered=True),
        Item("Recruter un conseiller", depth=1, numbered=True),
        Item("Ouvrir une permanence", depth=1, numbered=True),
        Item("à Saint-Ambroix", depth=2, numbered=True),
        Item("Suivre les demandes", numbered=True),
        Para("Un paragraphe ordinaire."),
        Item("Nouvelle liste", numbered=True),
        Para("Tout en gras", bold=True),
        Table(
            (
                ("N°", "Intitulé", "Pilote"),
                ("Axe 2 : Se déplacer", "", ""),
                ("2.1", "Créer des aires de covoiturage", "CC du Test"),
            )
        ),
    ]
    document = read(to_odt(content, title="Projet de territoire 2030"))
    assert document.title == "Projet de territoire 2030"
    assert (document.unit, document.layout, document.heading_styles) == ("paragraphe", True, True)
    assert summary(document) == [
        (2, "Axe 1 : Habiter le territoire", 1, -1, "", False),
        (3, "Objectif 1.1 : Se loger", 2, -1, "", False),
        (4, "Rénover les logements", 0, 0, "", False),
        (5, "des centres-bourgs", 0, 1, "", False),
        (6, "Créer une maison de l’habitat", 0, 0, "1", False),
        (7, "Recruter un conseiller", 0, 1, "1.1", False),
        (8, "Ouvrir une permanence", 0, 1, "1.2", False),
        (9, "à Saint-Ambroix", 0, 2, "a", False),
        (10, "Suivre les demandes", 0, 0, "2", False),
        (11, "Un paragraphe ordinaire.", 0, -1, "", False),
        (12, "Nouvelle liste", 0, 0, "1", False),
        (13, "Tout en gras", 0, -1, "", True),
        (15, "Axe 2 : Se déplacer", 0, -1, "", False),
        (16, "Créer des aires de covoiturage", 0, 0, "2.1", False),
    ]
    assert document.blocks[-1].description == "Pilote : CC du Test"


def test_outline_numbers_styles_bold_spans_and_continued_lists():
    styles = (
        '<style:style style:name="Heading" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Heading_20_2" style:display-name="Heading 2" '
        'style:family="paragraph" style:parent-style-name="Heading" '
        'style:default-outline-level="2"/>'
        '<text:outline-style style:name="Outline">'
        '<text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/>'
        '<text:outline-level-style text:level="2" style:num-format="1" '
        'text:display-levels="2"/></text:outline-style>'
        '<text:list-style style:name="Numbering_20_1">'
        '<text:list-level-style-number text:level="1" style:num-format="A" '
        'style:num-suffix=")"/></text:list-style>'
    )
    automatic = (
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name='
        '"Heading_20_2"><style:text-properties fo:font-weight="normal"/></style:style>'
    )
    body = (
        '<text:h text:outline-level="1">Enjeu : l’eau</text:h>'
        '<text:h text:style-name="Heading_20_2">Objectif sans niveau écrit</text:h>'
        '<text:h text:style-name="P1">Objectif maigre</text:h>'
        '<text:p><text:span text:style-name="T1">Tout</text:span>'
        '<text:span text:style-name="T1"> en gras</text:span></text:p>'
        '<text:p><text:span text:style-name="T1">À moitié</text:span> gras</text:p>'
        '<text:list text:style-name="Numbering_20_1" xml:id="l1">'
        "<text:list-item><text:p>Premier</text:p><text:p>sa suite</text:p></text:list-item>"
        "</text:list><text:p>entre deux</text:p>"
        '<text:list text:style-name="Numbering_20_1" text:continue-list="l1">'
        "<text:list-item><text:p>Deuxième</text:p></text:list-item>"
        '<text:list-item text:start-value="5"><text:p><text:number>E)</text:number>'
        "Cinquième</text:p></text:list-item></text:list>"
    )
    document = read(odt(body, automatic, styles, meta="<dc:title>Plan 2030</dc:title>"))
    assert document.title == "Plan 2030"
    assert summary(document) == [
        (1, "Enjeu : l’eau", 1, -1, "I", False),
        (2, "Objectif sans niveau écrit", 2, -1, "I.1", True),
        (3, "Objectif maigre", 2, -1, "I.2", False),
        (4, "Tout en gras", 0, -1, "", True),
        (5, "À moitié gras", 0, -1, "", False),
        (6, "Premier", 0, 0, "A", False),
        (7, "sa suite", 0, -1, "", False),
        (8, "entre deux", 0, -1, "", False),
        (9, "Deuxième", 0, 0, "B", False),
        (10, "Cinquième", 0, 0, "E", False),
    ]


def test_frames_notes_comments_and_the_table_of_contents_are_left_out():
    body = (
        "<text:table-of-content><text:index-body>"
        "<text:p>Axe 1 : Habiter 3</text:p><text:p>Axe 2 : Travailler 7</text:p>"
        "</text:index-body></text:table-of-content>"
        '<text:h text:outline-level="1">Axe 1 : Habiter</text:h>'
        "<text:p>Texte<text:note><text:note-body><text:p>une note</text:p></text:note-body>"
        "</text:note> suivi<office:annotation><text:p>un commentaire</text:p>"
        '</office:annotation><text:s text:c="3"/>de la suite.<draw:frame><draw:text-box>'
        "<text:p>Chiffre clé : 42 communes</text:p></draw:text-box></draw:frame></text:p>"
        "<text:section><text:p>Dans une section</text:p></text:section><table:table>"
        "<table:table-row><table:table-cell><text:p>Cellule seule</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    document = read(odt(body))
    assert summary(document) == [
        (3, "Axe 1 : Habiter", 1, -1, "", False),
        (4, "Texte suivi de la suite.", 0, -1, "", False),
        (5, "Dans une section", 0, -1, "", False),
        (6, "Cellule seule", 0, -1, "", False),
    ]
    assert document.warnings == [
        (
            1,
            "table des matières ignorée (paragraphes 1 à 2) : les titres qu’elle liste sont "
            "lus là où ils sont dans le texte.",
        ),
        (
            4,
            "zone de texte ignorée (elle n’est pas dans le fil du texte) : « Chiffre clé : "
            "42 communes ».",
        ),
    ]


def test_damaged_and_foreign_files_are_refused():
    data = to_odt([Para("Texte")])
    with pytest.raises(PlanImportError, match="fichier ODT abîmé ou illisible"):
        read_document(data[: len(data) // 2], "plan.odt")
    with pytest.raises(PlanImportError, match="fichier ODT abîmé ou illisible"):
        read(odt("<text:p>non fermé"))
    with pytest.raises(PlanImportError, match="ce n’est pas un fichier ODT"):
        read_document(b"Axe 1", "plan.odt")
    entity = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", entity + f"<office:document-content {NAMESPACES}/>")
    document = read_document(stream.getvalue(), "plan.odt")  # entities are not expanded
    assert document.blocks == []
