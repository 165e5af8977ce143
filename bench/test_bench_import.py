"""Import of the Alès source document: parsing alone, and parsing + writing."""

from pathlib import Path

import pytest

import faisse
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.testing import make_territory

SOURCE = Path(faisse.__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"


def test_parse_source_document(benchmark):
    parsed = benchmark(parse_path, SOURCE)
    assert parsed.counts()["action"] == 117


@pytest.mark.django_db(transaction=True)
def test_import_source_document(benchmark):
    territory = make_territory("Alès Agglomération")

    def import_once():
        return save_plan(parse_path(SOURCE), territory, PlanDetails(), replace=True)

    plan = benchmark.pedantic(import_once, rounds=10, warmup_rounds=1)
    assert plan.nodes.filter(kind="action").count() == 117
