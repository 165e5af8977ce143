"""In Chromium without JavaScript, on a 375 px phone: an élu opens their personal link and
answers a questionnaire of three pages (every kind of question), goes back a page and
finds their draft, forgets a required answer and is told which, reads the summary and
sends; the page never scrolls sideways. axe-core (which needs JavaScript) then finds
nothing serious on the pages of the answer being changed."""

import pytest
from playwright.sync_api import expect

from faisse.core.browser_testing import assert_accessible, chromium
from faisse.questionnaires.models import Answer, Response
from faisse.questionnaires.tests.conftest import build_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, (page.url, width)


def test_an_elu_answers_three_pages_on_a_phone_without_javascript(live_server, territory):
    survey = build_survey(territory)  # rows made before Playwright starts its event loop
    commune = territory.communes.order_by("name").first()
    link = live_server.url + survey.link()
    with chromium() as browser:
        context = browser.new_context(
            viewport={"width": 375, "height": 740}, java_script_enabled=False
        )
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(link)
        page.get_by_role("link", name="Commencer").click()

        # Page 1: the required Likert question is forgotten first.
        expect(page.get_by_role("heading", level=1)).to_contain_text("page 1 sur 3")
        no_sideways_scroll(page)
        page.get_by_label("Oui").check()
        page.get_by_label("Votre commune").select_option(label=commune.name)
        page.get_by_role("button", name="Page suivante").click()
        expect(page.get_by_text("Le territoire est attractif").first).to_be_visible()
        assert "page 1 sur 3" in page.get_by_role("heading", level=1).inner_text()
        expect(page.locator("[aria-invalid=true]").first).to_be_attached()
        page.get_by_label("Plutôt d’accord", exact=True).check()
        page.get_by_role("button", name="Page suivante").click()

        # Page 2: the lines question shows because the answer was "Oui".
        expect(page.get_by_role("heading", level=1)).to_contain_text("page 2 sur 3")
        no_sideways_scroll(page)
        page.get_by_label("Bus").check()
        page.get_by_label("A", exact=True).select_option(label="rang 2")
        page.get_by_label("B", exact=True).select_option(label="rang 1")
        page.get_by_label("C", exact=True).select_option(label="rang 3")
        page.get_by_role("group", name="Eau").get_by_label("Très bien").check()
        page.get_by_role("group", name="Forêt").get_by_label("Passable").check()
        page.get_by_label("Routes").fill("40")
        page.get_by_label("Écoles").fill("60")
        page.get_by_role("button", name="Page suivante").click()

        # Page 3, then back: page 2 kept its answers (a draft on the server).
        expect(page.get_by_role("heading", level=1)).to_contain_text("page 3 sur 3")
        page.get_by_role("button", name="Page précédente").click()
        expect(page.get_by_label("Routes")).to_have_value("40")
        page.get_by_role("button", name="Page suivante").click()
        page.get_by_role("group", name="Été").get_by_label("Bus").check()
        page.get_by_label("Une idée").fill("Un bus le dimanche")
        no_sideways_scroll(page)
        page.get_by_role("button", name="Relire mes réponses").click()

        expect(page.get_by_role("heading", name="Relire et envoyer")).to_be_visible()
        expect(page.get_by_text("Un bus le dimanche")).to_be_visible()
        no_sideways_scroll(page)
        page.get_by_role("button", name="Envoyer ma réponse").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Merci")
        context.close()

        context = browser.new_context(viewport={"width": 375, "height": 740})
        page = context.new_page()
        for number in (1, 2, 3):
            page.goto(live_server.url + survey.link("page", number))
            assert_accessible(page)
        page.goto(live_server.url + survey.link("summary"))
        assert_accessible(page)
        context.close()

    response = Response.objects.get(questionnaire=survey.questionnaire)
    assert response.person == survey.elected and response.commune == commune
    answers = Answer.objects.select_related("question", "option")
    rows = {(a.question.key, a.option.label if a.option else None, a.number) for a in answers}
    assert {("ordre", "B", 1), ("notes", "Forêt", 5), ("budget", "Écoles", 60)} <= rows
    assert ("lignes", "Bus", None) in rows and ("accord", None, 3) in rows
