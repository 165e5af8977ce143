"""On a phone (375 px wide), no page of members or of the public is wider than the
screen: tables scroll inside their box, long selects shrink."""

import pytest
from django.conf import settings
from django.test import Client

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.core.browser_testing import chromium
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in():
    """An administrator's session cookie and the pages to open, made before Playwright
    starts its event loop."""
    territory = make_territory("Communauté d’agglomération des Faïsses et des Cévennes")
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk").first()
    admin = make_member(territory, Role.ADMIN, first_name="Camille", last_name="Admin")
    for n in range(3):
        make_member(territory, Role.PARTNER, f"partenaire-au-nom-long-{n}@exemple-de-domaine.org")
    ApiToken.create(admin, territory, "Tableau de bord des services techniques", "read")
    client = Client()
    client.force_login(admin)
    slug = territory.slug
    pages = [
        "/compte/",
        "/compte/jetons/",
        f"/{slug}/gestion/",
        f"/{slug}/gestion/membres/",
        f"/{slug}/gestion/plan/",
        f"/{slug}/gestion/historique/",
        f"/{slug}/gestion/localisation/",
        f"/{slug}/gestion/elements/{action.pk}/modifier/",
        f"/{slug}/plan/",
        f"/{slug}/communes/",
        action.get_absolute_url(),
    ]
    return client.cookies[settings.SESSION_COOKIE_NAME].value, pages


def test_no_page_is_wider_than_a_phone(live_server, signed_in):
    session, pages = signed_in
    too_wide = {}
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 375, "height": 800})
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        page = context.new_page()
        for path in pages:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                too_wide[path] = width
    assert too_wide == {}
