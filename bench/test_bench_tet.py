"""A 200-action plan in TeT's template (3 fundings, dates, milestones, people and texts on
every action sheet), read from bytes to a TetPlan, as XLSX and as ODS, and imported into
the database with its sheets; a 200-action plan written back to the template. The issue's
bar: under 2 s (TeT took about 170 s for 209 actions).

    pytest bench/test_bench_tet.py --benchmark-enable
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from faisse.actions.models import ActionSheet, Funding
from faisse.actions.spreadsheets.formats import write_tet
from faisse.actions.spreadsheets.tet_model import (
    SheetFields,
    TetDocument,
    TetFunding,
    TetMilestone,
    TetNode,
    TetPlan,
)
from faisse.actions.spreadsheets.tet_reader import read_tet_workbook
from faisse.actions.spreadsheets.tet_writer import write_tet_workbook
from faisse.actions.tests.tet_workbooks import to_ods
from faisse.plans.importer import parse_upload
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan
from faisse.territories.testing import make_territory

AXES, SOUS_AXES, ACTIONS = 4, 5, 10  # 200 actions


def sheet(n: int) -> SheetFields:
    start = datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
    return SheetFields(
        description=f"Description de l’action {n}.\nSur deux lignes.",
        objectives="- Réduire\n- Isoler",
        lead_structures=["Alès Agglomération"],
        partners=["ADEME", "Région Occitanie"],
        lead_services=[f"Service {n % 7}"],
        pilot_names=[f"Pilote {n % 11} NOM"],
        referent_names=["Élue RÉFÉRENTE"],
        fundings=[
            TetFunding(1, ["Région"], Decimal(10000 + n)),
            TetFunding(2, ["Département", "État"], Decimal("2500.50")),
            TetFunding(3, ["FEDER"], Decimal(900)),
        ],
        budget_total=Decimal(50000 + n),
        status=("planned", "in_progress", "done")[n % 3],
        priority=("high", "medium", "low")[n % 3],
        start_date=start,
        end_date=start + datetime.timedelta(days=700),
        milestones=[
            TetMilestone("Études", True, start + datetime.timedelta(days=90)),
            TetMilestone("Travaux", False, start + datetime.timedelta(days=400)),
            TetMilestone("Bilan", False, None),
        ],
        documents=[TetDocument("Délibération", f"https://example.org/{n}.pdf")],
    )


def generated_plan() -> TetPlan:
    nodes, n = [], 0
    for a in range(1, AXES + 1):
        axis = TetNode("axis", str(a), f"Axe numéro {a}")
        for s in range(1, SOUS_AXES + 1):
            sous_axe = TetNode("orientation", f"{a}.{s}", f"Sous-axe {a}.{s}")
            for _ in range(ACTIONS):
                n += 1
                sous_axe.children.append(TetNode("action", "", f"Action {n}", fields=sheet(n)))
            axis.children.append(sous_axe)
        nodes.append(axis)
    return TetPlan(title="Plan climat 2030", nodes=nodes)


@pytest.fixture(scope="module")
def xlsx() -> bytes:
    return write_tet_workbook(generated_plan())


def test_read_tet_xlsx_200_actions(benchmark, xlsx):
    plan = benchmark(read_tet_workbook, xlsx, "plan.xlsx")
    assert plan.counts()["action"] == 200
    assert benchmark.stats.stats.median < 2.0


def test_read_tet_ods_200_actions(benchmark, xlsx):
    rows = load_workbook(io.BytesIO(xlsx))["Fichier dimport"].iter_rows(values_only=True)
    data = to_ods([list(values) for values in rows])
    plan = benchmark(read_tet_workbook, data, "plan.ods")
    assert plan.counts()["action"] == 200
    assert benchmark.stats.stats.median < 2.0


def test_write_tet_xlsx_200_actions(benchmark):
    plan = generated_plan()
    data = benchmark(write_tet_workbook, plan)
    assert read_tet_workbook(data, "plan.xlsx") == plan


class Rollback(Exception):
    pass


def import_once(data: bytes, territory) -> int:
    """Import inside a transaction rolled back, so that each round starts empty."""
    try:
        with transaction.atomic():
            plan = save_plan(parse_upload(data, "plan.xlsx"), territory, PlanDetails())
            count = ActionSheet.objects.filter(plan=plan).count()
            raise Rollback(count)
    except Rollback as done:
        return done.args[0]


@pytest.mark.django_db
def test_import_a_200_action_template_into_the_database(benchmark, xlsx):
    territory = make_territory()
    sheets = benchmark.pedantic(import_once, args=(xlsx, territory), rounds=5)
    assert sheets == 200
    assert benchmark.stats.stats.median < 2.0


@pytest.mark.django_db
def test_export_a_200_action_plan_to_the_template(benchmark, xlsx):
    plan = save_plan(parse_upload(xlsx, "plan.xlsx"), make_territory(), PlanDetails())
    data = benchmark.pedantic(write_tet, args=(plan,), rounds=5)
    assert data[:2] == b"PK"
    assert Funding.objects.filter(sheet__plan=plan).count() == 600


@pytest.mark.django_db
def test_the_import_costs_no_query_per_row(xlsx):
    """Bulk inserts: the count grows only with the database's batches (SQLite takes 999
    parameters a statement), never by row: 20 and 200 actions (1,600 rows)."""
    small = generated_plan()
    for axis in small.nodes:
        axis.children = axis.children[:1]
        axis.children[0].children = axis.children[0].children[:5]
    counts = []
    for data in (write_tet_workbook(small), xlsx):
        with CaptureQueriesContext(connection) as queries:
            plan = save_plan(parse_upload(data, "plan.xlsx"), make_territory(), PlanDetails())
        counts.append(len(queries))
        assert Plan.objects.filter(pk=plan.pk).exists()
    assert counts[1] < 2.5 * counts[0] and counts[1] < 100, counts
