"""Territoires en Transitions workbooks into the database and back: the five real files
through `faisse import_plan`, the Alès plan's round trip through the template, refusals
that write nothing, and the plain table of sheets."""

import csv
import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, Funding, Milestone, Organisation
from faisse.actions.spreadsheets.formats import write_tet
from faisse.actions.spreadsheets.plain_export import COLUMNS, write_csv, write_xlsx
from faisse.actions.spreadsheets.tet_export import plan_to_tet
from faisse.actions.testing import add_budget, add_funding, add_milestones, make_sheet
from faisse.actions.tests.tet_workbooks import DATA, NOUVEAU, SOUS_ACTIONS, row, sheet_rows, to_xlsx
from faisse.plans.importer import PlanImportError, parse_upload
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import Plan, PlanNode, SharedPlacement
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def kinds(plan) -> dict[str, int]:
    nodes = PlanNode.objects.filter(plan=plan)
    subs = nodes.filter(kind="action", parent__kind="action").count()
    return {
        "axis": nodes.filter(kind="axis").count(),
        "orientation": nodes.filter(kind="orientation").count(),
        "objective": nodes.filter(kind="objective").count(),
        "action": nodes.filter(kind="action").count() - subs,
        "sub_action": subs,
    }


@pytest.mark.parametrize(
    "name, expected",
    [
        ("modele-import-pa.xlsx", (0, 0, 0, 0, 0)),
        ("modele-import-pa.ods", (0, 0, 0, 0, 0)),
        ("export_plan_action.xlsx", (0, 0, 0, 0, 0)),
        (NOUVEAU, (4, 3, 1, 7, 0)),
        (SOUS_ACTIONS, (2, 1, 0, 4, 3)),
    ],
)
def test_every_reference_file_imports_with_its_counts(name, expected, capsys):
    territory = make_territory()
    call_command("import_plan", str(DATA / name), territory=territory.slug, title=name)
    plan = Plan.objects.get(territory=territory)
    assert tuple(kinds(plan).values()) == expected
    sheets = ActionSheet.objects.filter(plan=plan).count()
    assert sheets == expected[3] + expected[4]  # a sheet per action and sub-action
    assert plan.level_name("orientation") == "Sous-axe"
    assert "importé" in capsys.readouterr().out


def test_the_sheets_carry_the_templates_fields():
    territory = make_territory()
    pilot = make_member(territory, Role.PILOT, first_name="Harry", last_name="Cot")
    plan = save_plan(parse_upload((DATA / NOUVEAU).read_bytes(), NOUVEAU), territory, PlanDetails())
    sheet = ActionSheet.objects.get(plan=plan, node__title__startswith="Arranger la piste")
    assert (sheet.status, sheet.budget_total, sheet.start_date) == (
        "in_progress",
        500,
        date(2020, 12, 14),
    )
    assert [o.name for o in sheet.partners.all()] == ["Super partenaire"]
    fundings = [
        ([o.name for o in f.financers.all()], f.amount) for f in sheet.fundings.order_by("position")
    ]
    assert fundings == [(["Smaug"], 3000), (["Ras al Ghul"], 2000), (["Tony Stark"], 999)]
    # "Harry Cot" is one member who may pilot: the action's pilot, not a name any more
    assert list(sheet.node.pilots.all()) == [pilot] and sheet.pilot_names == []
    assert Organisation.objects.filter(territory=territory, name="Tony Stark").count() == 1


def test_a_refused_workbook_writes_nothing():
    territory = make_territory()
    data = to_xlsx(
        sheet_rows(
            row(A="1. Axe", D="Action bonne", AA="01/02/2024"),
            row(A="1. Axe", D="Action fausse", AA="31/02/2024"),
        )
    )
    with pytest.raises(PlanImportError, match="AA"):
        save_plan(parse_upload(data, "plan.xlsx"), territory, PlanDetails(title="P"))
    assert not Plan.objects.exists() and not ActionSheet.objects.exists()


def test_the_command_names_the_cell_of_a_refusal(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(to_xlsx(sheet_rows(row(A="1. Axe", D="Action", Y="Fini"))))
    with pytest.raises(CommandError, match="Statut"):
        call_command("import_plan", str(path), territory=make_territory().slug)
    assert not PlanNode.objects.exists()


def rich(plan):
    """Fill some of the plan's actions with every field the template carries."""
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")[:6])
    first = actions[0]
    sheet = make_sheet(
        first,
        status="in_progress",
        priority="high",
        start_date=date(2024, 1, 15),
        end_date=date(2026, 6, 30),
        continuous=True,
        participation="concertation",
        objectives="Rénover 200 logements.",
        governance="Comité de pilotage",
        resources="2 ETP",
        funding_notes="- DETR",
        indicator_notes="Logements rénovés",
        schedule="2024-2026",
        related_measures="eci 2.1",
        related_actions="Action 2",
        additional_notes="=SOMME(A1)",
        expected_effects=["Sobriété énergétique"],
        target_audiences=["Grand public", "Acteurs économiques"],
        themes=["Habitat"],
        sub_themes=["Rénovation"],
        pilot_names=["Jeanne Martin"],
        referent_names=["Paul Élu, adjoint"],
    )
    for role, names in (
        ("lead_structures", ["Alès Agglomération"]),
        ("lead_services", ["Direction de l’habitat"]),
        ("partners", ["ADEME", "Région Occitanie"]),
    ):
        getattr(sheet, role).set(
            Organisation.objects.get_or_create(territory=plan.territory, name=n)[0] for n in names
        )
    for position, (amount, names) in enumerate(
        [(50000, ["Métropole", "Région"]), (1000, ["État"]), (2000, ["FEDER"]), (3000, ["CAF"])],
        start=1,
    ):
        add_funding(sheet, amount, *names, position=position)
    add_budget(sheet, "investment", "planned", 2025, 100_000)
    add_budget(sheet, "operation", "planned", 2026, 5_000)
    add_milestones(sheet, ("Étude", True, date(2024, 3, 1)), ("Travaux", False, None))
    make_sheet(actions[1], status="done", budget_total=Decimal("124566"))
    make_sheet(actions[2])
    return actions


def projection(plan):
    """What the template carries of a plan, the ids of the export left aside."""
    tet = plan_to_tet(plan)
    for _path, node in tet.walk():
        if node.fields is not None:
            node.fields = replace(node.fields, faisse_id="")
    return tet


def test_the_ales_plan_comes_back_identical_through_the_template(ales_plan):
    actions = rich(ales_plan)
    SharedPlacement.objects.create(
        plan=ales_plan,
        territory=ales_plan.territory,
        node=actions[0],
        parent=PlanNode.objects.filter(plan=ales_plan, kind="objective").last(),
        position=99,
    )
    data = write_tet(ales_plan)
    again = save_plan(parse_upload(data, "ales.xlsx"), make_territory(), PlanDetails())
    first, second = projection(ales_plan), projection(again)
    differences = [
        (a, b)
        for (_p, a), (_q, b) in zip(first.walk(), second.walk(), strict=False)
        if (a.kind, a.number, a.title, a.fields) != (b.kind, b.number, b.title, b.fields)
    ]
    assert [
        (a.kind, a.number, a.title[:30], b.kind, b.number, b.title[:30]) for a, b in differences
    ] == []
    assert second == first
    assert again.level_names == ales_plan.level_names
    assert again.nodes.count() == ales_plan.nodes.count()
    assert SharedPlacement.objects.filter(plan=again).count() == 1
    assert Funding.objects.filter(sheet__plan=again).count() == 4
    assert Milestone.objects.filter(sheet__plan=again, done=True).count() == 1


def test_the_plain_table_has_one_row_per_action_and_safe_cells(ales_plan):
    rich(ales_plan)
    rows = list(csv.reader(io.StringIO(write_csv(ales_plan).decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(COLUMNS)
    actions = PlanNode.objects.filter(plan=ales_plan, kind="action").count()
    assert len(rows) == 1 + actions
    first = next(r for r in rows[1:] if r[COLUMNS.index("Statut")] == "En cours")
    assert first[COLUMNS.index("Prévisionnel (€ HT)")] == "105000,00"
    assert first[COLUMNS.index("Financé (€ HT)")] == "56000,00"
    assert first[COLUMNS.index("Début")] == "15/01/2024"
    workbook = load_workbook(io.BytesIO(write_xlsx(ales_plan)))
    assert workbook.sheetnames == ["Fiches action", "Lignes budgétaires"]
    assert workbook["Fiches action"].max_row == 1 + actions
    assert workbook["Lignes budgétaires"].max_row == 3
    formula = next(
        c for r in workbook["Fiches action"].iter_rows() for c in r if c.value == "=SOMME(A1)"
    )
    assert formula.data_type == "s"  # text, never run as a formula
    assert any(r[COLUMNS.index("Dernière note")] == "" for r in rows[1:])
    assert "'=SOMME(A1)" in write_csv(ales_plan).decode("utf-8-sig")


def test_export_plan_writes_the_three_spreadsheets(ales_plan, tmp_path):
    rich(ales_plan)
    slug = ales_plan.territory.slug
    for key in ("tet-xlsx", "xlsx", "csv"):
        output = tmp_path / f"plan.{key}"
        call_command("export_plan", territory=slug, export_format=key, output=output)
        assert output.stat().st_size > 1000


def test_the_sites_import_page_takes_a_tet_workbook(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from faisse.plans.drafts import ImportDraft

    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    upload = SimpleUploadedFile(NOUVEAU, (DATA / NOUVEAU).read_bytes())
    response = client.post(reverse("plans:import_upload", args=[territory.slug]), {"file": upload})
    assert response.status_code == 302
    draft = ImportDraft.objects.get()
    preview = client.get(response["Location"])
    assert preview.status_code == 200
    assert "Arranger la piste cyclable" in preview.content.decode()
    saved = client.post(
        reverse("plans:import_save", args=[territory.slug, draft.pk]),
        {"mode": "nouveau", "nouveau-status": "draft", "nouveau-title": "Plan vélo"},
    )
    assert saved.status_code == 302
    plan = Plan.objects.get(territory=territory, title="Plan vélo")
    assert ActionSheet.objects.filter(plan=plan).count() == 7
