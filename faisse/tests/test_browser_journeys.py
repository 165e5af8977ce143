"""The journeys of the usability review, walked in Chromium at 1280 and 375 px wide, as
each person would: an inhabitant finds their commune by its postal code; a pilot updates
an action and sees who can read the note; an editor gives the untitled axis its title
from the to-do list, moves an action with the tree of places, reviews commune links
without misclicks and undoes one."""

import re

import pytest
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionUpdate
from faisse.core.browser_testing import chromium
from faisse.locations.detection import apply_detection, detect
from faisse.locations.models import CommuneLink
from faisse.plans.importer import parse_path
from faisse.plans.importer.saving import PlanDetails, save_plan
from faisse.plans.models import PlanNode
from faisse.plans.tests.conftest import SOURCE
from faisse.territories.loading import load_ales

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Cévennes-2026-solide"
WIDTHS = (1280, 375)


@pytest.fixture
def ales():
    """The real territory and plan, with detected commune links, and one person per role
    (rows made before Playwright starts its event loop)."""
    territory = load_ales()
    plan = save_plan(parse_path(SOURCE), territory, PlanDetails())
    apply_detection(detect(plan))
    people = {}
    for role in (Role.EDITOR, Role.PILOT):
        person = make_member(territory, role, f"{role}@example.org")
        person.set_password(PASSWORD)
        person.save()
        people[role] = person
    action = plan.nodes.filter(kind="action").order_by("source_line").first()
    action.pilots.add(people[Role.PILOT])
    return territory, plan, people, action


def open_page(browser, live_server, width, email=None):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    if email:
        page.goto(f"{live_server.url}/connexion/")
        page.get_by_label("Adresse électronique").fill(email)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        expect(page.get_by_role("heading", name="Mon compte", level=1)).to_be_visible()
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_an_inhabitant_finds_their_commune_by_postal_code(live_server, ales, width):
    territory = ales[0]
    with chromium() as browser:
        page = open_page(browser, live_server, width)
        page.goto(f"{live_server.url}/{territory.slug}/")
        if width < 768:  # the menu is folded behind one button on a phone
            expect(page.get_by_role("link", name="Communes", exact=True)).to_be_hidden()
            page.get_by_text("Menu", exact=True).click()
        page.get_by_role("link", name="Communes", exact=True).click()
        page.get_by_label("Nom de la commune ou code postal").fill("30140")
        page.get_by_role("button", name="Rechercher").click()
        page.get_by_role("link", name="Anduze", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Anduze")
        assert "Détecté" not in page.content()  # unconfirmed links: members only


@pytest.mark.parametrize("width", WIDTHS)
def test_a_pilot_updates_an_action_and_sees_who_reads_the_note(live_server, ales, width):
    """From their space, a pilot dates a note on their action in the pilots' space (no
    JavaScript needed: a <details> opens the form); the note stays for members unless
    they tick the box."""
    territory, _plan, people, action = ales
    with chromium() as browser:
        page = open_page(browser, live_server, width, people[Role.PILOT].email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/")
        page.get_by_role("link", name=re.compile("Mettre à jour le suivi")).first.click()
        item = page.locator(f"#action-{action.pk}")
        item.locator("summary").click()
        item.get_by_label(re.compile(r"^Note \(facultatif\)")).fill(
            "Étude de faisabilité lancée en mars."
        )
        expect(item.get_by_label(re.compile("Note visible du public"))).not_to_be_checked()
        item.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text("Point de suivi enregistré")).to_be_visible()
    update = ActionUpdate.objects.get(sheet__node=action)
    assert (update.note, update.is_public, update.author) == (
        "Étude de faisabilité lancée en mars.",
        False,
        people[Role.PILOT],
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_fixes_axis_3_and_moves_an_action_with_the_tree(live_server, ales, width):
    territory, plan, people, action = ales
    axis = plan.nodes.get(kind="axis", number="3")
    target = plan.nodes.filter(kind="objective").order_by("source_line").last()
    with chromium() as browser:
        page = open_page(browser, live_server, width, people[Role.EDITOR].email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/")
        page.get_by_role("link", name="Donner un intitulé à « Axe 3 »").click()
        page.get_by_label(re.compile("^Intitulé Visible")).fill("Développer les solidarités")
        page.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Développer les solidarités")
        # The structure, folded: short, with the axes only.
        page.goto(f"{live_server.url}/{territory.slug}/gestion/plan/")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 3000, height
        # Move an action under another objective, found by searching the tree of places.
        page.goto(f"{live_server.url}/{territory.slug}/gestion/elements/{action.pk}/deplacer/")
        radios = page.locator('input[name="parent"]')
        offered = {int(value) for value in radios.evaluate_all("r => r.map(e => e.value)")}
        kinds = set(PlanNode.objects.filter(pk__in=offered).values_list("kind", flat=True))
        assert kinds <= {"axis", "orientation", "objective", "group"}  # never an action
        page.get_by_role("searchbox", name="Chercher un emplacement").fill(target.title[:25])
        page.get_by_role("button", name="Chercher").click()
        page.get_by_label(re.compile(re.escape(target.title[:25]))).check()
        page.get_by_role("button", name="Déplacer ici").click()
        expect(page.get_by_text("est désormais sous")).to_be_visible()
        # ↓ says what happened and the keyboard stays on the element's button.
        page.get_by_role("button", name=re.compile("^Monter ")).and_(
            page.locator(f'#n-{action.pk} button[value="up"]')
        ).click()
        expect(
            page.get_by_text(re.compile("est monté d’un rang|est déjà le premier"))
        ).to_be_visible()
        focused = page.evaluate(
            "document.activeElement.closest('li') && document.activeElement.closest('li').id"
        )
        assert focused == f"n-{action.pk}"
    axis.refresh_from_db()
    action.refresh_from_db()
    assert axis.title == "Développer les solidarités" and action.parent_id == target.pk


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_reviews_links_without_misclicks_and_undoes_one(live_server, ales, width):
    territory, _plan, people, _action = ales
    first, second = CommuneLink.objects.filter(origin="detected").order_by("pk")[:2]
    with chromium() as browser:
        page = open_page(browser, live_server, width, people[Role.EDITOR].email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/localisation/")
        row = page.locator(f"#l-{first.pk}")
        box = row.bounding_box()
        row.get_by_role("button", name=re.compile("^Confirmer")).click()
        expect(page.get_by_text(re.compile("confirmée pour"))).to_be_visible()
        row = page.locator(f"#l-{first.pk}")
        expect(
            row.get_by_role("button", name=re.compile("Annuler la confirmation"))
        ).to_be_visible()
        # The row did not jump: the next row is still the next one.
        following = page.locator(f"#l-{first.pk} + tr")
        assert following.get_attribute("id") != f"l-{first.pk}"
        assert abs(row.bounding_box()["x"] - box["x"]) < 1
        row.get_by_role("button", name=re.compile("Annuler la confirmation")).click()
        expect(page.get_by_text(re.compile("remise à vérifier"))).to_be_visible()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.origin == "detected" and second.origin == "detected"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_admin_invites_an_elu_with_their_commune_who_lands_on_their_space(
    live_server, ales, width, mailoutbox
):
    territory = ales[0]
    admin = make_member(territory, Role.ADMIN, f"admin-{width}@example.org")
    admin.set_password(PASSWORD)
    admin.save()
    email = f"elu-{width}@example.org"
    with chromium() as browser:
        page = open_page(browser, live_server, width, admin.email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/membres/")
        form = page.locator("form", has=page.get_by_role("button", name="Envoyer l’invitation"))
        form.get_by_role("radio", name=re.compile("^Élu")).check()
        form.get_by_label("Adresse électronique").fill(email)
        form.get_by_role("button", name="Envoyer l’invitation").click()
        # Without a commune: refused, the message tied to the field.
        expect(page.get_by_text(re.compile("choisissez laquelle")).first).to_be_visible()
        form = page.locator("form", has=page.get_by_role("button", name="Envoyer l’invitation"))
        form.get_by_label(re.compile("^Commune")).select_option(label="Anduze")
        form.get_by_role("button", name="Envoyer l’invitation").click()
        expect(page.get_by_text(re.compile("Invitation envoyée"))).to_be_visible()
        link = re.search(r"https?://\S+/invitation/\S+", mailoutbox[-1].body)[0]
        assert "Alès Agglomération" in str(mailoutbox[-1].from_email)
        # The élu opens the link in their own browser, creates their account…
        elu = open_page(browser, live_server, width)
        path = "/" + link.split("://", 1)[1].split("/", 1)[1]
        elu.goto(live_server.url + path)
        elu.get_by_label("Prénom").fill("Émile")
        elu.get_by_label("Nom", exact=True).fill("Roux")
        elu.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
        elu.get_by_label("Mot de passe, une seconde fois").fill(PASSWORD)
        elu.get_by_role("button", name="Créer mon compte et accepter").click()
        # …and lands on their space: welcomed, their role explained, their commune linked.
        expect(elu.get_by_text(re.compile("Bienvenue"))).to_be_visible()
        expect(elu.get_by_role("link", name=re.compile("Anduze")).first).to_be_visible()
        assert elu.url.endswith(f"/{territory.slug}/gestion/")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_restores_a_version_after_its_preview(live_server, ales, width):
    from faisse.plans.editing import update_node

    territory, _plan, people, action = ales
    editor = people[Role.EDITOR]
    original = action.title
    update_node(action, editor, {"title": "Un intitulé changé par erreur"}, action.version)
    with chromium() as browser:
        page = open_page(browser, live_server, width, editor.email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/historique/elements/{action.pk}/")
        page.get_by_role("button", name=re.compile("Restaurer cette version")).last.click()
        expect(page.get_by_text(re.compile("Le site public changera"))).to_be_visible()
        action.refresh_from_db()
        assert action.title == "Un intitulé changé par erreur"  # nothing before confirming
        page.get_by_role("button", name="Confirmer la restauration").click()
        expect(page.get_by_text(re.compile("restaurée"))).to_be_visible()
    action.refresh_from_db()
    assert action.title == original
