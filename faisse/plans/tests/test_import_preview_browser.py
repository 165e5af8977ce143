"""Import through the site in Chromium: an editor on a 375 px phone without JavaScript
uploads a document from the management home, corrects one element's kind and imports it;
axe-core finds no serious violation on the upload and preview pages at 1280 and 375 px."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium, serious_violations
from faisse.plans.drafts import ImportDraft, create_draft
from faisse.plans.models import Plan
from faisse.plans.tests.import_documents import MARKDOWN, TEXT, large_markdown
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    territory = make_territory("Vallée Test")
    editor = make_member(territory, Role.EDITOR, "editrice@example.org")
    client = Client()
    client.force_login(editor)
    return {
        "territory": territory,
        "editor": editor,
        "session": client.cookies[settings.SESSION_COOKIE_NAME].value,
    }


def open_page(browser, live_server, session, width, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript
    )
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
    context.add_cookies([cookie])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_an_editor_on_a_phone_without_javascript_uploads_corrects_and_imports(live_server, world):
    territory = world["territory"]
    with chromium() as browser:
        page = open_page(browser, live_server, world["session"], 375, javascript=False)
        page.goto(f"{live_server.url}/{territory.slug}/gestion/")
        page.get_by_role("link", name="importez-le depuis un document").click()
        page.get_by_label("Document du projet de territoire").set_input_files(
            files=[{"name": "projet.md", "mimeType": "text/markdown", "buffer": MARKDOWN.encode()}]
        )
        page.get_by_role("button", name="Lire le document").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Aperçu de l’import « projet.md »"
        )
        expect(page.locator(".import-summary")).to_contain_text("4 actions")
        # Levels are folded: open axis 2 then its orientation, and correct its objective.
        tree = page.locator(".import-tree")
        tree.locator("summary", has_text="dans « Travailler au pays »").click()
        tree.locator("summary", has_text="dans « Soutenir l’emploi »").click()
        tree.get_by_role("link", name="Corriger « Développer les zones d’activité »").click()
        fix = page.get_by_role("group", name="Corriger « Développer les zones d’activité »")
        fix.get_by_label("Nature").select_option("orientation")
        fix.get_by_role("button", name="Changer la nature").click()
        expect(page.get_by_text("Correction enregistrée : « Orientation ».")).to_be_visible()
        expect(page.locator("#corrections")).to_have_text("1 correction faite")
        expect(page.get_by_text("Ligne 12 : devient « Orientation »")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, width
        # Import as a new plan, under its own title.
        form = page.locator("form", has=page.get_by_role("group", name="Comme nouveau projet"))
        form.get_by_label("Titre du projet").fill("Projet de la Vallée 2026-2032")
        form.get_by_label("Première année").fill("2026")
        form.get_by_label("Dernière année").fill("2032")
        page.get_by_role("button", name="Importer comme nouveau projet").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Structure du projet")
        expect(
            page.get_by_text(re.compile("« Projet de la Vallée 2026-2032 » importé"))
        ).to_be_visible()
    plan = Plan.objects.get(territory=territory)
    assert (plan.title, plan.period_start, plan.source_name) == (
        "Projet de la Vallée 2026-2032",
        2026,
        "projet.md",
    )
    assert plan.nodes.count() == 11 and not ImportDraft.objects.exists()


def test_no_serious_violation_on_the_import_pages(live_server, world):
    territory, editor = world["territory"], world["editor"]
    small = create_draft(territory, editor, "projet.txt", TEXT.encode())
    large = create_draft(territory, editor, "grand.md", large_markdown(200).encode())
    upload = reverse("plans:import_upload", args=[territory.slug])
    pages = [
        upload,
        reverse("plans:import_preview", args=[territory.slug, small.pk]),
        reverse("plans:import_preview", args=[territory.slug, small.pk]) + "?element=7",
        reverse("plans:import_preview", args=[territory.slug, large.pk]) + "?deplier=1",
        reverse("plans:import_preview", args=[territory.slug, large.pk]) + "?ligne=40&source=1",
    ]
    found = {}
    with chromium() as browser:
        for width in (1280, 375):
            page = open_page(browser, live_server, world["session"], width)
            for path in pages:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                for name, targets in serious_violations(page).items():
                    found[f"{path} @{width}: {name}"] = targets
            # A form sent with errors: the summary at the top, the fields marked.
            page.goto(
                live_server.url + reverse("plans:import_preview", args=[territory.slug, small.pk])
            )
            page.get_by_role(
                "button", name="Importer comme nouveau projet"
            ).scroll_into_view_if_needed()
            page.locator('input[name="nouveau-title"]').fill("")
            page.get_by_role("button", name="Importer comme nouveau projet").click()
            expect(page.get_by_role("alert").first).to_contain_text("Rien n’a été enregistré")
            for name, targets in serious_violations(page).items():
                found[f"import form with errors @{width}: {name}"] = targets
            page.goto(live_server.url + upload)
            page.get_by_role("button", name="Lire le document").click()
            expect(page.get_by_text("Choisissez le fichier à importer.").first).to_be_visible()
            for name, targets in serious_violations(page).items():
                found[f"upload with errors @{width}: {name}"] = targets
            page.context.close()
    assert not found, found
