"""Detection of the communes and places named by the whole Alès plan."""

from pathlib import Path

import pytest

import faisse
from faisse.locations.detection import apply_detection, detect
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.territories.loading import load_ales

SOURCE = Path(faisse.__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"


@pytest.fixture
def ales_plan(db):
    return save_plan(parse_path(SOURCE), load_ales(), PlanDetails())


def test_detect_communes_in_the_whole_plan(benchmark, ales_plan):
    detection = benchmark(detect, ales_plan)
    assert len(detection.nodes) == 13  # 11 nodes name member communes, 2 only places outside


def test_detect_and_record(benchmark, ales_plan):
    benchmark.pedantic(lambda: apply_detection(detect(ales_plan)), rounds=10, warmup_rounds=1)
