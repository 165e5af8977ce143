"""Export of a plan in each format (faisse.plans.exporting): the Alès plan as the demo has
it (117 actions, commune links detected, the map of its 71 communes in the PDF), and a
generated plan of 1,200 actions.

    .venv/bin/pytest bench/test_bench_plan_export.py --benchmark-enable
"""

import pytest

from faisse.locations.detection import apply_detection, detect
from faisse.plans.exporting import FORMATS, export_plan
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.plans.tests.conftest import SOURCE
from faisse.territories.loading import load_ales
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ales():
    plan = save_plan(parse_path(SOURCE), load_ales(), PlanDetails(period_start=2018))
    apply_detection(detect(plan))
    return plan


@pytest.mark.parametrize("key", list(FORMATS))
def test_export_ales(benchmark, ales, key):
    data = benchmark(export_plan, ales, key)
    assert len(data) > 5_000


@pytest.mark.parametrize("key", ["pdf", "docx", "odt"])
def test_export_1200_actions(benchmark, key):
    plan = make_plan(make_territory(), axes=2, orientations=6, objectives=10, actions=10)
    assert plan.nodes.filter(kind=PlanNode.Kind.ACTION).count() == 1200
    data = benchmark.pedantic(export_plan, args=(plan, key), rounds=3, warmup_rounds=1)
    assert len(data) > 3_000  # the ODT's repeated titles compress well
