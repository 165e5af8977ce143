"""In a real browser, as editors signed in with their password: edit an action, restore the
previous version from its history after reading its preview (nothing changes before the
confirmation); filter the activity log; two editors saving the same action at once never
lose the first change silently."""

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
    changed = "Intitulé changé dans le navigateur"
    with chromium() as browser:
        page = sign_in(browser, live_server, editor.email)
        page.goto(f"{live_server.url}/{territory.slug}/")
        page.get_by_role("link", name="Gestion").click()
        page.get_by_role("link", name="Structure du projet").click()
        # The tree opens level by level: unfold the branches that hold the action.
        for summary in page.locator(f"details:has(#n-{action.pk}) > summary").all():
            summary.click()
        page.locator(f"#n-{action.pk}").get_by_role("link", name=re.compile("^Modifier")).click()
        # Its label also says who reads it ("Intitulé Visible du public").
        page.get_by_role("textbox", name=re.compile(r"^Intitulé( Visible.*)?$")).fill(changed)
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("changé dans le navigateur")

        page.goto(f"{live_server.url}/{territory.slug}/gestion/historique/elements/{action.pk}/")
        expect(page.get_by_text(changed).first).to_be_visible()
        page.get_by_role("button", name=re.compile("^Restaurer cette version")).first.click()

        # The preview: what will change, and that the public site will see it.
        expect(page.get_by_role("heading", level=1)).to_contain_text("Restaurer la version du")
        row = page.get_by_role("row", name=re.compile("^Intitulé"))
        expect(row.get_by_role("cell").nth(0)).to_have_text(changed)
        expect(row.get_by_role("cell").nth(1)).to_have_text(original)
        expect(page.get_by_role("heading", name="Le site public changera")).to_be_visible()
        # Nothing changed yet: the public page still shows the new title.
        public = new_page(browser)
        public.goto(live_server.url + action.get_absolute_url())
        expect(public.get_by_role("heading", level=1)).to_contain_text(changed)

        # Confirmed from the keyboard.
        page.get_by_role("button", name="Confirmer la restauration").press("Enter")
        expect(page.get_by_text("La version choisie a été restaurée.")).to_be_visible()
        public.reload()
        expect(public.get_by_role("heading", level=1)).to_contain_text(original)

    action.refresh_from_db()
    assert action.title == original
    records = PlanNode.history.filter(id=action.pk).order_by("-history_id")
    assert [r.title for r in records[:2]] == [original, changed]
    assert all(record.history_user == editor for record in records[:2])


def test_cancelling_the_restore_changes_nothing(live_server, scene):
    territory, action, (editor, _other) = scene
    action.title = "Titre à garder"
    action.save_change(editor, "Modification dans le site")
    with chromium() as browser:
        page = sign_in(browser, live_server, editor.email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/historique/elements/{action.pk}/")
        page.get_by_role("button", name=re.compile("^Restaurer cette version")).first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Restaurer la version du")
        page.get_by_role("link", name="Annuler").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            "Historique de « Titre à garder »"
        )
    action.refresh_from_db()
    assert (action.title, action.version) == ("Titre à garder", 2)


def test_filter_the_activity_log(live_server, scene):
    territory, action, (elise, marc) = scene
    action.title = "Intitulé d’Élise"
    action.save_change(elise, "Modification dans le site")
    action.title = "Intitulé de Marc"
    action.save_change(marc, "Modification dans le site")
    with chromium() as browser:
        page = sign_in(browser, live_server, elise.email)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/historique/")
        page.get_by_label("Personne").select_option(label="Marc")
        page.get_by_label("Type de changement").select_option(label="Modification")
        page.get_by_role("button", name="Filtrer").click()
        expect(page).to_have_url(re.compile(rf"personne={marc.pk}.*changement=modification"))
        expect(page.get_by_text("1 changement correspond à ces filtres")).to_be_visible()
        expect(page.get_by_role("row")).to_have_count(2)  # the header, Marc's change
        expect(page.get_by_role("row").nth(1)).to_contain_text("Intitulé de Marc")
        page.get_by_label("Du", exact=True).fill("2030-01-31")
        page.get_by_label("Au (inclus)").fill("2030-01-01")
        page.get_by_role("button", name="Filtrer").click()
        expect(page.get_by_role("alert")).to_contain_text("précède la date de début")
        page.get_by_role("link", name="Effacer les filtres").click()
        expect(page.get_by_text(re.compile(r"^\d+ changements enregistrés"))).to_be_visible()


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
