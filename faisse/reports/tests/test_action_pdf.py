"""The one-page PDF of an action sheet: one A4 page whatever the sheet holds, its texts
printed as written (never read as Typst markup), what it tells the public and the members,
who may download it, and a constant number of queries whatever the plan's size."""

from datetime import date, timedelta

import pypdfium2
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionUpdate, Organisation, Programme
from faisse.actions.testing import add_budget, add_funding, add_milestones, make_sheet
from faisse.indicators.testing import make_indicator
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.reports.action_pdf import action_sheet_pdf, file_name
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 30)
A4 = (595, 842)  # points, rounded


def read_pdf(data: bytes) -> tuple[int, str, tuple[int, int]]:
    """(pages, the text with its spaces and line breaks made single spaces, page size)."""
    document = pypdfium2.PdfDocument(data)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
        width, height = document[0].get_size()
        return len(document), " ".join(text.replace("\u00a0", " ").split()), (width, height)
    finally:
        document.close()


def first_action(plan) -> PlanNode:
    return (
        PlanNode.objects.select_related("plan", "territory")
        .filter(plan=plan, kind=PlanNode.Kind.ACTION)
        .order_by("pk")
        .first()
    )


def follow(action: PlanNode, *, milestones=3, notes=2, fundings=1, indicators=1, names=1):
    """A followed-up action: a sheet, people, money, milestones, notes, an indicator, a
    commune and a programme; the counts make it as long as a test needs."""
    territory, plan = action.territory, action.plan
    sheet = make_sheet(
        action,
        status="in_progress",
        priority="high",
        start_date=date(2021, 3, 1),
        end_date=date(2027, 12, 31),
        progress_source="milestones",
        sdgs=[11, 13],
        expected_effects=["Moins de voitures en ville"],
        target_audiences=["Habitants"],
        pilot_names=[f"Camille Pilote {n}" for n in range(names)],
        referent_names=[f"Dominique Élue {n}" for n in range(names)],
    )
    for n in range(names):
        organisation = Organisation.objects.create(territory=territory, name=f"Service {n}")
        sheet.lead_services.add(organisation)
        sheet.partners.add(organisation)
    add_budget(sheet, "investment", "planned", 2024, 120000)
    add_budget(sheet, "investment", "actual", 2024, 90000)
    for n in range(fundings):
        add_funding(sheet, 10000 + n, f"Financeur {n}", position=n + 1)
    add_milestones(
        sheet,
        *[(f"Étape {n}", n < milestones // 2, date(2022 + n % 6, 5, 1)) for n in range(milestones)],
    )
    ActionUpdate.objects.bulk_create(
        ActionUpdate(
            sheet=sheet,
            plan=plan,
            territory=territory,
            on=date(2024, 1, 1) + timedelta(days=n),
            note=f"Note {n} : le comité s’est réuni.",
            is_public=n % 2 == 0,
        )
        for n in range(notes)
    )
    for n in range(indicators):
        make_indicator(
            territory,
            plan=plan,
            title=f"Kilomètres de voies vertes {n}",
            unit="km",
            baseline=(2020, 10),
            targets={2025: 40},
            values={2022: 18, 2024: 30},
            nodes=[action],
        )
    programme = Programme.objects.create(territory=territory, kind="crte", name="CRTE du bassin")
    sheet.programmes.add(programme)
    CommuneLink.objects.create(
        territory=territory,
        plan=plan,
        node=action,
        commune=territory.communes.first(),
        origin="confirmed",
    )
    return sheet


@pytest.fixture
def action():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    node = first_action(plan)
    node.title = "Créer une voie verte entre les bourgs"
    node.save()
    follow(node)
    return node


def test_the_sheet_is_one_a4_page_with_its_title_status_and_figures(action):
    pages, text, size = read_pdf(action_sheet_pdf(action, today=TODAY))
    assert pages == 1
    assert tuple(round(side) for side in size) == A4
    assert "Créer une voie verte entre les bourgs" in text
    assert "Statut : En cours" in text
    assert "Priorité : Élevé" in text
    assert "Du 1er mars 2021 au 31 décembre 2027" in text
    assert "Avancement : 33 %" in text and "1 étape réalisée sur 3" in text
    assert "120 000 €" in text and "90 000 €" in text and "10 000 €" in text
    assert "Kilomètres de voies vertes 0" in text and "dernière valeur : 30 km en 2024" in text
    assert "CRTE du bassin" in text and "ODD 13" in text
    assert action.territory.communes.first().name in text
    assert "Fiche éditée le 30 juin 2025" in text


def test_the_path_names_the_parents_of_the_action(action):
    _pages, text, _size = read_pdf(action_sheet_pdf(action, today=TODAY))
    axis = PlanNode.objects.get(pk=action.parent.parent.parent_id)
    assert f"Axe {axis.number} : {axis.title}" in text


def test_a_late_action_says_so_and_why(action):
    make_sheet(action, end_date=TODAY - timedelta(days=1))
    _pages, text, _size = read_pdf(action_sheet_pdf(action, today=TODAY))
    assert "Statut : En cours En retard la date de fin est passée" in text


def test_a_long_sheet_still_fits_on_one_page_and_counts_what_is_left_out():
    territory = make_territory(communes=40)
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=1)
    action = first_action(plan)
    action.title = ("Aménager la voie verte intercommunale du piémont cévenol " * 5)[:255]
    action.description = "Une description très longue et détaillée. " * 200
    action.save()
    follow(action, milestones=25, notes=30, fundings=9, indicators=6, names=12)
    sheet = action.sheet
    sheet.sdgs = list(range(1, 18))
    sheet.objectives = "Des objectifs écrits longuement. " * 40
    sheet.save()
    ActionUpdate.objects.filter(sheet=sheet).update(note="Un point de suivi très long. " * 60)
    for commune in territory.communes.all():
        CommuneLink.objects.get_or_create(
            territory=territory, plan=plan, node=action, commune=commune, origin="confirmed"
        )
    pages, text, _size = read_pdf(action_sheet_pdf(action, today=TODAY))
    assert pages == 1
    assert "… et 19 autres étapes" in text
    assert "… et 27 points de suivi plus anciens" in text
    assert "… et 3 autres indicateurs" in text
    assert "… et 5 autres financements" in text
    assert "… et 26 autres communes" in text
    assert "… et 12 autres" in text  # SDGs
    assert "… et 7 autres personnes" in text  # 12 pilots named, 5 shown


@pytest.mark.parametrize(
    "title",
    [
        "#set page(width: 1cm) *gras* $x^2$ _souligné_",
        'Le \\ "dernier" mot @ref <étiquette> #pagebreak() ]) [ // pas un commentaire',
    ],
)
def test_a_title_written_like_typst_markup_prints_as_it_is(action, title):
    action.title = title
    action.save()
    pages, text, size = read_pdf(action_sheet_pdf(action, today=TODAY))
    assert pages == 1 and tuple(round(side) for side in size) == A4
    assert title in text


def test_the_public_version_names_nobody_and_keeps_budgets_and_internal_notes_out(action):
    pilot = make_member(action.territory, Role.PILOT, first_name="Alix", last_name="Martin")
    action.pilots.add(pilot)
    _pages, text, _size = read_pdf(action_sheet_pdf(action, drafts=True, today=TODAY))
    assert "Alix Martin" in text and "Camille Pilote 0" in text and "Dominique Élue 0" in text
    assert "Note 1 : le comité" in text and "note interne" in text
    _pages, text, _size = read_pdf(action_sheet_pdf(action, drafts=False, today=TODAY))
    for private in ("Alix Martin", "Camille", "Dominique", "Service 0", "120 000", "Financeur"):
        assert private not in text
    assert "Note 1 : le comité" not in text and "Note 0 : le comité" in text
    assert "Version publique : seulement ce qui est publié." in text


def test_an_unpublished_indicator_is_for_members_only(action):
    make_indicator(
        action.territory, title="Indicateur en préparation", is_published=False, nodes=[action]
    )
    _pages, text, _size = read_pdf(action_sheet_pdf(action, drafts=True, today=TODAY))
    assert "Indicateur en préparation" in text
    _pages, text, _size = read_pdf(action_sheet_pdf(action, drafts=False, today=TODAY))
    assert "Indicateur en préparation" not in text


def test_an_action_without_a_sheet_is_a_page_that_says_what_is_missing():
    plan = make_plan(make_territory())
    action = first_action(plan)
    pages, text, _size = read_pdf(action_sheet_pdf(action, today=TODAY))
    assert pages == 1
    assert "Statut : Sans statut" in text
    assert "Aucune étape inscrite." in text and "Aucun point de suivi écrit." in text
    assert "Aucun indicateur n’est lié à cette action." in text
    assert "Tout le territoire" in text


def test_the_file_is_named_from_slugs(action):
    action.number = "1.2.3"
    action.title = "Créer une voie verte : « entre les bourgs » !"
    slug = action.territory.slug
    assert (
        file_name(action) == f"{slug}-fiche-action-1-2-3-creer-une-voie-verte-entre-les-bourgs.pdf"
    )
    action.number = ""
    action.title = "Très " * 40
    name = file_name(action)
    assert name.startswith(f"{slug}-fiche-action-{action.pk}-tres-tres")
    assert len(name) < 120 and not name.endswith("-.pdf")


def queries_for(actions_per_objective: int) -> int:
    territory = make_territory(communes=6)
    plan = make_plan(territory, actions=actions_per_objective)
    for node in PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION):
        make_sheet(node, status="planned", end_date=date(2026, 1, 1))
    action = first_action(plan)
    follow(action, milestones=4, notes=5, fundings=2, indicators=2, names=2)
    action.pilots.add(make_member(territory, Role.PILOT))
    with CaptureQueriesContext(connection) as queries:
        assert read_pdf(action_sheet_pdf(action, today=TODAY))[0] == 1
    return len(queries)


def test_the_queries_do_not_depend_on_the_size_of_the_plan():
    small, large = queries_for(1), queries_for(10)
    assert small == large
    assert small <= 25


# --- the download --------------------------------------------------------------------


@pytest.fixture
def people(action):
    territory = action.territory
    found = {role: make_member(territory, role) for role in Role.values}
    found["other"] = make_member(make_territory(), Role.ADMIN)
    return found


def url_of(node, territory=None) -> str:
    return reverse("action_pdf:download", args=[(territory or node.territory).slug, node.pk])


@pytest.mark.parametrize("role", ["elected", "pilot", "editor", "admin"])
def test_members_who_read_drafts_download_the_page(client, action, people, role):
    client.force_login(people[role])
    response = client.get(url_of(action))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{file_name(action)}"'
    assert response["Cache-Control"] == "private, no-store"
    pages, text, _size = read_pdf(response.content)
    assert pages == 1 and "Camille Pilote 0" in text


@pytest.mark.parametrize("actor", ["partner", "other"])
def test_partners_and_other_territories_are_refused(client, action, people, actor):
    client.force_login(people[actor])
    assert client.get(url_of(action)).status_code == 403


def test_anonymous_people_are_sent_to_sign_in(client, action):
    response = client.get(url_of(action))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_only_actions_of_the_territory_have_a_page(client, action, people):
    client.force_login(people[Role.ADMIN])
    assert client.get(url_of(action.parent)).status_code == 404
    elsewhere = first_action(make_plan(make_territory()))
    assert client.get(url_of(elsewhere, action.territory)).status_code == 404
    missing = reverse("action_pdf:download", args=[action.territory.slug, 999999])
    assert client.get(missing).status_code == 404


def test_the_action_page_links_to_its_pdf_for_members_who_read_drafts(client, action, people):
    page = action.get_absolute_url()
    link = f'href="{url_of(action)}"'
    client.force_login(people[Role.ELECTED])
    html = client.get(page).content.decode()
    assert link in html and "Fiche en PDF" in html
    client.force_login(people[Role.PARTNER])
    assert link not in client.get(page).content.decode()
    client.logout()
    assert link not in client.get(page).content.decode()
