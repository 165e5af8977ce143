"""Meetings in Chromium: an inhabitant registers to a public meeting on a 375 px phone
without JavaScript (name and address, then the e-mail's link), an élu cancels and the
person waiting is told; axe-core finds no serious violation on the meetings' pages of the
public and of an editor, at 1280 and 375 px."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium, serious_violations
from faisse.meetings.models import Meeting, Registration
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting, paris
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    meeting = make_meeting(
        territory,
        title="Réunion publique à Commune 1",
        registration_enabled=True,
        capacity=1,
        address="Salle des fêtes",
        description="Présentation du projet de territoire.",
    )
    past = make_meeting(
        territory,
        title="Conseil communautaire",
        kind=Meeting.Kind.COUNCIL,
        starts_at=paris(2018, 6, 28, 18),
        attendance=113,
        minutes="Adopté à l’unanimité.",
    )
    past.nodes.set(PlanNode.objects.filter(plan=plan, kind="axis"))
    elected = make_member(territory, Role.ELECTED, "elu@example.org")
    editor = make_member(territory, Role.EDITOR, "editrice@example.org")
    sessions = {}
    for name, user in (("elected", elected), ("editor", editor)):
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"territory": territory, "meeting": meeting, "past": past, "sessions": sessions}


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


def test_an_inhabitant_registers_on_a_phone_without_javascript_then_gets_a_freed_place(
    live_server, world
):
    territory, meeting = world["territory"], world["meeting"]
    register(meeting, user=world["territory"].memberships.get(role="elected").user)
    with chromium() as browser:
        page = context(browser, live_server, 375, javascript=False)
        page.goto(f"{live_server.url}/{territory.slug}/reunions/")
        page.get_by_role("link", name="Réunion publique à Commune 1").click()
        expect(page.get_by_text("Complet : liste d’attente").first).to_be_visible()
        page.get_by_label("Votre nom").fill("Camille Habitante")
        page.get_by_label("Votre adresse électronique").fill("camille@example.org")
        page.get_by_role("button", name="Recevoir le lien d’inscription").click()
        expect(page.get_by_text("Un e-mail vient de partir à camille@example.org")).to_be_visible()
        assert not Registration.objects.filter(email="camille@example.org").exists()
        link = re.search(r"http://\S+/confirmer/\S+", mail.outbox[-1].body).group()
        page.goto(link)
        page.get_by_role("button", name="Confirmer mon inscription").click()
        expect(page.get_by_text("vous êtes en liste d’attente")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, width

        member = context(browser, live_server, 375, world["sessions"]["elected"], False)
        member.goto(f"{live_server.url}/{territory.slug}/reunions/{meeting.pk}/")
        member.get_by_role("button", name="Annuler mon inscription").click()
        expect(member.get_by_text("Votre inscription est annulée.")).to_be_visible()
    waiting = Registration.objects.get(email="camille@example.org")
    assert waiting.status == Registration.Status.REGISTERED
    assert mail.outbox[-1].to == ["camille@example.org"]
    assert "Une place s’est libérée" in mail.outbox[-1].subject


@pytest.mark.parametrize("who", ["public", "editor"])
def test_no_serious_violation_on_the_meetings_pages(live_server, world, who):
    slug, meeting, past = world["territory"].slug, world["meeting"], world["past"]
    pages = {
        "public": [
            f"/{slug}/reunions/",
            f"/{slug}/reunions/?nature=banquet",
            f"/{slug}/reunions/{meeting.pk}/",
            f"/{slug}/reunions/{past.pk}/",
            f"/{slug}/reunions/{meeting.pk}/confirmer/lien-invalide/",
        ],
        "editor": [
            f"/{slug}/gestion/reunions/",
            f"/{slug}/gestion/reunions/nouvelle/",
            f"/{slug}/gestion/reunions/{meeting.pk}/",
            f"/{slug}/gestion/reunions/{meeting.pk}/inscriptions/",
            f"/{slug}/gestion/reunions/{past.pk}/participation/",
            f"/{slug}/gestion/reunions/{past.pk}/compte-rendu/",
            f"/{slug}/gestion/reunions/{past.pk}/sujets/",
            f"/{slug}/gestion/reunions/{past.pk}/sujets/?q=action",
        ],
    }[who]
    found = {}
    with chromium() as browser:
        for width in (1280, 375):
            page = context(browser, live_server, width, world["sessions"].get(who))
            for path in pages:
                response = page.goto(live_server.url + path)
                assert response.status in (200, 400), path
                for name, targets in serious_violations(page).items():
                    found[f"{path} @{width}: {name}"] = targets
            page.context.close()
    assert not found, found
