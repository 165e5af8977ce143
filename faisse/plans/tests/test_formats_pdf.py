"""The PDF reader: one block per line, with its page, size rank, weight and indentation."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.importer.formats.pdf import read
from faisse.plans.tests.documents import (
    Heading,
    Item,
    PageBreak,
    Para,
    image_only_pdf,
    plan_content,
    to_pdf,
)

CONTENT = [
    Heading(1, "Axe 1 : Habiter"),
    Heading(2, "Orientation 1.1 : Se loger"),
    Heading(3, "Objectif 1.1.1 : Rénover"),
    Item("Aider les propriétaires"),
    Item("des maisons anciennes", depth=1),
    Item("des appartements", depth=1),
    Item("Ouvrir une maison de l’habitat"),
    Para("Un paragraphe qui explique pourquoi."),
    Item("Premier", numbered=True),
    Item("Second", numbered=True),
    PageBreak(),
    Heading(1, "Axe 2 : Travailler"),
    Para("En gras", bold=True),
]
HEADER = "CC du Test — Projet de territoire"
FOOTER = "Conseil du 3 mars 2025"


def test_lines_with_their_page_size_rank_weight_and_list_depth():
    document = read(to_pdf(CONTENT, header=HEADER, footer=FOOTER, title="Projet 2030"))
    assert (document.unit, document.layout, document.heading_styles) == ("ligne", True, False)
    assert document.title == "Projet 2030"
    assert [
        (b.where, b.page, b.text, b.heading, b.list_depth, b.bold) for b in document.blocks
    ] == [
        (1, 1, HEADER, 0, -1, False),
        (2, 1, "Axe 1 : Habiter", 1, -1, True),
        (3, 1, "Orientation 1.1 : Se loger", 2, -1, True),
        (4, 1, "Objectif 1.1.1 : Rénover", 3, -1, True),
        (5, 1, "• Aider les propriétaires", 0, 0, False),
        (6, 1, "‣ des maisons anciennes", 0, 1, False),
        (7, 1, "‣ des appartements", 0, 1, False),
        (8, 1, "• Ouvrir une maison de l’habitat", 0, 0, False),
        (9, 1, "Un paragraphe qui explique pourquoi.", 0, -1, False),
        (10, 1, "1. Premier", 0, -1, False),  # numbers stay in the text, for the recogniser
        (11, 1, "2. Second", 0, -1, False),
        (12, 1, f"{FOOTER} 1", 0, -1, False),  # furniture stays: the recogniser removes it
        (13, 2, HEADER, 0, -1, False),
        (14, 2, "Axe 2 : Travailler", 1, -1, True),
        (15, 2, "En gras", 0, -1, True),
        (16, 2, f"{FOOTER} 2", 0, -1, False),
    ]
    indents = [block.indent for block in document.blocks[4:8]]
    assert indents[0] == indents[3] == 0 and indents[1] == indents[2] > 5
    assert document.blocks[8].break_before and not document.blocks[6].break_before


def test_wrapped_lines_are_lines_and_a_long_plan_keeps_every_page():
    document = read(to_pdf(plan_content(40), header=HEADER))
    pages = {block.page for block in document.blocks}
    assert pages == set(range(1, max(pages) + 1)) and max(pages) >= 3
    assert sum(block.text == HEADER for block in document.blocks) == max(pages)
    assert sum(block.list_depth == 0 for block in document.blocks) == 40
    assert [b.where for b in document.blocks] == list(range(1, len(document.blocks) + 1))


def hand_made_pdf(content: bytes) -> bytes:
    """A one-page PDF with the standard fonts Helvetica-Bold (F1) and Times-Roman (F2)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << "
        b"/F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + (
        b"xref\n0 %d\n0000000000 65535 f \n%strailer\n<< /Size %d /Root 1 0 R >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table, len(objects) + 1, len(out))
    )


def test_a_font_scaled_by_its_text_matrix_has_its_drawn_size_and_a_bold_name_is_bold():
    data = hand_made_pdf(
        b"BT /F1 1 Tf 20 0 0 20 72 700 Tm (Grand titre) Tj ET "
        b"BT /F2 10 Tf 1 0 0 1 72 650 Tm (Texte courant, assez long pour compter.) Tj ET "
        b"BT /F2 10 Tf 1 0 0 1 90 636 Tm (- un tiret) Tj ET"
    )
    document = read(data)
    assert [(b.text, b.heading, b.bold, b.indent, b.list_depth) for b in document.blocks] == [
        ("Grand titre", 1, True, 0.0, -1),
        ("Texte courant, assez long pour compter.", 0, False, 0.0, -1),
        ("- un tiret", 0, False, 18.0, 0),
    ]


def encrypted(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="propriétaire", algorithm="AES-128")
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def test_a_password_protected_pdf_is_refused_unless_the_empty_password_opens_it():
    data = to_pdf([Heading(1, "Axe 1 : Habiter")])
    with pytest.raises(PlanImportError, match="le PDF est protégé par un mot de passe"):
        read(encrypted(data, "secret"))
    assert read(encrypted(data, "")).blocks[0].text == "Axe 1 : Habiter"


def test_a_pdf_without_text_is_refused_as_a_scan():
    with pytest.raises(PlanImportError, match=r"le PDF ne contient pas de texte \(document scanné"):
        read(image_only_pdf())


def test_damaged_or_foreign_files_are_refused():
    with pytest.raises(PlanImportError, match="fichier PDF abîmé ou illisible"):
        read(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(PlanImportError, match="ce n’est pas un fichier PDF"):
        read(b"Axe 1 : Habiter")
    with pytest.raises(PlanImportError, match="ce n’est pas un fichier PDF"):
        read_document(b"Axe 1 : Habiter", "plan.pdf")


def test_a_truncated_pdf_gives_what_pdfium_recovers_or_a_refusal():
    data = to_pdf(plan_content(30), header=HEADER)
    for size in (len(data) // 3, len(data) // 2, len(data) - 100):
        try:
            document = read(data[:size])
        except PlanImportError as error:
            assert "PDF" in str(error)
        else:
            assert all(block.text for block in document.blocks)
