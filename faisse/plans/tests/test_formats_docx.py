"""The DOCX reader: headings, lists, numbers, bold, tables and what is not body text."""

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.parser import parse_xml

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.importer.formats.docx import read
from faisse.plans.tests.documents import Heading, Item, Para, Table, to_docx, to_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def summary(document):
    return [(b.where, b.text, b.heading, b.list_depth, b.number, b.bold) for b in document.blocks]


def saved(document) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_headings_lists_and_numbers_in_document_order():
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
    ]
    document = read(to_docx(content, title="Projet de territoire 2030", header="CC du Test"))
    assert document.title == "Projet de territoire 2030"
    assert (document.unit, document.layout, document.heading_styles) == ("paragraphe", True, True)
    assert summary(document) == [
        (2, "Axe 1 : Habiter le territoire", 1, -1, "", True),
        (3, "Objectif 1.1 : Se loger", 2, -1, "", True),
        (4, "Rénover les logements", 0, 0, "", False),
        (5, "des centres-bourgs", 0, 1, "", False),
        (6, "Créer une maison de l’habitat", 0, 0, "1", False),
        (7, "Recruter un conseiller", 0, 1, "1.1", False),
        (8, "Ouvrir une permanence", 0, 1, "1.2", False),
        (9, "à Saint-Ambroix", 0, 2, "a", False),
        (10, "Suivre les demandes", 0, 0, "2", False),
        (11, "Un paragraphe ordinaire.", 0, -1, "", False),
        (12, "Nouvelle liste", 0, 0, "1", False),  # a new list restarts at its start
        (13, "Tout en gras", 0, -1, "", True),
    ]
    assert all(block.break_before for block in document.blocks)
    assert document.warnings == []


def test_list_styles_give_their_depth_and_word_numbers_continue_each_style():
    content = [
        Item("puce"),
        Item("puce de second niveau", depth=1),
        Item("premier", numbered=True),
        Item("sous-numéro", depth=1, numbered=True),
        Item("deuxième", numbered=True),
        Para("texte"),
        Item("troisième", numbered=True),  # Word continues "List Number" across the text
    ]
    document = read(to_docx(content, list_styles=True))
    assert summary(document) == [
        (1, "puce", 0, 0, "", False),
        (2, "puce de second niveau", 0, 1, "", False),
        (3, "premier", 0, 0, "1", False),
        (4, "sous-numéro", 0, 1, "1", False),
        (5, "deuxième", 0, 0, "2", False),
        (6, "texte", 0, -1, "", False),
        (7, "troisième", 0, 0, "3", False),
    ]


def test_a_table_with_a_header_gives_one_action_per_row():
    table = Table(
        (
            ("N°", "Intitulé de l’action", "Pilote", "Description"),
            ("Axe 2 : Se déplacer", "", "", ""),
            ("2.1", "Créer des aires de covoiturage", "CC du Test", "Trois aires."),
            ("2.2", "Prolonger la voie verte", "", ""),
            ("", "", "", ""),
        )
    )
    document = read(to_docx([Heading(1, "Les actions"), table]))
    assert summary(document) == [
        (1, "Les actions", 1, -1, "", True),
        (3, "Axe 2 : Se déplacer", 0, -1, "", False),  # one cell filled: a section
        (4, "Créer des aires de covoiturage", 0, 0, "2.1", False),
        (5, "Prolonger la voie verte", 0, 0, "2.2", False),
    ]
    assert document.blocks[2].description == "Trois aires.\nPilote : CC du Test"
    assert document.blocks[0].description == ""


def test_a_merged_row_of_a_header_table_is_a_section_and_other_tables_are_paragraphs():
    word = docx.Document()
    table = word.add_table(rows=3, cols=2)
    for cell, text in zip(table.rows[0].cells, ["Action", "Calendrier"], strict=True):
        cell.text = text
    merged = table.rows[1].cells[0].merge(table.rows[1].cells[1])
    merged.text = "Orientation 1.1 : Se former"
    table.rows[2].cells[0].text = "Ouvrir un tiers-lieu"
    table.rows[2].cells[1].text = "2026"
    layout = word.add_table(rows=1, cols=2)  # a table used for the page's layout
    layout.rows[0].cells[0].text = "Le mot du président"
    layout.rows[0].cells[1].text = "Une photo"
    document = read(saved(word))
    assert summary(document) == [
        (2, "Orientation 1.1 : Se former", 0, -1, "", False),
        (3, "Ouvrir un tiers-lieu", 0, 0, "", False),
        (4, "Le mot du président", 0, -1, "", False),
        (5, "Une photo", 0, -1, "", False),
    ]
    assert document.blocks[1].description == "Calendrier : 2026"


def test_french_and_custom_styles_give_heading_levels():
    word = docx.Document()
    word.styles.add_style("Titre 1", WD_STYLE_TYPE.PARAGRAPH)
    custom = word.styles.add_style("Intertitre maison", WD_STYLE_TYPE.PARAGRAPH)
    custom.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl xmlns:w="{W}" w:val="2"/>'))
    derived = word.styles.add_style("Intertitre dérivé", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = custom
    bold = word.styles.add_style("Tout gras", WD_STYLE_TYPE.PARAGRAPH)
    bold.font.bold = True
    word.add_paragraph("Enjeu 1 : L’eau", style="Titre 1")
    word.add_paragraph("Objectif prioritaire 1.1", style="Intertitre maison")
    word.add_paragraph("Priorité opérationnelle 1.1.1", style="Intertitre dérivé")
    word.add_paragraph("En gras par son style", style="Tout gras")
    mixed = word.add_paragraph()
    mixed.add_run("À moitié ").bold = True
    mixed.add_run("en gras")
    word.add_paragraph("Titre du document", style="Title")
    document = read(saved(word))
    assert summary(document) == [
        (1, "Enjeu 1 : L’eau", 1, -1, "", False),
        (2, "Objectif prioritaire 1.1", 3, -1, "", False),
        (3, "Priorité opérationnelle 1.1.1", 3, -1, "", False),
        (4, "En gras par son style", 0, -1, "", True),
        (5, "À moitié en gras", 0, -1, "", False),
    ]
    assert document.title == "Titre du document"


def test_headings_numbered_by_their_style_get_word_numbers():
    word = docx.Document()
    numbering = word.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="Heading{ilvl + 1}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(
            [("upperRoman", "%1."), ("decimal", "%1.%2"), ("upperLetter", "%3)")]
        )
    )
    numbering.find(f"{{{W}}}num").addprevious(
        parse_xml(f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="70">{levels}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="70"><w:abstractNumId w:val="70"/></w:num>')
    )
    for level in (1, 2, 3):
        properties = word.styles[f"Heading {level}"].element.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:numId w:val="70"/></w:numPr>'))
    for level, text in [
        (1, "Un"),
        (2, "Un un"),
        (2, "Un deux"),
        (3, "a"),
        (3, "b"),
        (1, "Deux"),
        (2, "Deux un"),
    ]:
        word.add_heading(text, level)
    document = read(saved(word))
    assert [(b.text, b.heading, b.list_depth, b.number) for b in document.blocks] == [
        ("Un", 1, -1, "I"),
        ("Un un", 2, -1, "I.1"),
        ("Un deux", 2, -1, "I.2"),
        ("a", 3, -1, "A"),
        ("b", 3, -1, "B"),
        ("Deux", 1, -1, "II"),
        ("Deux un", 2, -1, "II.1"),
    ]


def test_text_boxes_and_tables_of_contents_are_left_out_with_a_warning():
    word = docx.Document()
    toc = word.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("Axe 1 : Habiter\t3", style=toc)
    word.add_paragraph("Axe 2 : Travailler\t7", style=toc)
    word.add_heading("Axe 1 : Habiter", 1)
    paragraph = word.add_paragraph("Avant la zone. ")
    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><w:pict><wps:txbx><w:txbxContent><w:p><w:r><w:t>Chiffre '
            "clé : 42 communes</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:pict></w:r>"
        )
    )
    word.sections[0].footer.paragraphs[0].text = "Page de pied"
    document = read(saved(word))
    assert summary(document) == [
        (3, "Axe 1 : Habiter", 1, -1, "", True),
        (4, "Avant la zone.", 0, -1, "", False),
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


def test_the_core_properties_title_serves_when_no_title_paragraph_and_is_not_a_file_name():
    word = docx.Document()
    word.core_properties.title = "Projet de territoire de la CC du Test"
    word.add_paragraph("Texte")
    assert read(saved(word)).title == "Projet de territoire de la CC du Test"
    word.core_properties.title = "Microsoft Word - plan_v3.docx"
    assert read(saved(word)).title == ""


def zipped(members: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()


def test_damaged_and_foreign_files_are_refused_with_what_is_wrong():
    data = to_docx([Para("Texte")])
    with pytest.raises(PlanImportError, match="fichier DOCX abîmé ou illisible : archive zip"):
        read_document(data[: len(data) // 2], "plan.docx")
    with pytest.raises(PlanImportError, match="la partie word/document.xml manque"):
        read(zipped({"[Content_Types].xml": b"<Types/>"}))
    with pytest.raises(PlanImportError, match="fichier DOCX abîmé ou illisible"):
        read(zipped({"word/document.xml": b"<w:document"}))
    with pytest.raises(PlanImportError, match="ce n’est pas un fichier DOCX"):
        read_document(b"Axe 1 : texte brut", "plan.docx")
    with pytest.raises(PlanImportError, match="ancien format Word"):
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "plan.doc")
    with pytest.raises(PlanImportError, match="archive zip qui n’est pas un document lu"):
        read_document(zipped({"photo.jpg": b"\xff\xd8"}), "plan.zip")


def test_a_pdf_named_docx_is_read_as_a_pdf_with_a_warning():
    document = read_document(to_pdf([Heading(1, "Axe 1 : Habiter")]), "plan.docx")
    assert document.unit == "ligne"
    assert document.blocks[0].text == "Axe 1 : Habiter"
    assert document.warnings[0] == (
        0,
        "le fichier « plan.docx » est en fait un PDF : lu comme tel.",
    )


def test_text_files_are_left_to_the_text_reader():
    assert read_document(b"Axe 1 : Habiter", "plan.txt") is None
    assert read_document(b"# Plan", "plan.md") is None


def bomb(size: int, chunk: bytes = b" " * (1 << 20)) -> bytes:
    """A DOCX whose document.xml expands to `size` bytes, written without holding it."""
    stream = io.BytesIO()
    with (
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(size // len(chunk)):
            member.write(chunk)
    return stream.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    data = bomb(64 << 20)
    assert len(data) < 200_000
    with pytest.raises(PlanImportError, match="archive anormale \\(bombe de décompression"):
        read_document(data, "plan.docx")


def test_an_archive_over_the_expanded_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 64 << 10  # expanded: at most 1.25 MiB
    members = {f"word/media/image{i}.bin": bytes(range(256)) * 128 for i in range(50)}
    with pytest.raises(PlanImportError, match="une fois décompressé"):
        read(zipped({"word/document.xml": b"<x/>", **members}))  # 50 × 32 Kio


def test_a_member_larger_than_its_directory_says_is_damaged_not_expanded():
    data = bytearray(zipped({"word/document.xml": b" " * (4 << 20)}))
    local, directory = data.find(b"PK\x03\x04"), data.rfind(b"PK\x01\x02")
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")  # uncompressed size
    data[directory + 24 : directory + 28] = (1000).to_bytes(4, "little")
    with pytest.raises(PlanImportError, match="fichier DOCX abîmé ou illisible"):
        read(bytes(data))


def test_an_xml_part_too_large_for_a_plan_is_refused_before_it_is_parsed(settings):
    settings.MAX_UPLOAD_BYTES = 256 << 10  # an XML part: at most 1 MiB expanded
    paragraphs = "".join(
        f"<w:p><w:r><w:t>Paragraphe {i} du document</w:t></w:r></w:p>" for i in range(40_000)
    )
    data = zipped({"word/document.xml": f"<w:document>{paragraphs}</w:document>".encode()})
    assert len(data) < settings.MAX_UPLOAD_BYTES  # the file itself is within the limit
    with pytest.raises(PlanImportError, match="word/document.xml fait .* une fois décompressé"):
        read(data)
