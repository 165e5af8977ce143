"""The plan page in a real browser: title, skip link by keyboard, a click to an action page.

Drives the system Chromium (/usr/bin/chromium) through Playwright; never a downloaded browser.
"""

import re

import pytest
from playwright.sync_api import expect

from faisse.core.browser_testing import chromium, new_page
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page():
    with chromium() as browser:
        yield new_page(browser)


@pytest.fixture
def sample():
    """Rows created before Playwright starts its event loop: inside it, the ORM would open a
    connection of its own that outlives the test and blocks dropping the test database."""
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory, title="Projet de territoire 2020-2030")
    action = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk").first()
    return territory, action


def test_plan_page_keyboard_and_navigation(live_server, sample, browser_page):
    territory, action = sample
    page = browser_page

    page.goto(f"{live_server.url}/{territory.slug}/plan/")
    assert page.title() == "Projet de territoire 2020-2030 · Agglo des Faïsses — Faïsse"
    expect(page.locator("h1")).to_have_text("Projet de territoire 2020-2030")
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # The first Tab reaches the skip link, which shows itself and moves focus to <main>.
    skip = page.locator("a.skip-link")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0  # visible once focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#contenu$"))
    expect(page.locator("main#contenu")).to_be_focused()
    # The next Tab lands inside the main content, past the header navigation.
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.activeElement.closest('main') !== null")
    assert inside_main

    # A table-of-contents anchor exists for each axis, then a click opens an action page.
    assert page.locator("nav.toc a").count() == 2 + 4
    page.get_by_role("link", name=action.label, exact=True).first.click()
    page.wait_for_url(f"**{action.url_for(territory.slug)}")
    expect(page.locator("h1")).to_have_text(f"Action : {action.title}")
    expect(page.locator('nav[aria-label="Fil d\'Ariane"] [aria-current="page"]')).to_have_text(
        action.label
    )
    page.get_by_role("link", name="Action suivante").click()
    expect(page.locator("h1")).not_to_have_text(f"Action : {action.title}")


@pytest.fixture
def ales_map():
    """The real territory (71 communes with boundaries), a plan naming Anduze in one action."""
    from faisse.portal.tests.located import link
    from faisse.territories.loading import load_ales

    territory = load_ales()
    plan = make_plan(territory, title="Projet de territoire")
    action = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk").first()
    link(action, territory.communes.get(insee="30010"), evidence="Anduze")
    return territory, action


def test_map_click_opens_the_commune_page(live_server, ales_map, browser_page):
    territory, action = ales_map
    page = browser_page
    page.goto(f"{live_server.url}/{territory.slug}/carte/")
    expect(page.locator("h1")).to_have_text("Le projet, commune par commune")
    # The map is a named group of 71 links, each named by its <title>.
    group = page.get_by_role(
        "group", name="Carte des communes du territoire Alès Agglomération", exact=False
    )
    expect(group).to_have_count(1)
    expect(group.get_by_role("link")).to_have_count(71)
    anduze = group.get_by_role("link", name="Anduze : 1 action spécifique", exact=False)
    expect(anduze).to_have_count(1)
    box = anduze.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10  # drawn, and of a clickable size
    anduze.click()
    page.wait_for_url(f"**/{territory.slug}/communes/30010/")
    expect(page.locator("h1")).to_have_text("Commune : Anduze")
    expect(page.get_by_role("link", name=action.title, exact=True).first).to_be_visible()
    # The small map of the commune page links its neighbours too.
    page.get_by_role("group", name="Anduze sur la carte", exact=False).get_by_role(
        "link", name="Tornac", exact=True
    ).click()
    page.wait_for_url(f"**/{territory.slug}/communes/30330/")
    expect(page.locator("h1")).to_have_text("Commune : Tornac")


def test_map_switch_and_keyboard(live_server, ales_map, browser_page):
    territory, _action = ales_map
    page = browser_page
    page.goto(f"{live_server.url}/{territory.slug}/carte/")
    page.get_by_role("link", name="Actions spécifiques pour 1\u00a0000 habitants").click()
    page.wait_for_url("**/carte/?mesure=habitants")
    expect(page.locator(".legend__title")).to_contain_text("pour 1\u00a0000 habitants")
    # Keyboard: the skip link before the map shows itself and leads to the table.
    skip = page.get_by_role("link", name="Passer la carte et aller au tableau")
    skip.focus()
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#tableau$"))
    # From the switch, the next stops are the skip link, then the first commune of the map.
    skip.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('svg') !== null")
    assert focused
