"""The Markdown export: the outline the Markdown importer reads, and the round trip."""

import re

import pytest

from faisse.plans.exporting import export_plan
from faisse.plans.importer import parse_document
from faisse.plans.models import PlanNode
from faisse.plans.tests.export_plans import (
    ACTION_PARAGRAPH,
    AXIS_PARAGRAPHS,
    PUBLISHED_OUTLINE,
    make_export_plan,
)
from faisse.plans.tree import PlanTree

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"
LABELLED = re.compile(r"^.+? (?P<number>\d+(?:\.\d+)*) : (?P<title>.+)$")


def markdown(plan, **options) -> str:
    return export_plan(plan, "md", **options).decode("utf-8")


def outline(text: str) -> list[tuple]:
    """(heading level, text) or ("-" per list level, text) of the plan's tree part."""
    tree_part = text[text.index("## Axe 1") :]
    found = []
    for line in tree_part.splitlines():
        if heading := re.match(r"^(#{2,5}) (.+)$", line):
            found.append((len(heading[1]) - 1, heading[2]))
        elif item := re.match(r"^( *)- (.+)$", line):
            found.append(("-" * (len(item[1]) // 2 + 1), item[2]))
    return found


def test_headings_by_kind_and_actions_as_nested_list_items(territory):
    text = markdown(make_export_plan(territory))
    assert outline(text) == PUBLISHED_OUTLINE


def test_title_facts_ambition_and_challenges_come_first(territory):
    text = markdown(make_export_plan(territory))
    head = text[: text.index("## Axe 1")]
    assert head == (
        "# Projet de territoire des Faïsses\n\n"
        f"Période{NBSP}: 2020–2030 · Adopté le 1er{NBSP}juin{NBSP}2020\n\n"
        f"3{NBSP}axes, 1{NBSP}orientation, 2{NBSP}objectifs prioritaires, "
        f"1{NBSP}sous-ensemble, 5{NBSP}actions.\n\n"
        "## Ambition\n\n"
        "Devise : Audace — Solidarité\n\n"
        "Une ambition partagée.\n\nDeux paragraphes pour la dire.\n\n"
        "## Défis\n\n"
        "- Un défi\n  - Un point\n  - Un autre\n- Un second défi\n\n"
    )


def test_descriptions_communes_and_other_placements_follow_their_node(territory):
    text = markdown(make_export_plan(territory))
    assert f"## Axe 1 : Attractivité\n\n{AXIS_PARAGRAPHS[0]}\n\n{AXIS_PARAGRAPHS[1]}\n\n" in text
    # An action's paragraphs are indented under its item (they belong to it in CommonMark).
    assert (
        "- Action 1.1.1.1 : Créer une pépinière\n\n"
        f"  {ACTION_PARAGRAPH}\n\n"
        "  Communes : Commune 1.\n\n"
        "  Aussi sous : Axe 3 : Cadre de vie.\n\n"
        "  - Trouver un local\n"
    ) in text
    # The sub-action applies to the same commune as its action: not said twice.
    assert text.count("Communes :") == 1
    # The shared action is written once, at its home.
    assert text.count("Créer une pépinière") == 1


def test_drafts_only_when_asked(territory):
    plan = make_export_plan(territory)
    public, working = markdown(plan), markdown(plan, drafts=True)
    for hidden in ("Brouillon", "Objectif caché", "Action cachée", "Action non publiée"):
        assert hidden not in public
        assert hidden in working
    assert "Document de travail" in working and "Document de travail" not in public
    assert "### Orientation 1.2 : Brouillon\n\nNon publié.\n\n#### Objectif caché\n" in working


def test_paragraphs_that_would_read_as_structure_are_escaped(territory):
    plan = make_export_plan(territory)
    PlanNode.objects.filter(plan=plan, number="1").update(
        description="# pas un titre\n- pas une action\n1. pas une liste\n**pas une devise**"
    )
    text = markdown(plan)
    assert (
        "\\# pas un titre\n\n\\- pas une action\n\n\\1. pas une liste\n\n\\**pas une devise**"
        in text
    )
    assert outline(text) == PUBLISHED_OUTLINE


# -- the round trip through today's Markdown importer ---------------------------------------


def parsed_tree(nodes) -> list[tuple]:
    """(kind, number, title, children) of parsed nodes; "Objectif 1.1.1 : …" read as one
    title is split into its number and title (the importer reads numbers of axes and
    orientations only)."""
    tree = []
    for node in nodes:
        number, title = node.number, node.title
        if not number and (match := LABELLED.match(title)):
            number, title = match["number"], match["title"]
        tree.append((node.kind, number, title, parsed_tree(node.children)))
    return tree


def plan_tree(entries) -> list[tuple]:
    return [
        (e.node.kind, e.node.number, e.node.title, plan_tree(e.children))
        for e in entries
        if not e.shared
    ]


def test_round_trip_through_the_markdown_importer(territory):
    """Today's importer glues an action's own paragraphs to its title: the plan here has
    none (the new recogniser of issue 12 reads them as the action's description)."""
    plan = make_export_plan(territory, notes=False)
    parsed = parse_document(markdown(plan), "plan.md")
    assert parsed.title == plan.title
    assert parsed.motto == "Audace — Solidarité"
    assert parsed.ambition == plan.ambition_text
    assert [(c.title, c.points) for c in parsed.challenges] == [
        ("Un défi", ["Un point", "Un autre"]),
        ("Un second défi", []),
    ]
    assert parsed_tree(parsed.nodes) == plan_tree(PlanTree.load(plan).roots)
    assert parsed.nodes[0].description == "\n".join(AXIS_PARAGRAPHS)


def test_the_ales_plan_round_trips_through_markdown(ales_plan):
    parsed = parse_document(markdown(ales_plan), "ales.md")
    assert parsed.counts() == {
        "axis": 3,
        "orientation": 8,
        "objective": 29,
        "group": 6,
        "action": 117,
    }
    assert parsed_tree(parsed.nodes) == plan_tree(PlanTree.load(ales_plan).roots)
    assert (parsed.title, parsed.motto) == (ales_plan.title, ales_plan.ambition_motto)
    assert parsed.ambition == ales_plan.ambition_text
