"""faisse export_plan: each format written to a file, and clear French errors."""

import json
import os

import pytest
from django.core.management import CommandError, call_command

from faisse.plans.models import Plan
from faisse.plans.tests.export_plans import make_export_plan

pytestmark = pytest.mark.django_db


def run(*args: str) -> None:
    call_command("export_plan", *args)


def export(territory, tmp_path, key="md", name="", *more: str):
    output = tmp_path / (name or f"projet.{key}")
    run("--territory", territory.slug, "--format", key, "-o", str(output), *more)
    return output


@pytest.mark.parametrize(
    ("key", "start"),
    [("docx", b"PK"), ("odt", b"PK"), ("pdf", b"%PDF"), ("md", b"# "), ("json", b"{")],
)
def test_writes_each_format(territory, tmp_path, capsys, key, start):
    make_export_plan(territory)
    output = export(territory, tmp_path, key)
    assert output.read_bytes().startswith(start)
    said = capsys.readouterr().out
    assert "Projet « Projet de territoire des Faïsses » écrit en" in said
    assert str(output) in said


def test_the_current_plan_by_default_another_by_its_number(territory, tmp_path):
    current = make_export_plan(territory)
    other = Plan.objects.create(territory=territory, title="Ancien projet", period_start=2008)
    text = export(territory, tmp_path).read_text(encoding="utf-8")
    assert text.startswith(f"# {current.title}\n")
    text = export(territory, tmp_path, "md", "ancien.md", "--plan", str(other.pk)).read_text(
        "utf-8"
    )
    assert text.startswith("# Ancien projet\n")


def test_json_is_the_api_shape_with_format_and_version(territory, tmp_path):
    plan = make_export_plan(territory)
    data = json.loads(export(territory, tmp_path, "json").read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["id"]) == ("faisse-plan", 1, plan.pk)
    assert data["adopted_on"] == "2020-06-01"
    assert [node["title"] for node in data["nodes"]] == [
        "Attractivité",
        "Solidarités",
        "Cadre de vie",
    ]
    assert data["level_names"]["objective"] == ["Objectif prioritaire", "Objectifs prioritaires"]


def test_drafts_only_with_the_option(territory, tmp_path):
    make_export_plan(territory)
    assert "Action cachée" not in export(territory, tmp_path).read_text(encoding="utf-8")
    working = export(territory, tmp_path, "md", "travail.md", "--drafts")
    assert "Action cachée" in working.read_text(encoding="utf-8")


def test_unknown_territory(territory, tmp_path):
    with pytest.raises(CommandError, match=r"territoire inconnu : « nulle-part » \(territoires : "):
        run("--territory", "nulle-part", "--format", "md", "-o", str(tmp_path / "x"))


def test_unknown_format(territory, tmp_path):
    make_export_plan(territory)
    with pytest.raises(
        CommandError,
        match=r"format inconnu : « rtf » \(formats : docx, odt, pdf, md, json, tet-xlsx, xlsx, "
        r"csv\)",
    ):
        export(territory, tmp_path, "rtf")
    assert not (tmp_path / "projet.rtf").exists()


def test_unknown_plan_lists_the_territory_plans(territory, tmp_path):
    plan = make_export_plan(territory)
    with pytest.raises(
        CommandError, match=rf"projet inconnu pour .* : 999999 \(projets : {plan.pk} \("
    ):
        export(territory, tmp_path, "md", "", "--plan", "999999")


def test_a_territory_without_plan(territory, tmp_path):
    with pytest.raises(CommandError, match="n'a encore aucun projet de territoire"):
        export(territory, tmp_path)


def test_a_missing_folder(territory, tmp_path):
    make_export_plan(territory)
    with pytest.raises(CommandError, match="impossible d'écrire .*le dossier n'existe pas"):
        export(territory, tmp_path, "md", "absent/projet.md")


def test_a_folder_instead_of_a_file(territory, tmp_path):
    make_export_plan(territory)
    with pytest.raises(CommandError, match="est un dossier"):
        run("--territory", territory.slug, "--format", "md", "-o", str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_leaves_nothing(territory, tmp_path):
    make_export_plan(territory)
    locked = tmp_path / "verrouillé"
    locked.mkdir(mode=0o555)
    with pytest.raises(CommandError, match="permission refusée"):
        export(territory, locked)
    assert list(locked.iterdir()) == []


def test_an_existing_file_is_replaced_whole(territory, tmp_path):
    make_export_plan(territory)
    output = tmp_path / "projet.md"
    output.write_text("ancien contenu " * 10_000, encoding="utf-8")
    export(territory, tmp_path)
    assert output.read_text(encoding="utf-8").startswith("# Projet de territoire des Faïsses")
    assert [path.name for path in tmp_path.iterdir()] == ["projet.md"]  # no partial file left


@pytest.mark.parametrize("key", ["docx", "odt", "pdf", "md", "json"])
def test_an_empty_plan_in_every_format(territory, tmp_path, key):
    """No ambition, no challenge, no node yet: a document with its title all the same."""
    Plan.objects.create(territory=territory, title="Projet à écrire")
    assert export(territory, tmp_path, key).stat().st_size > 0
