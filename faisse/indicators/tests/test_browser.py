"""Indicators in Chromium: a pilot enters a value on a 375 px phone without JavaScript
and the page shows the new verdict; axe-core finds no serious violation on the
indicators' pages of the public and of an editor, at 1280 and 375 px, and no page is
wider than the phone."""

import os

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium, serious_violations
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("FAISSE_SCREENSHOTS")  # a folder: keep screenshots to look at


@pytest.fixture
def world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
    indicator = make_indicator(
        territory,
        plan=plan,
        title="Linéaire de pistes cyclables aménagées",
        unit="km",
        baseline=(2019, 100),
        targets={2020: 120, 2025: 200},
        values={2019: 100, 2020: 118, 2021: 131, 2022: 140},
        nodes=[action],
        default_source="Service mobilités",
    )
    pilot = make_member(territory, Role.PILOT, "pilote@example.org")
    action.pilots.add(pilot)
    editor = make_member(territory, Role.EDITOR, "editrice@example.org")
    sessions = {}
    for name, user in (("pilot", pilot), ("editor", editor)):
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"territory": territory, "indicator": indicator, "action": action, "sessions": sessions}


def context(browser, live_server, width, session=None, javascript=True):
    made = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript
    )
    if session:
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        made.add_cookies([cookie])
    page = made.new_page()
    page.set_default_timeout(15_000)
    return page


def close_menu(page) -> None:
    """Without JavaScript the site's menu stays open over the top of a phone's page."""
    page.locator("summary", has_text="Menu").click()


def test_a_pilot_enters_a_value_on_a_phone_without_javascript(live_server, world):
    slug, indicator = world["territory"].slug, world["indicator"]
    with chromium() as browser:
        page = context(browser, live_server, 375, world["sessions"]["pilot"], javascript=False)
        page.goto(f"{live_server.url}{world['action'].get_absolute_url()}")
        close_menu(page)
        page.get_by_role("link", name=indicator.title).click()
        close_menu(page)
        page.get_by_role("link", name="Saisir une valeur").click()
        close_menu(page)
        page.get_by_label("Date de la mesure").fill("2023-12-31")
        page.get_by_label("Valeur mesurée").fill("175,5")
        page.get_by_role("button", name="Enregistrer la valeur").click()
        saved = page.get_by_text("Valeur du 31/12/2023 enregistrée : 175,5\u00a0km.")
        expect(saved).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(f"{live_server.url}/{slug}/indicateurs/{indicator.pk}/")
        expect(page.get_by_text("Sur la trajectoire").first).to_be_visible()  # 176 ≥ 168
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert indicator.values.get(on__year=2023).source == "Service mobilités"


@pytest.mark.parametrize("who", ["public", "editor"])
def test_no_serious_violation_on_the_indicators_pages(live_server, world, who):
    slug, indicator = world["territory"].slug, world["indicator"]
    pages = {
        "public": [
            f"/{slug}/indicateurs/",
            f"/{slug}/indicateurs/{indicator.pk}/",
            world["action"].get_absolute_url(),
        ],
        "editor": [
            f"/{slug}/gestion/indicateurs/",
            f"/{slug}/gestion/indicateurs/nouveau/",
            f"/{slug}/gestion/indicateurs/{indicator.pk}/",
            f"/{slug}/gestion/indicateurs/{indicator.pk}/elements/",
            f"/{slug}/gestion/indicateurs/{indicator.pk}/valeurs/",
        ],
    }[who]
    found, wide = {}, {}
    with chromium() as browser:
        for width in (1280, 375):
            page = context(browser, live_server, width, world["sessions"].get(who))
            for number, path in enumerate(pages):
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                for name, targets in serious_violations(page).items():
                    found[f"{path} @{width}: {name}"] = targets
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    wide[f"{path} @{width}"] = scroll
                if SHOTS:
                    page.screenshot(path=f"{SHOTS}/{who}-{number}-{width}.png", full_page=True)
            page.context.close()
    assert not found, found
    assert not wide, wide
