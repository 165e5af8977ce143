"""In a real browser, as editors signed in with their password: edit an action, restore the
previous version from its history; two editors saving the same action at once never lose
the first change silently."""

import re

import pytest
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium, new_page
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Cévennes-2026-solide"


@pytest.fixture
def scene():
    """Rows created before Playwright starts its event loop (see test_browser.py)."""
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
    editors = []
    for name, email in (("Élise", "elise@example.org"), ("Marc", "marc@example.org")):
        editor = make_member(territory, Role.EDITOR, email)
        editor.first_name = name
        editor.set_password(PASSWORD)
        editor.save()
        editors.append(editor)
    return territory, action, editors


def sign_in(browser, live_server, email: str):
    page = new_page(browser, separate=True)
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Mon compte", level=1)).to_be_visible()
    return page


def test_edit_then_restore_the_previous_version(live_server, scene):
    territory, action, (editor, _other) = scene
    original = action.title
    with chromium() as browser:
        page = sign_in(browser, live_server, editor.email)
        page.goto(f"{live_server.url}/{territory.slug}/")
        page.get_by_role("link", name="Gestion").click()
        page.get_by_role("link", name="Structure du projet").click()
        page.locator(f"#n-{action.pk}").get_by_role("link", name=re.compile("^Modifier")).click()
        page.get_by_role("textbox", name="Intitulé", exact=True).fill(
            "Intitulé changé dans le navigateur"
        )
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("changé dans le navigateur")

        page.goto(f"{live_server.url}/{territory.slug}/gestion/historique/elements/{action.pk}/")
        expect(page.get_by_text("Intitulé changé dans le navigateur").first).to_be_visible()
        page.get_by_role("button", name=re.compile("^Restaurer cette version")).first.click()
        expect(page.get_by_text("La version choisie a été restaurée.")).to_be_visible()

    action.refresh_from_db()
    assert action.title == original
    records = PlanNode.history.filter(id=action.pk).order_by("-history_id")
    assert [r.title for r in records[:2]] == [original, "Intitulé changé dans le navigateur"]
    assert all(record.history_user == editor for record in records[:2])


def test_two_editors_saving_at_once_never_lose_the_first_change(live_server, scene):
    territory, action, (first, second) = scene
    edit_url = f"{live_server.url}/{territory.slug}/gestion/elements/{action.pk}/modifier/"
    action_url = live_server.url + action.get_absolute_url()
    with chromium() as browser:
        page_one = sign_in(browser, live_server, first.email)
        page_two = sign_in(browser, live_server, second.email)
        page_one.goto(edit_url)
        page_two.goto(edit_url)
        page_one.get_by_role("textbox", name="Description (facultatif)").fill("Description d’Élise")
        page_one.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(page_one.get_by_text("Modifications enregistrées.")).to_be_visible()

        page_two.get_by_role("textbox", name="Description (facultatif)").fill("Description de Marc")
        page_two.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(page_two.get_by_role("alert")).to_contain_text("modifié par quelqu’un d’autre")
        expect(page_two.get_by_text("Description d’Élise")).to_be_visible()  # theirs, shown
        # Nothing was written over it (checked through the site: an ORM call inside
        # Playwright's event loop would open a connection that outlives the test).
        page_one.goto(action_url)
        expect(page_one.locator(".node-description")).to_have_text("Description d’Élise")

        # Marc read Élise's version; saving again is now his explicit choice.
        page_two.get_by_role("button", name="Enregistrer quand même mes modifications").click()
        expect(page_two.get_by_text("Modifications enregistrées.")).to_be_visible()
    action.refresh_from_db()
    assert action.description == "Description de Marc"
    assert PlanNode.history.filter(id=action.pk, description="Description d’Élise").exists()
