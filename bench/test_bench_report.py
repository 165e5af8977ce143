"""The yearly report of the demo (faisse.reports.yearly): the Alès plan as `faisse demo`
installs it (117 actions, communes detected, the follow-up and the indicators of the
demo up to the end of 2025), its 2025 report as PDF and as DOCX. The issue asks for under
10 s per format; each run is also checked against that limit when benchmarks are off.

    .venv/bin/pytest bench/test_bench_report.py --benchmark-enable
"""

import time

import pypdfium2
import pytest

from faisse.actions.demo import load_demo_follow_up
from faisse.indicators.demo import load_demo_indicators
from faisse.locations.detection import apply_detection, detect
from faisse.manage.demo import ALES_2018_DETAILS, ALES_2018_SOURCE
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import save_plan
from faisse.plans.models import Plan
from faisse.reports.yearly import build_report, render
from faisse.territories.loading import load_ales

pytestmark = pytest.mark.django_db
LIMIT_SECONDS = 10


@pytest.fixture
def ales():
    plan = save_plan(parse_path(ALES_2018_SOURCE), load_ales(), ALES_2018_DETAILS)
    apply_detection(detect(plan))
    assert load_demo_follow_up(plan) > 100
    assert load_demo_indicators(plan) >= 10
    return Plan.objects.select_related("territory").get(pk=plan.pk)


def report(plan, key: str) -> bytes:
    return render(build_report(plan, 2025), key)


@pytest.mark.parametrize("key", ["pdf", "docx"])
def test_the_2025_report_of_the_demo(benchmark, ales, key):
    started = time.perf_counter()
    data = report(ales, key)
    assert time.perf_counter() - started < LIMIT_SECONDS
    if key == "pdf":
        assert len(pypdfium2.PdfDocument(data)) > 15
    else:
        assert data[:2] == b"PK"
    benchmark.pedantic(report, args=(ales, key), rounds=3, warmup_rounds=0)
