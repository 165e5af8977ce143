"""The dashboard passes the site's accessibility checks (RGAA) with every section shown:
one h1 and headings in order, every table with a caption and header scopes, the map a
named group of links with a table of the same figures, bars hidden from assistive
technologies beside the figure they draw, colour never the only signal."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.reports.tests.test_dashboard import world  # noqa: F401
from faisse.tests.test_member_pages_accessibility import assert_fields_labelled

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["public", "editor"])
@pytest.mark.parametrize("query", ["", "?statut=en_cours&carte=budget&axe=abc"])
def test_dashboard_is_accessible(client, world, who, query):  # noqa: F811
    if who == "editor":
        client.force_login(make_member(world["territory"], Role.EDITOR))
    response = client.get(world["url"] + query)
    html = page(response)
    assert_accessible(html)
    assert_fields_labelled(html)
    assert html.texts(1) == ["Tableau de bord du projet"]
    tags = [tag for tag, _ in html.elements]
    assert tags.count("table") == tags.count("caption") > 0
    headers = [attrs for tag, attrs in html.elements if tag == "th"]
    assert all(attrs.get("scope") in ("col", "row") for attrs in headers)
    svgs = [attrs for tag, attrs in html.elements if tag == "svg"]
    bars = [attrs for attrs in svgs if attrs.get("class") == "bar"]
    assert bars and all(attrs.get("aria-hidden") == "true" for attrs in bars)
    maps = [attrs for attrs in svgs if attrs.get("class") == "faisse-map"]
    assert len(maps) == 1 and maps[0]["role"] == "group"
    # The map's alternative: the same figures in a table, and a link to skip to it.
    assert "#communes-tableau" in html.hrefs() and "communes-tableau" in html.ids
    # Each bar is followed by its figure in words ("45 %" or "—").
    content = response.content.decode()
    for chunk in content.split('class="bar"')[1:]:
        figure = chunk.split('<span class="dashboard-figure">', 1)[1].split("</span>", 1)[0]
        assert figure == "—" or figure.endswith("\u00a0%"), figure


def test_dashboard_headings_outline(client, world):  # noqa: F811
    client.force_login(make_member(world["territory"], Role.ELECTED))
    html = page(client.get(world["url"]))
    assert html.texts(2) == [
        "Filtrer les actions",
        "Sur cette page",
        "L’avancement",
        "Les actions par statut",
        "Les actions par priorité",
        "Les actions par pilote et par service Visible des membres",
        "Les actions par commune",
        "Le budget Visible des membres",
        "7 actions en retard",
        "3 échéances dans les 30 jours",
        "Les indicateurs hors trajectoire",
    ]
