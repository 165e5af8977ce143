"""Import of the Alès source document: parsing alone, and parsing + writing."""

from pathlib import Path

import pytest

import faisse
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.territories.testing import make_territory

SOURCE = Path(faisse.__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"


def test_parse_source_document(benchmark):
    parsed = benchmark(parse_path, SOURCE)
    assert parsed.counts()["action"] == 117


@pytest.mark.django_db(transaction=True)
def test_import_source_document(benchmark):
    """A first import: parse, then write the plan and its history in one transaction."""
    territory = make_territory("Alès Agglomération")

    def remove_previous():
        territory.plans.all().delete()  # not timed

    def import_once():
        return save_plan(parse_path(SOURCE), territory, PlanDetails())

    plan = benchmark.pedantic(import_once, setup=remove_previous, rounds=10)
    assert plan.nodes.filter(kind="action").count() == 117


@pytest.mark.django_db(transaction=True)
def test_reimport_with_replace(benchmark):
    """Replacing a plan also records the deletion of each of its nodes in the history."""
    territory = make_territory("Alès Agglomération")
    save_plan(parse_path(SOURCE), territory, PlanDetails())

    def import_once():
        return save_plan(parse_path(SOURCE), territory, PlanDetails(), replace=True)

    plan = benchmark.pedantic(import_once, rounds=5, warmup_rounds=1)
    assert plan.nodes.filter(kind="action").count() == 117
