"""In Chromium, on a phone (375 px) and a desk (1280 px): a pilot opens their space, sees
the late action first, records a status, progress and note from its quick form, then a
measured value of their indicator; no serious accessibility violation (axe-core), nothing
wider than the screen."""

import os
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet
from faisse.actions.testing import add_milestones, make_sheet
from faisse.core.browser_testing import assert_accessible, chromium
from faisse.indicators.models import IndicatorValue
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Cévennes-2026-solide"
# Screenshots land here when set, to be looked at (FAISSE_SCREENSHOTS=/tmp/shots).
SHOTS = os.environ.get("FAISSE_SCREENSHOTS", "")


@pytest.fixture
def pilot_world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory, axes=1, orientations=1, objectives=2, actions=3)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    PlanNode.objects.filter(pk=actions[0].pk).update(
        title="Aménager une voie verte entre Anduze et Saint-Jean-du-Gard sur l’ancienne voie"
    )
    pilot = make_member(territory, Role.PILOT, "paule@example.org", first_name="Paule")
    pilot.set_password(PASSWORD)
    pilot.save()
    today = timezone.localdate()
    for node in actions[:4]:
        node.pilots.add(pilot)
    make_sheet(actions[0], status="in_progress", progress=30, end_date=today + timedelta(days=90))
    make_sheet(actions[1], status="in_progress", end_date=today - timedelta(days=12))
    sheet = make_sheet(actions[2], status="planned", end_date=today + timedelta(days=400))
    add_milestones(sheet, ("Marché attribué", False, today + timedelta(days=8)))
    indicator = make_indicator(
        territory,
        title="Kilomètres de voies vertes",
        unit="km",
        pilots=[pilot],
        values={today - timedelta(days=500): 4},
    )
    return territory, pilot, actions, indicator


def shot(page, name: str, element=None) -> None:
    """The whole page, or one element of it."""
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        if element is not None:
            element.screenshot(path=f"{SHOTS}/{name}.png")
        else:
            page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def assert_fits(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, (scroll, width)


@pytest.mark.parametrize("width", (375, 1280))
def test_a_pilot_updates_an_action_and_an_indicator_from_a_phone(live_server, pilot_world, width):
    territory, pilot, actions, indicator = pilot_world
    late = actions[1]
    with chromium() as browser:
        page = browser.new_context(viewport={"width": width, "height": 800}).new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/connexion/")
        page.get_by_label("Adresse électronique").fill(pilot.email)
        page.get_by_label("Mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        page.goto(f"{live_server.url}/{territory.slug}/gestion/suivi/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Suivi de mes actions")
        first = page.locator(".pilot-list > li").first
        expect(first).to_have_attribute("id", f"action-{late.pk}")
        expect(first.locator(".badge", has_text="En retard")).to_be_visible()
        assert_accessible(page)
        assert_fits(page, width)
        shot(page, f"pilot-space-{width}")

        first.get_by_text("Mettre à jour").click()
        form = first.locator("form")
        expect(form.get_by_label("Statut")).to_be_visible()
        assert_fits(page, width)
        form.get_by_label("Statut").select_option(label="Réalisé")
        form.get_by_label(re.compile("^Avancement")).fill("100")
        form.get_by_role("textbox", name=re.compile("^Note")).fill("Travaux reçus le mois dernier.")
        shot(page, f"pilot-form-{width}", first)
        form.get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_text(re.compile("Point de suivi enregistré"))).to_be_visible()
        assert page.url.endswith(f"#action-{late.pk}")
        card = page.locator(f"#action-{late.pk}")
        expect(card.get_by_text("Travaux reçus le mois dernier.")).to_be_visible()
        assert ActionSheet.objects.get(node=late).status == "done"

        item = page.locator(f"#indicateur-{indicator.pk}")
        item.get_by_text("Ajouter une valeur").click()
        item.get_by_label(re.compile("^Valeur mesurée")).fill("12")
        item.get_by_role("button", name="Enregistrer la valeur").click()
        expect(page.get_by_text(re.compile("Valeur enregistrée"))).to_be_visible()
        expect(page.locator(f"#indicateur-{indicator.pk}")).to_contain_text("12\u00a0km")
        assert IndicatorValue.objects.filter(indicator=indicator).count() == 2

        late_form = page.locator(f"#action-{late.pk}")
        late_form.get_by_text("Mettre à jour").click()
        late_form.locator("form").get_by_label("Date").fill("2999-01-01")
        late_form.locator("form").get_by_role("button", name="Enregistrer").click()
        expect(page.get_by_role("alert").first).to_contain_text("futur")
        assert_accessible(page)
        assert_fits(page, width)
        shot(page, f"pilot-refused-{width}", page.locator(f"#action-{late.pk}"))
        shot(page, f"pilot-refused-top-{width}", page.locator("main"))
