"""The Alès plan exported to DOCX, ODT, PDF and Markdown re-imports to the same tree:
the proof that the recogniser reads real layout (heading styles, list levels, font
sizes, a header and page numbers on every page of the PDF)."""

import pytest

from faisse.plans.exporting import export_plan
from faisse.plans.importer import parse_upload
from faisse.plans.tests.test_export_markdown import parsed_tree, plan_tree
from faisse.plans.tree import PlanTree

ALES_COUNTS = {"axis": 3, "orientation": 8, "objective": 29, "group": 6, "action": 117}


@pytest.mark.parametrize("key", ["docx", "odt", "pdf", "md"])
def test_the_ales_plan_exported_re_imports_to_the_same_tree(ales_plan, key):
    parsed = parse_upload(export_plan(ales_plan, key), f"ales.{key}")
    assert parsed.counts() == ALES_COUNTS
    assert parsed_tree(parsed.nodes) == plan_tree(PlanTree.load(ales_plan).roots)
    assert parsed.title == ales_plan.title
    assert parsed.motto == ales_plan.ambition_motto
    assert [c.title for c in parsed.challenges] == list(
        ales_plan.challenges.order_by("position").values_list("title", flat=True)
    )


@pytest.mark.parametrize("key", ["docx", "odt", "pdf", "md"])
def test_level_names_survive_the_round_trip(ales_plan, key):
    ales_plan.set_level_names({"axis": ["Enjeu", "Enjeux"], "orientation": ["Priorité"]})
    parsed = parse_upload(export_plan(ales_plan, key), f"ales.{key}")
    assert parsed.level_names["axis"] == ["Enjeu", "Enjeux"]
    assert parsed.level_names["orientation"][0] == "Priorité"
    assert parsed.counts() == ALES_COUNTS
