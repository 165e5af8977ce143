"""The dashboard is public, but pilots, lead services and budgets are for the members who
read drafts (view_drafts: élus, pilots, editors, administrators): with the people of the
permission matrix, each actor sees them or not."""

import pytest
from django.urls import reverse

from faisse.reports.tests.permissions import SERVICE
from faisse.tests.matrix import ACTORS
from faisse.tests.test_permission_matrix import world  # noqa: F401

pytestmark = pytest.mark.django_db

SEES_MEMBERS_CONTENT = {"elected", "pilot", "editor", "admin"}


@pytest.mark.parametrize("actor", ACTORS)
def test_members_content_only_for_those_who_read_drafts(client, world, actor):  # noqa: F811
    if actor != "anonymous":
        client.force_login(world["people"][actor])
    url = reverse("reports:dashboard", args=[world["territory"].slug])
    response = client.get(url, {"carte": "budget"})
    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    dashboard = response.context["dashboard"]
    pilot = world["people"]["pilot"]
    shown = {
        "pilot's name": pilot.email in html,
        "service": SERVICE in html,
        "budget": "12 345 €" in html,
        "budget section": 'id="budget"' in html,
        "budget map": dashboard.places.measure == "budget",
        "draft axis": any(row.node.pk == world["draft"].pk for row in dashboard.progress_rows),
    }
    members = actor in SEES_MEMBERS_CONTENT
    assert shown == dict.fromkeys(shown, members)
    # Everybody sees the late action, with its link.
    action = world["dashboard_action"]
    assert action.url_for(world["territory"].slug) in html
    assert [item.node.pk for item in dashboard.late] == [action.pk]
    if not members:
        assert dashboard.filters.errors == [
            "Filtre « carte » ignoré : la carte des budgets est réservée aux membres du territoire."
        ]
