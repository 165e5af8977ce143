"""Readers of the binary formats: a 200-action plan from bytes to blocks (the recogniser's
work not included; the full import's benchmark builds on the same documents)."""

import pytest

from faisse.plans.importer.formats import read_document
from faisse.plans.tests.documents import FOOTER, HEADER, plan_content, to_docx, to_odt, to_pdf


@pytest.fixture(scope="module")
def content():
    return plan_content(200)


def test_read_docx_200_actions(benchmark, content):
    data = to_docx(content, title="Projet de territoire", header=HEADER, footer=FOOTER)
    document = benchmark(read_document, data, "plan.docx")
    assert sum(block.list_depth == 0 for block in document.blocks) == 200


def test_read_pdf_200_actions(benchmark, content):
    data = to_pdf(content, header=HEADER, footer=FOOTER)
    document = benchmark(read_document, data, "plan.pdf")
    assert sum(block.list_depth == 0 for block in document.blocks) == 200
    assert max(block.page for block in document.blocks) >= 15


def test_read_odt_200_actions(benchmark, content):
    document = benchmark(read_document, to_odt(content), "plan.odt")
    assert sum(block.list_depth == 0 for block in document.blocks) == 200
