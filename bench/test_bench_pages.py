"""Rendering of the public plan page: the Alès plan, and a plan ten times larger."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import faisse
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

SOURCE = Path(faisse.__file__).parent / "plans" / "data" / "projet-de-territoire-ales-2018.txt"


@pytest.fixture
def ales(db):
    territory = make_territory("Alès Agglomération")
    save_plan(parse_path(SOURCE), territory, PlanDetails())
    return territory


def render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_plan_page_ales(benchmark, client, ales):
    url = f"/{ales.slug}/plan/"
    queries = benchmark(render, client, url)
    benchmark.extra_info["queries"] = queries


def test_plan_page_ten_times_larger(benchmark, client, db):
    territory = make_territory()
    make_plan(territory, axes=5, orientations=4, objectives=6, actions=10)  # 1,200 actions
    queries = benchmark(render, client, f"/{territory.slug}/plan/")
    benchmark.extra_info["queries"] = queries


def test_action_page_ales(benchmark, client, ales):
    action = ales.plans.get().nodes.filter(kind="action").last()
    queries = benchmark(render, client, action.url_for(ales.slug))
    benchmark.extra_info["queries"] = queries
