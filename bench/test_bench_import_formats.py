"""A 200-action plan imported from DOCX and from PDF, bytes to parsed tree (the readers and
the structure recogniser; writing to the database is bench_import's). The issue's bar:
under 2 s each (Territoires en Transitions took about 170 s for 209 actions)."""

import pytest

from faisse.plans.importer import parse_upload
from faisse.plans.tests.documents import FOOTER, HEADER, plan_content, to_docx, to_pdf


@pytest.fixture(scope="module")
def content():
    return plan_content(200)


def test_import_docx_200_actions(benchmark, content):
    data = to_docx(content, title="Projet de territoire", header=HEADER, footer=FOOTER)
    plan = benchmark(parse_upload, data, "plan.docx")
    assert plan.counts()["action"] == 200


def test_import_pdf_200_actions(benchmark, content):
    data = to_pdf(content, title="Projet de territoire", header=HEADER, footer=FOOTER)
    plan = benchmark(parse_upload, data, "plan.pdf")
    assert plan.counts()["action"] == 200
