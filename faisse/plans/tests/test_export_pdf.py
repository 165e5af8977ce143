"""The PDF export (typst), read back through pdfium: texts, pages, header and footer, map."""

import re

import pypdfium2
import pytest

from faisse.plans.exporting import export_plan
from faisse.plans.exporting.document import build_document
from faisse.plans.exporting.pdf import literal, typst_source
from faisse.plans.tests.export_plans import DRAFT_TEXTS, PUBLISHED_OUTLINE, make_export_plan
from faisse.portal.tests.located import give_boundaries

pytestmark = pytest.mark.django_db
ODD_TITLE = 'Projet #1 *gras* _x_ $5 @moi <b> [c] \\d "e" = f // g'


def pages(data: bytes) -> tuple[list[str], dict]:
    """The text of each page, one line of text per line, and the metadata."""
    document = pypdfium2.PdfDocument(data)
    texts = [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]
    return texts, document.get_metadata_dict()


def flat(texts: list[str]) -> str:
    """The whole text with line breaks as spaces (titles wrap)."""
    return " ".join(" ".join(texts).split())


def test_a4_pages_with_the_title_in_the_header_and_numbers_in_the_footer(territory):
    plan = make_export_plan(territory)
    data = export_plan(plan, "pdf")
    assert data.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(data)
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts, metadata = pages(data)
    assert metadata["Title"] == plan.title
    for number, text in enumerate(texts, start=1):
        lines = text.splitlines()
        assert lines[0].startswith(plan.title)  # the header
        assert lines[-1] == f"Page\u00a0{number} sur\u00a0{len(texts)}"  # the footer


def test_every_published_node_in_order_and_no_draft(territory):
    plan = make_export_plan(territory)
    public = flat(pages(export_plan(plan, "pdf"))[0])
    position = 0
    for _kind, text in PUBLISHED_OUTLINE:
        found = public.find(text, position)
        assert found >= 0, text
        position = found + len(text)
    working = flat(pages(export_plan(plan, "pdf", drafts=True))[0])
    for text in DRAFT_TEXTS:
        assert text not in public and text in working


def test_title_ambition_challenges_communes_in_french(territory):
    text = flat(pages(export_plan(make_export_plan(territory), "pdf"))[0])
    assert "Adopté le 1er juin 2020" in text.replace("\u00a0", " ")
    assert "Ambition Audace — Solidarité Une ambition partagée." in text
    assert "Défis • Un défi ◦ Un point ◦ Un autre • Un second défi" in text
    assert "Communes : Commune 1." in text


def test_headings_are_headings_and_actions_list_items_in_the_source(territory):
    source = typst_source(build_document(make_export_plan(territory)))
    assert '\n= #"Axe 1 : Attractivité"\n' in source
    assert '\n== #"Orientation 1.1 : Accueillir les entreprises"\n' in source
    assert '\n=== #"Objectif prioritaire 1.1.1 : Aménager des zones"\n' in source
    assert '\n==== #"Un sous-ensemble"\n' in source
    assert '\n- #"Action 1.1.1.1 : Créer une pépinière"\n' in source
    assert '\n  - #"Trouver un local"\n' in source
    assert '#set text(lang: "fr"' in source


def test_typst_special_characters_in_texts_are_printed_as_they_are(territory):
    plan = make_export_plan(territory, title=ODD_TITLE)
    plan.ambition_text = "Un $ seul, un # seul, une <étiquette> et un \\ final\\"
    plan.save()
    texts, metadata = pages(export_plan(plan, "pdf"))
    assert metadata["Title"] == ODD_TITLE
    lines = texts[0].splitlines()
    assert lines[0].startswith(ODD_TITLE)  # header
    assert flat(lines[1:4]).startswith(f"{ODD_TITLE} Période")  # the big title
    assert "Un $ seul, un # seul, une <étiquette> et un \\ final\\" in flat(texts)


def test_a_string_literal_escapes_only_what_strings_need():
    assert literal('a "b" \\c') == '"a \\"b\\" \\\\c"'
    assert literal("ligne\nsuivante\ttab") == '"ligne\\nsuivante\\u{9}tab"'
    assert literal("#[*_$@<]") == '"#[*_$@<]"'


def test_the_territory_map_on_the_first_page(territory):
    plan = make_export_plan(territory)
    give_boundaries(territory)
    document = build_document(plan, with_map=True)
    assert document.places.map_svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    # Communes named by no action, then the one named (shaded as on the site's map).
    assert [colour for colour, _label in document.places.legend] == ["#f4f1eb", "#d95f0e"]
    data = export_plan(plan, "pdf")
    first = pypdfium2.PdfDocument(data)[0]
    assert any(
        obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH for obj in first.get_objects(max_depth=3)
    )
    assert "Les 4 communes de Agglo des Faïsses" in flat(pages(data)[0][:1]).replace("\u00a0", " ")


def test_no_map_without_boundaries(territory):
    document = build_document(make_export_plan(territory), with_map=True)
    assert document.places.map_svg == ""
    assert "sys.inputs.map" not in typst_source(document)


def test_the_ales_plan_in_pdf(ales_plan):
    texts, _metadata = pages(export_plan(ales_plan, "pdf"))
    text = flat(texts)
    assert 5 <= len(texts) <= 12
    assert len(re.findall(r"Orientation \d\.\d : ", text)) == 8
    assert text.count("• ") == 117 + 5  # actions and challenges
