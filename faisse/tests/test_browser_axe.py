"""axe-core (the accessibility engine, shipped inside the axe-playwright-python package:
nothing is fetched) finds no serious or critical violation on the pages of the public, of
an editor, a pilot, an administrator and an élu, at 1280 and 375 px wide, in the system
Chromium."""

import pytest
from django.conf import settings
from django.test import Client

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium, serious_violations
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    """Pages and sessions, made before Playwright starts its event loop."""
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
    CommuneLink.objects.create(
        territory=territory,
        plan=plan,
        node=action,
        commune=territory.communes.first(),
        origin="detected",
        evidence="Commune 1",
    )
    PlanNode.objects.filter(pk=action.pk).update(title="Aménager la place de Commune 1")
    slug = territory.slug
    public = [
        "/",
        f"/{slug}/",
        f"/{slug}/plan/",
        action.get_absolute_url(),
        f"/{slug}/communes/",
        f"/{slug}/communes/?q=30",
        f"/{slug}/communes/{territory.communes.first().insee}/",
        f"/{slug}/carte/",
        f"/{slug}/tableau-de-bord/",
        f"/{slug}/accessibilite/",
        f"/{slug}/mentions-legales/",
        f"/{slug}/donnees-personnelles/",
        f"/{slug}/contact/",
        "/connexion/",
        "/connexion/lien/",
    ]
    editor_pages = [
        f"/{slug}/gestion/",
        f"/{slug}/gestion/plan/",
        f"/{slug}/gestion/plan/?deplier=1",
        f"/{slug}/gestion/plan/?q=action",
        f"/{slug}/gestion/elements/{action.pk}/modifier/",
        f"/{slug}/gestion/elements/{action.pk}/deplacer/",
        f"/{slug}/gestion/localisation/",
        f"/{slug}/gestion/localisation/elements/{action.pk}/",
        f"/{slug}/gestion/historique/",
        f"/{slug}/gestion/historique/elements/{action.pk}/",
        f"/{slug}/gestion/actions-similaires/",
        f"/{slug}/tableau-de-bord/?carte=budget",
        "/compte/",
        "/compte/jetons/",
    ]
    pilot = make_member(territory, Role.PILOT)
    action.pilots.add(pilot)
    pilot_pages = [f"/{slug}/gestion/", f"/{slug}/gestion/elements/{action.pk}/modifier/"]
    admin = make_member(territory, Role.ADMIN)
    partner = make_member(territory, Role.PARTNER)
    admin_pages = [
        f"/{slug}/gestion/",
        f"/{slug}/gestion/membres/",
        f"/{slug}/gestion/membres/{partner.memberships.get().pk}/",
        f"/{slug}/gestion/site/",
    ]
    elected = make_member(territory, Role.ELECTED)
    elected.memberships.update(commune=territory.communes.first())
    elected_pages = [f"/{slug}/gestion/", "/compte/", "/compte/donnees/"]
    sessions = {}
    people = (
        ("editor", make_member(territory, Role.EDITOR)),
        ("pilot", pilot),
        ("admin", admin),
        ("elected", elected),
    )
    for name, user in people:
        client = Client()
        client.force_login(user)
        sessions[name] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "public": (None, public),
        "editor": (sessions["editor"], editor_pages),
        "pilot": (sessions["pilot"], pilot_pages),
        "admin": (sessions["admin"], admin_pages),
        "elected": (sessions["elected"], elected_pages),
    }


@pytest.mark.parametrize("who", ["public", "editor", "pilot", "admin", "elected"])
def test_no_serious_violation(live_server, world, who):
    session, pages = world[who]
    found = {}
    with chromium() as browser:
        for width in (1280, 375):
            context = browser.new_context(viewport={"width": width, "height": 900})
            if session:
                context.add_cookies(
                    [
                        {
                            "name": settings.SESSION_COOKIE_NAME,
                            "value": session,
                            "url": live_server.url,
                        }
                    ]
                )
            page = context.new_page()
            for path in pages:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                for name, targets in serious_violations(page).items():
                    found[f"{path} @{width}: {name}"] = targets
            context.close()
    assert not found, found
