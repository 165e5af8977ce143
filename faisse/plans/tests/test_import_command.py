"""faisse import_plan: writes all or nothing, and says clearly what is wrong."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from faisse.plans.importer.outline import ParsedNode, ParsedPlan
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Challenge, Plan, PlanNode
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    return make_territory("Alès Agglomération")


def row_counts():
    return (Plan.objects.count(), PlanNode.objects.count(), Challenge.objects.count())


def test_import_writes_the_whole_plan(territory, ales_source, capsys):
    call_command("import_plan", str(ales_source), territory=territory.slug)
    plan = Plan.objects.get(territory=territory)
    kinds = {k: PlanNode.objects.filter(plan=plan, kind=k).count() for k in PlanNode.Kind.values}
    assert kinds == {"axis": 3, "orientation": 8, "objective": 29, "group": 6, "action": 117}
    assert plan.challenges.count() == 5
    assert plan.ambition_motto == "Innovation — Image — Audace"
    assert "117 actions" in capsys.readouterr().out
    orientation = PlanNode.objects.get(plan=plan, number="2.2")
    assert list(orientation.children.values_list("position", flat=True)) == [1, 2, 3]
    assert PlanNode.objects.get(plan=plan, kind="axis", number="3").source_line == 458


def test_dry_run_json_prints_the_plan_and_writes_nothing(territory, ales_source, capsys):
    before = row_counts()
    call_command("import_plan", str(ales_source), territory=territory.slug, dry_run=True, json=True)
    assert row_counts() == before
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "title", "ambition", "challenges", "level_names", "unit", "nodes", "warnings",
    }  # fmt: skip
    assert set(data["ambition"]) == {"motto", "text"}

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node["children"])

    kinds = [node["kind"] for node in walk(data["nodes"])]
    assert [kinds.count(k) for k in ("axis", "orientation", "objective", "group", "action")] == [
        3,
        8,
        29,
        6,
        117,
    ]
    assert {"kind", "number", "title", "children"} <= set(data["nodes"][0])
    assert [w["line"] for w in data["warnings"]] == [458, 460]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vide"),
        (b"   \n\n  \n", "vide"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binaire"),
        ("Compte rendu de réunion\nDes notes sans structure.\n".encode(), "aucune structure"),
    ],
    ids=["empty", "blank", "binary", "no-structure"],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_written(
    territory, tmp_path, content, message
):
    path = tmp_path / "plan.txt"
    path.write_bytes(content)
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_plan", str(path), territory=territory.slug)
    assert row_counts() == before


def test_missing_file_and_folder_are_refused(territory, tmp_path):
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_plan", str(tmp_path / "absent.txt"), territory=territory.slug)
    with pytest.raises(CommandError, match="dossier"):
        call_command("import_plan", str(tmp_path), territory=territory.slug)


def test_unknown_territory_is_refused(ales_source):
    make_territory()
    with pytest.raises(CommandError, match="territoire inconnu : « nulle-part »"):
        call_command("import_plan", str(ales_source), territory="nulle-part")
    assert row_counts()[0] == 0


def test_importing_twice_needs_replace(territory, ales_source):
    call_command("import_plan", str(ales_source), territory=territory.slug)
    before = row_counts()
    with pytest.raises(CommandError, match="--replace"):
        call_command("import_plan", str(ales_source), territory=territory.slug)
    assert row_counts() == before
    call_command("import_plan", str(ales_source), territory=territory.slug, replace=True)
    assert row_counts() == before


def test_a_failure_in_the_middle_of_writing_leaves_the_previous_plan_intact(territory):
    good = ParsedPlan(title="Plan", nodes=[ParsedNode("axis", "Axe", 1, number="1")])
    plan = save_plan(good, territory, PlanDetails())
    node_ids = list(plan.nodes.values_list("id", flat=True))
    broken = ParsedPlan(title="Plan", nodes=[ParsedNode("axis", "Axe", 1, number="1")])
    # A negative line number breaks the database's check on the deepest level, after the
    # old nodes were deleted and the first level written.
    broken.nodes[0].add(ParsedNode("action", "Action", -1))
    with pytest.raises(IntegrityError):
        save_plan(broken, territory, PlanDetails(), replace=True)
    assert list(plan.nodes.values_list("id", flat=True)) == node_ids


def test_bad_period_and_date_are_refused(territory, ales_source):
    with pytest.raises(CommandError, match="période illisible"):
        call_command("import_plan", str(ales_source), territory=territory.slug, period="deux")
    with pytest.raises(CommandError, match="date illisible"):
        call_command("import_plan", str(ales_source), territory=territory.slug, adopted_on="28/06")
    assert row_counts()[0] == 0


def test_saving_costs_one_insert_per_level_whatever_the_size(territory):
    """One insert per tree level, and one for its history rows; only the database's own
    limit on parameters per query (999 on SQLite) splits a large level into batches."""
    import math

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def plan_of(actions):
        axis = ParsedNode("axis", "Axe", 1, number="1")
        objective = axis.add(ParsedNode("objective", "Objectif", 2))
        for i in range(actions):
            objective.add(ParsedNode("action", f"Action {i}", 3 + i))
        return ParsedPlan(title=f"Plan {actions}", nodes=[axis])

    def batches(rows):
        total = 0
        for model in (PlanNode, PlanNode.history.model):
            fields = [f for f in model._meta.concrete_fields if not f.primary_key]
            total += math.ceil(rows / connection.ops.bulk_batch_size(fields, [None] * rows))
        return total

    counts = {}
    for size in (10, 500):
        with CaptureQueriesContext(connection) as queries:
            save_plan(plan_of(size), territory, PlanDetails())
        counts[size] = len(queries)
    assert counts[500] - counts[10] == batches(500) - batches(10)


ENJEUX = """Projet de territoire du Haut-Exemple
Enjeu 1 – Une économie locale
Objectif 1.1 – Accueillir les entreprises
• Créer une pépinière d’entreprises
Enjeu 2 – Un territoire sobre
Objectif 2.1 – Rénover les logements
• Une plateforme de la rénovation
"""


def test_a_plan_keeps_the_level_names_of_its_document(territory, tmp_path, capsys):
    source = tmp_path / "haut-exemple.txt"
    source.write_text(ENJEUX, encoding="utf-8")
    call_command("import_plan", str(source), territory=territory.slug)
    out = capsys.readouterr().out
    assert "2 enjeux, 0 orientation, 2 objectifs, 0 sous-ensemble, 2 actions" in out
    plan = Plan.objects.get(territory=territory, title="Projet de territoire du Haut-Exemple")
    assert plan.level_names == {"axis": ["Enjeu", "Enjeux"]}
    axis = plan.nodes.get(kind="axis", number="2")
    assert (axis.level_name, axis.label) == ("Enjeu", "Enjeu 2 : Un territoire sobre")
    assert set(plan.nodes.exclude(kind="axis").values_list("level_name", flat=True)) == {""}


def bad_files():
    """One bad file of each format, with what the refusal must say."""
    from faisse.plans.tests.documents import Heading, Item, image_only_pdf, to_docx, to_pdf
    from faisse.plans.tests.test_formats_docx import bomb
    from faisse.plans.tests.test_formats_pdf import encrypted

    sound_docx = to_docx([Heading(1, "Axe 1 : Vivre"), Item("Une action")])
    sound_pdf = to_pdf([Heading(1, "Axe 1 : Vivre"), Item("Une action")])
    return [
        ("abime.docx", sound_docx[: len(sound_docx) // 2], "DOCX"),
        ("bombe.docx", bomb(200 << 20), "bombe"),
        ("protege.pdf", encrypted(sound_pdf, "secret"), "mot de passe"),
        ("scanne.pdf", image_only_pdf(), "texte"),
        ("vide.odt", b"PK\x03\x04" + b"\x00" * 64, "ODT"),
        ("feuille.xlsx", b"pas un tableur", "XLSX"),
    ]


@pytest.mark.parametrize("name, data, said", bad_files(), ids=lambda v: str(v)[:12])
def test_a_bad_file_of_any_format_is_refused_clearly_and_writes_nothing(
    territory, tmp_path, name, data, said
):
    source = tmp_path / name
    source.write_bytes(data)
    before = row_counts()
    with pytest.raises(CommandError) as refusal:
        call_command("import_plan", str(source), territory=territory.slug)
    assert str(refusal.value).startswith(f"{source} : ")
    assert said.casefold() in str(refusal.value).casefold()
    assert row_counts() == before
