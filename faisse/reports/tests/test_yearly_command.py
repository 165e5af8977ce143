"""faisse report: a PDF and a DOCX that open and say what the report says, and every bad
input refused in French, with nothing written."""

import os
from io import StringIO
from pathlib import Path

import docx
import pypdfium2
import pytest
from django.core.management import CommandError, call_command

from faisse.plans.models import Plan
from faisse.reports.tests.yearly_world import build_world
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def run(*args: str) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def report(world, tmp_path, key="pdf", *extra) -> Path:
    output = tmp_path / f"bilan.{key}"
    said = run(
        "--territory",
        world["territory"].slug,
        "--year",
        "2025",
        "--format",
        key,
        "-o",
        str(output),
        *extra,
    )
    assert "Bilan 2025 de « Projet des Faïsses » écrit en" in said
    return output


def pdf_text(path: Path) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(str(path))
    text = "\n".join(page.get_textpage().get_text_range() for page in document)
    return len(document), text


def test_the_pdf_opens_and_tells_the_year(world, tmp_path):
    output = report(world, tmp_path, "pdf")
    assert output.read_bytes().startswith(b"%PDF")
    pages, text = pdf_text(output)
    # cover, essentials, what happened, budgets, indicators, map, two axes, annexes
    assert pages >= 9
    for words in (
        "Bilan 2025",
        "L’essentiel",
        "Ce qui a été fait en 2025",
        "Budgets",
        "Pistes cyclables",
        "Axe 1 : Attractivité",
        "Annexes",
        "Lancement du chantier.",
        "Page\u00a02 sur",
    ):
        assert words in text, words
    assert "Réception des travaux." not in text  # an internal note
    assert "Projet en préparation" not in text  # an unpublished action


def test_the_docx_opens_with_its_headings_charts_and_drafts(world, tmp_path):
    output = report(world, tmp_path, "docx", "--drafts")
    document = docx.Document(str(output))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "L’essentiel",
        "L’avancement par axe",
        "Ce qui a été fait en 2025",
        "Budgets",
        "Les indicateurs",
        "La carte",
        "Axe 1 : Attractivité",
        "Axe 2 : Solidarités",
        "Annexes",
    ]
    assert document.core_properties.title == "Bilan 2025"
    assert document.core_properties.language == "fr-FR"
    pictures = document.inline_shapes
    assert len(pictures) >= 4  # status bars, axes, the indicator's chart, parts of axis 1
    assert all(shape._inline.docPr.get("descr") for shape in pictures)
    cells = " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Projet en préparation" in cells and "Réception des travaux." in cells


def test_an_unknown_territory_is_named_with_the_known_ones(world, tmp_path):
    with pytest.raises(CommandError, match="territoire inconnu : « nulle-part » \\(territoires : "):
        run(
            "--territory",
            "nulle-part",
            "--year",
            "2025",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "b.pdf"),
        )


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2031", "année hors de la période du bilan : 2031 \\(années possibles : de 2020 à"),
        ("2019", "année hors de la période du bilan : 2019"),
        ("deux mille", "année illisible : « deux mille »"),
    ],
)
def test_a_year_out_of_the_plan_is_refused(world, tmp_path, year, message):
    with pytest.raises(CommandError, match=message):
        run(
            "--territory",
            world["territory"].slug,
            "--year",
            year,
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "b.pdf"),
        )
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_refused_with_the_formats(world, tmp_path):
    with pytest.raises(CommandError, match="format inconnu : « odt » \\(formats : pdf, docx\\)"):
        run(
            "--territory",
            world["territory"].slug,
            "--year",
            "2025",
            "--format",
            "odt",
            "-o",
            str(tmp_path / "b.odt"),
        )


def test_a_missing_folder_or_a_folder_is_refused(world, tmp_path):
    slug = world["territory"].slug
    with pytest.raises(CommandError, match="impossible d'écrire .*le dossier n'existe pas"):
        run(
            "--territory",
            slug,
            "--year",
            "2025",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "absent" / "b.pdf"),
        )
    with pytest.raises(CommandError, match="est un dossier"):
        run("--territory", slug, "--year", "2025", "--format", "pdf", "-o", str(tmp_path))


def test_an_unwritable_place_is_refused_and_leaves_nothing(world, tmp_path):
    if os.geteuid() == 0:  # root writes anywhere but in /sys
        if not Path("/sys").is_dir():
            pytest.skip("no /sys to refuse root")
        output = Path("/sys/bilan.pdf")
    else:
        locked = tmp_path / "verrouillé"
        locked.mkdir(mode=0o555)
        output = locked / "bilan.pdf"
    with pytest.raises(CommandError, match="impossible d'écrire .*permission refusée"):
        run(
            "--territory",
            world["territory"].slug,
            "--year",
            "2025",
            "--format",
            "pdf",
            "-o",
            str(output),
        )
    assert not output.exists()


def test_a_territory_without_plan(tmp_path):
    territory = make_territory()
    with pytest.raises(CommandError, match="n'a encore aucun projet de territoire"):
        run(
            "--territory",
            territory.slug,
            "--year",
            "2025",
            "--format",
            "pdf",
            "-o",
            str(tmp_path / "b.pdf"),
        )


def test_an_empty_plan_makes_a_report_all_the_same(tmp_path):
    """No action, no budget, no indicator, no commune outline: every part says so."""
    territory = make_territory()
    Plan.objects.create(territory=territory, title="Projet à écrire", period_start=2024)
    for key in ("pdf", "docx"):
        output = tmp_path / f"b.{key}"
        run("--territory", territory.slug, "--year", "2025", "--format", key, "-o", str(output))
        assert output.stat().st_size > 1000
    _pages, text = pdf_text(tmp_path / "b.pdf")
    assert "Aucun indicateur n’est suivi pour ce projet." in text
    assert "Aucun budget n’est inscrit dans les fiches action." in text


def test_texts_that_look_like_typst_markup_are_printed_as_they_are(world, tmp_path):
    title = '#set page(width: 1cm) *gras* _x_ $y$ <z> @w [a] \\ "q"'
    action = world["actions"]["a1"]
    action.title = title
    action.save()
    _pages, text = pdf_text(report(world, tmp_path, "pdf"))
    assert title in text
    document = docx.Document(str(report(world, tmp_path, "docx")))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert title in cells
