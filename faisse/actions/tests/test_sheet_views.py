"""The editors' sheet page and the follow-up section of a plan element's public page."""

from datetime import date

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, ActionUpdate, BudgetLine, Funding
from faisse.actions.testing import add_budget, add_milestones, make_sheet
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    plan = make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=2)
    return PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()


def url(node):
    return reverse("actions:sheet_edit", args=[node.territory.slug, node.pk])


def management(prefix, rows=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(rows),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def posted(**fields):
    data = {"version": "1", "progress_source": "auto"}
    for prefix in ("lignes", "financements", "etapes", "documents"):
        data.update(management(prefix))
    data.update(fields)
    return data


def test_an_editor_fills_the_sheet_with_its_rows(client, action):
    editor = make_member(action.territory, Role.EDITOR)
    client.force_login(editor)
    assert client.get(url(action)).status_code == 200
    data = posted(
        status="in_progress",
        priority="high",
        start_date="2024-01-15",
        end_date="2026-06-30",
        lead_services="Direction de l’aménagement",
        partners="Région Occitanie, ADEME, ademe",
        expected_effects="Sobriété énergétique, Réduction des déchets",
        sdgs=["7", "13"],
        **management("lignes", 1),
        **{"lignes-0-year": "2025", "lignes-0-kind": "investment"},
        **{"lignes-0-nature": "planned", "lignes-0-amount": "150000"},
        **management("financements", 1),
        **{"financements-0-names": "Métropole, Région", "financements-0-amount": "50000"},
    )
    response = client.post(url(action), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    sheet = ActionSheet.objects.get(node=action)
    assert (sheet.status, sheet.priority, sheet.end_date) == (
        "in_progress",
        "high",
        date(2026, 6, 30),
    )
    assert [str(o) for o in sheet.partners.order_by("name")] == ["ADEME", "Région Occitanie"]
    assert sheet.expected_effects == ["Sobriété énergétique", "Réduction des déchets"]
    assert sheet.sdgs == [7, 13]
    assert BudgetLine.objects.get(sheet=sheet).amount == 150000
    funding = Funding.objects.get(sheet=sheet)
    assert sorted(str(o) for o in funding.financers.all()) == ["Métropole", "Région"]
    record = sheet.history.first()
    assert record.history_user == editor
    assert ActionUpdate.objects.get(sheet=sheet).new_status == "in_progress"


def test_bad_input_is_named_in_french_and_nothing_is_written(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    data = posted(start_date="2026-01-01", end_date="2025-01-01", progress="140")
    response = client.post(url(action), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "La fiche n’est pas enregistrée" in page
    assert not ActionSheet.objects.exists()


@pytest.mark.parametrize("role, status", [(Role.PILOT, 403), (Role.ELECTED, 403)])
def test_only_editors_open_the_sheet(client, action, role, status):
    person = make_member(action.territory, role)
    action.pilots.add(person)
    client.force_login(person)
    assert client.get(url(action)).status_code == status


def test_an_axis_has_no_sheet(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    axis = PlanNode.objects.get(plan=action.plan, kind="axis")
    assert client.get(url(axis)).status_code == 404


def test_the_public_reads_the_follow_up_without_members_data(client, action):
    sheet = make_sheet(
        action, status="in_progress", end_date=date(2020, 1, 1), pilot_names=["Marie Paul"]
    )
    add_budget(sheet, "investment", "planned", 2025, 1000)
    add_milestones(sheet, ("Étude", True, None), ("Travaux", False, None))
    ActionUpdate.objects.create(
        sheet=sheet,
        plan=action.plan,
        territory=action.territory,
        on=date(2025, 3, 1),
        note="Note publique.",
        is_public=True,
    )
    ActionUpdate.objects.create(
        sheet=sheet,
        plan=action.plan,
        territory=action.territory,
        on=date(2025, 4, 1),
        note="Note interne.",
    )
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Avancement : <strong>50 %</strong>" in page
    assert "En cours" in page and "En retard" in page
    assert "Note publique." in page and "Note interne." not in page
    assert "Marie Paul" not in page and "Budget" not in page
    client.force_login(make_member(action.territory, Role.ELECTED))
    page = client.get(action.get_absolute_url()).content.decode()
    section = page[page.index('id="avancement"') :]
    assert "Note interne." in section and "Marie Paul" in section, section[:3000]
    budget = section[section.index('<td class="num">') :][:40]
    assert budget.startswith('<td class="num">1'), budget
    assert "000 €</td>" in budget, ascii(budget)
    axis = PlanNode.objects.get(plan=action.plan, kind="axis")
    page = client.get(axis.get_absolute_url()).content.decode()
    assert "Avancement : <strong>25 %</strong>" in page  # 50 and 0 for the other action
    assert "1 action en retard." in page
