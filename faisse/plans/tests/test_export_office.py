"""The DOCX and ODT exports, opened with their own libraries: the layout contract."""

from collections import Counter
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn
from odf import dc, teletype
from odf.namespaces import TEXTNS
from odf.opendocument import load

from faisse.plans.exporting import export_plan
from faisse.plans.tests.export_plans import (
    ACTION_PARAGRAPH,
    AXIS_PARAGRAPHS,
    DRAFT_TEXTS,
    PUBLISHED_OUTLINE,
    make_export_plan,
)

pytestmark = pytest.mark.django_db
HEADING, LIST, ITEM, PARAGRAPH = ((TEXTNS, name) for name in ("h", "list", "list-item", "p"))
ODD_TITLE = "Projet #1 *gras* _x_ $5 @moi <b> [c] \\d « e » & f"


# -- DOCX --------------------------------------------------------------------------------


def word(plan, **options):
    return docx.Document(BytesIO(export_plan(plan, "docx", **options)))


def word_blocks(document) -> list[tuple]:
    """(1–4 for "Heading N", "-"/"--" for "List Bullet"/"List Bullet 2", "p" otherwise,
    the style name for Title and Subtitle; the paragraph's text)."""
    blocks = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style.startswith("Heading "):
            blocks.append((int(style.split()[1]), paragraph.text))
        elif style.startswith("List Bullet"):
            depth = int(style.split()[-1]) if style[-1].isdigit() else 1
            blocks.append(("-" * depth, paragraph.text))
        elif style in ("Title", "Subtitle"):
            blocks.append((style, paragraph.text))
        else:
            blocks.append(("p", paragraph.text))
    return blocks


def tree_part(blocks: list[tuple]) -> list[tuple]:
    start = blocks.index((1, "Axe 1 : Attractivité"))
    return [block for block in blocks[start:] if block[0] != "p"]


def test_docx_headings_by_kind_and_actions_as_list_items(territory):
    assert tree_part(word_blocks(word(make_export_plan(territory)))) == PUBLISHED_OUTLINE


def test_docx_title_ambition_and_challenges(territory):
    plan = make_export_plan(territory)
    document = word(plan)
    blocks = word_blocks(document)
    assert blocks[0] == ("Title", "Projet de territoire des Faïsses")
    assert blocks[1][0] == "Subtitle" and "Adopté le 1er\u00a0juin\u00a02020" in blocks[1][1]
    ambition = blocks.index((1, "Ambition"))
    assert blocks[ambition + 1 : ambition + 4] == [
        ("p", "Audace — Solidarité"),
        ("p", "Une ambition partagée."),
        ("p", "Deux paragraphes pour la dire."),
    ]
    motto = document.paragraphs[ambition + 1]
    assert all(run.bold for run in motto.runs)
    challenges = blocks.index((1, "Défis"))
    assert blocks[challenges + 1 : challenges + 5] == [
        ("-", "Un défi"),
        ("--", "Un point"),
        ("--", "Un autre"),
        ("-", "Un second défi"),
    ]
    assert document.core_properties.title == plan.title
    assert document.core_properties.language == "fr-FR"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "fr-FR"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21, 29.7)
    assert section.header.paragraphs[0].text == plan.title
    fields = section.footer._element.findall(f".//{qn('w:fldSimple')}")
    assert [field.get(qn("w:instr")) for field in fields] == ["PAGE", "NUMPAGES"]


def test_docx_descriptions_and_notes_follow_their_node(territory):
    blocks = word_blocks(word(make_export_plan(territory)))
    axis = blocks.index((1, "Axe 1 : Attractivité"))
    assert blocks[axis + 1 : axis + 3] == [("p", text) for text in AXIS_PARAGRAPHS]
    action = blocks.index(("-", "Action 1.1.1.1 : Créer une pépinière"))
    assert blocks[action + 1 : action + 5] == [
        ("p", ACTION_PARAGRAPH),
        ("p", "Communes : Commune 1."),
        ("p", "Aussi sous : Axe 3 : Cadre de vie."),
        ("--", "Trouver un local"),
    ]


def test_docx_drafts_only_when_asked(territory):
    plan = make_export_plan(territory)
    public = " ".join(text for _kind, text in word_blocks(word(plan)))
    working = " ".join(text for _kind, text in word_blocks(word(plan, drafts=True)))
    for text in DRAFT_TEXTS:
        assert text not in public and text in working


def test_docx_keeps_odd_characters(territory):
    document = word(make_export_plan(territory, title=ODD_TITLE))
    assert document.paragraphs[0].text == ODD_TITLE
    assert document.core_properties.title == ODD_TITLE


# -- ODT ---------------------------------------------------------------------------------


def opendocument(plan, **options):
    return load(BytesIO(export_plan(plan, "odt", **options)))


def odt_blocks(nodes, depth: int = 0) -> list[tuple]:
    """As word_blocks: (outline level, text) for text:h, ("-" * list depth, text) for an
    item's first paragraph, ("p", text) for the other paragraphs, in document order."""
    blocks = []
    for child in nodes:
        if child.qname == HEADING:
            blocks.append((int(child.getAttribute("outlinelevel")), teletype.extractText(child)))
        elif child.qname == LIST:
            for item in (node for node in child.childNodes if node.qname == ITEM):
                first = True
                for part in item.childNodes:
                    if part.qname == PARAGRAPH:
                        kind = "-" * (depth + 1) if first else "p"
                        blocks.append((kind, teletype.extractText(part)))
                        first = False
                    else:
                        blocks += odt_blocks([part], depth + 1)
        elif child.qname == PARAGRAPH:
            style = child.getAttribute("stylename") or ""
            kind = style if style in ("Title", "Subtitle") else "p"
            blocks.append((kind, teletype.extractText(child)))
    return blocks


def test_odt_headings_by_kind_and_actions_as_list_items(territory):
    document = opendocument(make_export_plan(territory))
    assert tree_part(odt_blocks(document.text.childNodes)) == PUBLISHED_OUTLINE


def test_odt_title_ambition_challenges_and_metadata(territory):
    plan = make_export_plan(territory)
    document = opendocument(plan)
    blocks = odt_blocks(document.text.childNodes)
    assert blocks[0] == ("Title", plan.title)
    ambition = blocks.index((1, "Ambition"))
    assert blocks[ambition + 1 : ambition + 4] == [
        ("p", "Audace — Solidarité"),
        ("p", "Une ambition partagée."),
        ("p", "Deux paragraphes pour la dire."),
    ]
    challenges = blocks.index((1, "Défis"))
    assert blocks[challenges + 1 : challenges + 5] == [
        ("-", "Un défi"),
        ("--", "Un point"),
        ("--", "Un autre"),
        ("-", "Un second défi"),
    ]
    meta = document.meta
    assert teletype.extractText(meta.getElementsByType(dc.Title)[0]) == plan.title
    assert teletype.extractText(meta.getElementsByType(dc.Language)[0]) == "fr-FR"
    styles = {style.getAttribute("name") for style in document.styles.childNodes}
    assert {"Title", "Heading_20_1", "Heading_20_4", "Puces"} <= styles
    master = document.masterstyles.childNodes[0]
    assert teletype.extractText(master.childNodes[0]) == plan.title  # the header
    assert teletype.extractText(master.childNodes[1]).startswith("Page")  # the footer


def test_odt_an_actions_paragraphs_stay_in_its_item(territory):
    blocks = odt_blocks(opendocument(make_export_plan(territory)).text.childNodes)
    action = blocks.index(("-", "Action 1.1.1.1 : Créer une pépinière"))
    assert blocks[action + 1 : action + 5] == [
        ("p", ACTION_PARAGRAPH),
        ("p", "Communes : Commune 1."),
        ("p", "Aussi sous : Axe 3 : Cadre de vie."),
        ("--", "Trouver un local"),
    ]


def test_odt_drafts_only_when_asked_and_odd_characters_kept(territory):
    plan = make_export_plan(territory, title=ODD_TITLE)
    public = odt_blocks(opendocument(plan).text.childNodes)
    working = " ".join(
        text for _kind, text in odt_blocks(opendocument(plan, drafts=True).text.childNodes)
    )
    assert public[0] == ("Title", ODD_TITLE)
    for text in DRAFT_TEXTS:
        assert text not in " ".join(t for _k, t in public) and text in working


# -- the Alès plan -----------------------------------------------------------------------


def test_the_ales_plan_in_docx_and_odt(ales_plan):
    """3 axes (with Ambition and Défis: 5 level-1 headings), 8 orientations, 29
    objectives, 6 groups; 117 actions and 5 challenges as top-level items, 6 points."""
    for blocks in (
        word_blocks(word(ales_plan)),
        odt_blocks(opendocument(ales_plan).text.childNodes),
    ):
        counts = Counter(kind for kind, _text in blocks)
        assert [counts[level] for level in (1, 2, 3, 4)] == [5, 8, 29, 6]
        assert (counts["-"], counts["--"]) == (117 + 5, 6)
