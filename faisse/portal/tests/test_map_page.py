"""The map page: every commune a link, shaded by a measure one can switch, with a legend and
the same data as a sortable table."""

import re

import pytest
from django.urls import reverse

from faisse.portal.tests.html import page

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def map_url(territory, **params):
    url = reverse("portal:map", args=[territory.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def svg_of(html) -> str:
    return "<svg" + html.html.split('<svg class="faisse-map"', 1)[1].split("</svg>", 1)[0]


def table_rows(html) -> list[list[str]]:
    body = html.html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in body.split("</tr>")[:-1]:
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([re.sub(r"<[^>]+>", "", cell).strip() for cell in cells])
    return rows


def test_map_links_every_commune_with_a_named_link(client, located_plan):
    territory = located_plan.territory
    html = page(client.get(map_url(territory)))
    assert html.texts(1) == ["Le projet, commune par commune"]
    svg = svg_of(html)
    assert 'role="group" aria-labelledby="carte-titre" aria-describedby="carte-description"' in svg
    assert '<title id="carte-titre">Carte des communes du territoire Agglo des Faïsses' in svg
    for commune in territory.communes.all():
        url = reverse("portal:commune", args=[territory.slug, commune.insee])
        assert f'<a href="{url}"' in svg
    assert (
        f"<title>Commune 2 : 4 actions spécifiques, 20,0 pour 1{NBSP}000 habitants</title>" in svg
    )
    assert "<title>Commune 4 : 0 action" in svg  # "0 action" once a French catalog exists
    assert 'aria-current="page">Carte<' in html.html


def test_legend_states_the_classes(client, located_plan):
    html = page(client.get(map_url(located_plan.territory)))
    assert "Légende" in html.texts(2)
    legend = html.html.split('<ul class="legend__classes">', 1)[1].split("</ul>", 1)[0]
    labels = re.findall(r"<span>([^<]+)</span>", legend)
    assert labels == ["0", "1", "4"]
    assert "(2 communes)" in legend and "(1 commune)" in legend
    assert "20 actions concernent tout le territoire" in html.html


def test_per_inhabitant_switch_changes_values_legend_and_shading(client, located_plan):
    territory = located_plan.territory
    counts = page(client.get(map_url(territory)))
    rates = page(client.get(map_url(territory, mesure="habitants")))
    switch = rates.html.split('<nav class="switch"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{map_url(territory)}">Nombre d' in switch
    assert f'aria-current="true">Actions spécifiques pour 1{NBSP}000 habitants</a>' in switch
    legend = rates.html.split('<ul class="legend__classes">', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r"<span>([^<]+)</span>", legend) == ["0", "10,0", "20,0"]
    assert svg_of(counts) != svg_of(rates)
    assert f'<p class="legend__title">Actions spécifiques pour 1{NBSP}000 habitants</p>' in (
        rates.html
    )
    # The table gives both measures whatever the map shows.
    assert table_rows(rates)[:2] == [
        ["Commune 1", "100", "1", "10,0"],
        ["Commune 2", "200", "4", "20,0"],
    ]


def test_table_is_sorted_on_the_server(client, located_plan):
    territory = located_plan.territory
    html = page(client.get(map_url(territory)))
    assert [row[0] for row in table_rows(html)] == [f"Commune {i}" for i in range(1, 5)]
    assert 'aria-sort="ascending"><a href="' in html.html
    header_links = {text.rstrip(" ▲▼"): href for href, text in html.links if "#tableau" in href}
    assert header_links["Actions spécifiques"] == map_url(territory, tri="actions") + "#tableau"
    html = page(client.get(map_url(territory, tri="actions")))
    assert [row[0] for row in table_rows(html)][:2] == ["Commune 2", "Commune 1"]
    assert 'aria-sort="descending"' in html.html
    assert "triées par actions spécifiques (ordre décroissant)" in html.html
    html = page(client.get(map_url(territory, tri="population", ordre="croissant")))
    assert [row[1] for row in table_rows(html)] == ["100", "200", "300", "400"]
    # The measure is kept when sorting, the sort when switching the measure.
    html = page(client.get(map_url(territory, mesure="habitants", tri="taux")))
    assert map_url(territory, mesure="habitants", tri="taux", ordre="croissant") + "#tableau" in (
        html.hrefs()
    )
    assert map_url(territory, tri="taux") in html.hrefs()
    assert [row[0] for row in table_rows(html)][0] == "Commune 2"
    # Unknown values fall back to the defaults.
    html = page(client.get(map_url(territory, tri="nimporte", mesure="x", ordre="y")))
    assert [row[0] for row in table_rows(html)][0] == "Commune 1"


def test_missing_population_and_boundary(client, located_plan):
    territory = located_plan.territory
    territory.communes.filter(insee="99002").update(population=None)
    territory.communes.filter(insee="99004").update(boundary=None)
    html = page(client.get(map_url(territory, mesure="habitants")))
    svg = svg_of(html)
    assert "Commune 2 : 4 actions spécifiques, population non renseignée" in svg
    assert "Commune 4" not in svg  # not drawn, but in the table
    assert ["Commune 4", "400", "0", "0,0"] in table_rows(html)
    assert ["Commune 2", "non renseignée", "4", "non renseigné"] in table_rows(html)
    legend = html.html.split('<ul class="legend__classes">', 1)[1].split("</ul>", 1)[0]
    assert "non renseigné" in legend


def test_territory_without_plan(client, territory):
    html = page(client.get(map_url(territory)))
    assert len(table_rows(html)) == 4
    assert "0 action concerne tout le territoire" in html.html or "0 actions" in html.html


def test_unknown_territory(client):
    assert client.get("/inconnu/carte/").status_code == 404


def test_real_territory_map_has_71_working_links(client, ales_plan):
    territory = ales_plan.territory
    html = page(client.get(map_url(territory)))
    svg = svg_of(html)
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert len(links) == len(set(links)) == 71
    assert len(re.findall(r"<path d=", svg)) == 71
    assert len(table_rows(html)) == 71
    for url in links:
        assert client.get(url).status_code == 200, url
    assert len(svg) < 40_000  # rounded, relative coordinates keep it small
