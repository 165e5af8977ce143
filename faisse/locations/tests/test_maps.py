"""SVG maps drawn on the server: scale classes, projection, paths, links, the real territory."""

import math
import time
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from faisse.locations import maps

SVG = "{http://www.w3.org/2000/svg}"


def square(west, north, size=0.1):
    ring = [[west, north], [west + size, north], [west + size, north - size], [west, north - size]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def commune(pk, name, boundary, insee=""):
    return SimpleNamespace(pk=pk, name=name, boundary=boundary, insee=insee or f"{pk:05d}")


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- scale ----------------------------------------------------------------------------------


def test_few_distinct_values_are_each_a_class():
    scale = maps.classify([0, 0, 4, 4, 5, 12, 0])
    assert [c.label for c in scale.classes] == ["0", "4", "5", "12"]
    assert [c.count for c in scale.classes] == [3, 2, 1, 1]
    assert scale.class_of(0) is scale.zero
    assert scale.class_of(5).label == "5" and scale.class_of(12).label == "12"
    assert scale.missing is None


def test_many_values_make_four_quantile_classes_labelled_by_their_range():
    values = [0.3, 0.79, 1.16, 1.64, 2.82, 4.76, 6.16, 0, 0]
    scale = maps.classify(values, decimals=1)
    assert [c.label for c in scale.classes] == ["0", "0,3 à 0,8", "1,2 à 1,6", "2,8 à 4,8", "6,2"]
    assert sum(c.count for c in scale.classes) == len(values)
    for value in values:
        found = scale.class_of(value)
        assert found.low <= value <= found.high


def test_ties_never_split_across_classes():
    scale = maps.classify([1] * 10 + [2, 3, 4, 5, 6])
    assert [c.label for c in scale.positive] == ["1", "2 à 3", "4 à 5", "6"]
    assert scale.class_of(1).count == 10


def test_only_zeros_and_missing_values():
    scale = maps.classify([0, None, 0])
    assert scale.positive == ()
    assert [c.label for c in scale.classes] == ["0", "non renseigné"]
    assert scale.class_of(None) is scale.missing and scale.missing.count == 1
    assert scale.class_of(3) is scale.zero  # nothing positive was classified


def test_colours_form_a_sequential_scale_with_a_distinct_zero():
    for count in range(1, 5):
        scale = maps.classify(range(count + 1))
        fills = [c.fill for c in scale.classes]
        assert len(set(fills)) == len(fills)
        lightness = [luminance(fill) for fill in fills]
        assert lightness == sorted(lightness, reverse=True), fills  # darker as values grow
    for fill in maps.RAMP:
        assert contrast(maps.ZERO_FILL, fill) > 1.3  # "0" never reads as a small value
        assert contrast(maps.STROKE, fill) >= 1.9 or contrast(maps.STROKE, maps.ZERO_FILL) >= 3
    assert contrast(maps.STROKE, maps.ZERO_FILL) >= 3  # borders visible on the usual fill


# -- geometry -------------------------------------------------------------------------------


def test_projection_scales_longitudes_by_the_cosine_of_the_latitude():
    projection = maps.Projection.fit([square(4.0, 44.2, size=0.2)], width=800, padding=0)
    assert projection.width == 800
    assert projection.height == pytest.approx(800 / math.cos(math.radians(44.1)), abs=0.1)
    assert projection.point(4.0, 44.2) == (0, 0)
    assert projection.point(4.2, 44.0) == (800, pytest.approx(projection.height, abs=0.1))


def test_path_is_rounded_relative_and_closed():
    projection = maps.Projection.fit([square(4.0, 44.2, size=0.2)], width=800, padding=0)
    d = maps.path_data(square(4.0, 44.2, size=0.2), projection)
    assert d.startswith("M0 0l800 0 0 ") and d.endswith("z")
    assert d.count("M") == 1
    projection = maps.Projection.fit([square(4.0, 44.2)], width=333, padding=0)
    numbers = maps.path_data(square(4.0, 44.2), projection)[1:-1].replace("l", " ").split()
    assert any("." in n for n in numbers)
    assert all(len(n.split(".")[1]) == 1 for n in numbers if "." in n)


def test_duplicate_points_and_degenerate_rings_are_dropped():
    projection = maps.Projection.fit([square(4.0, 44.2)], width=100, padding=0)
    ring = [[4.0, 44.2], [4.0, 44.2], [4.00001, 44.2], [4.1, 44.2], [4.1, 44.1], [4.0, 44.2]]
    assert maps.path_data({"type": "Polygon", "coordinates": [ring]}, projection) == (
        "M0 0l100 0 0 139.4z"
    )
    sliver = {"type": "Polygon", "coordinates": [[[4.0, 44.2], [4.00001, 44.2], [4.0, 44.2]]]}
    assert maps.path_data(sliver, projection) == ""
    assert maps.path_data(None, projection) == ""
    assert maps.path_data({"type": "Point", "coordinates": [4, 44]}, projection) == ""


def test_holes_and_multipolygons_become_subpaths():
    outer = square(4.0, 44.2)["coordinates"][0]
    hole = square(4.03, 44.17, size=0.04)["coordinates"][0]
    projection = maps.Projection.fit([square(4.0, 44.2)], width=100)
    assert (
        maps.path_data({"type": "Polygon", "coordinates": [outer, hole]}, projection).count("M")
        == 2
    )
    multi = {
        "type": "MultiPolygon",
        "coordinates": [[outer], [square(4.2, 44.2)["coordinates"][0]]],
    }
    assert maps.path_data(multi, projection).count("z") == 2


# -- drawing --------------------------------------------------------------------------------


def two_communes():
    return [
        commune(1, "Saint-Ours & <Cie>", square(4.0, 44.2)),
        commune(2, "Les Plans", square(4.1, 44.2)),
    ]


def test_choropleth_links_each_commune_and_escapes_text():
    scale = maps.classify([0, 3])
    svg = maps.choropleth(
        two_communes(),
        {1: 0, 2: 3},
        scale=scale,
        title="Carte <des> communes",
        title_for=lambda c: f"{c.name} : valeur",
        url_for=lambda c: f"/t/communes/{c.insee}/?a=1&b=2",
        description="Chaque commune est un lien.",
        id_prefix="essai",
    )
    assert svg.startswith('<svg class="faisse-map" viewBox="0 0 800 ')
    assert 'role="group" aria-labelledby="essai-titre" aria-describedby="essai-description"' in svg
    assert "xmlns" not in svg  # inline in HTML
    assert '<title id="essai-titre">Carte &lt;des&gt; communes</title>' in svg
    assert "<title>Saint-Ours &amp; &lt;Cie&gt; : valeur</title>" in svg
    assert (
        '<a href="/t/communes/00001/?a=1&amp;b=2" class="faisse-map__area faisse-map__area' in svg
    )
    assert f'fill="{scale.zero.fill}"' in svg and f'fill="{scale.positive[0].fill}"' in svg
    assert svg.count("<a ") == 2


def test_standalone_svg_is_valid_xml_with_its_legend():
    scale = maps.classify([0, 3])
    svg = maps.choropleth(
        two_communes(),
        {1: 0, 2: 3},
        scale=scale,
        title="Carte",
        title_for=lambda c: c.name,
        standalone=True,
        legend=scale,
        legend_title="Nombre d'actions",
    )
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}a") is None  # without url_for, no link
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts == ["Nombre d'actions", "0", "3"]
    without = maps.choropleth(
        two_communes(), {}, scale=scale, title="C", title_for=str, standalone=True
    )
    assert float(root.get("height")) > float(ET.fromstring(without).get("height"))


def test_locator_draws_the_chosen_commune_last_and_names_it():
    svg = maps.locator(
        two_communes(), [1], title="Ici", url_for=lambda c: f"/c/{c.insee}/", id_prefix="petite"
    )
    assert 'viewBox="0 0 400 ' in svg
    last = svg.rsplit("<a ", 1)[1]
    assert last.startswith(
        'href="/c/00001/" class="faisse-map__area faisse-map__area--highlighted"'
    )
    assert f'fill="{maps.HIGHLIGHT_FILL}"' in last
    assert '<g class="faisse-map__labels" aria-hidden="true"><text' in svg
    assert "Saint-Ours &amp; &lt;Cie&gt;</text>" in svg


def test_no_boundary_no_drawing():
    svg = maps.locator([commune(1, "Nulle part", None)], [1], title="Vide")
    assert "<path" not in svg and "<title id=" in svg


# -- the real territory ---------------------------------------------------------------------


@pytest.mark.django_db
def test_real_territory_map_is_small_and_fast():
    from faisse.territories.loading import load_ales

    communes = list(load_ales().communes.all())
    assert len(communes) == 71
    values = {c.pk: i % 6 for i, c in enumerate(communes)}
    scale = maps.classify(values.values())

    def draw():
        return maps.choropleth(
            communes,
            values,
            scale=scale,
            title="Alès Agglomération",
            title_for=lambda c: c.name,
            url_for=lambda c: f"/ales/communes/{c.insee}/",
            standalone=True,
        )

    timings = []
    for _ in range(5):
        start = time.perf_counter()
        svg = draw()
        timings.append(time.perf_counter() - start)
    root = ET.fromstring(svg)
    links = root.findall(f"{SVG}g/{SVG}a")
    assert len(links) == 71
    assert {a.get("href") for a in links} == {f"/ales/communes/{c.insee}/" for c in communes}
    assert all(a.find(f"{SVG}title").text for a in links)
    assert len(svg) < 40_000
    assert min(timings) < 0.05, timings  # a few milliseconds in practice
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert width == 800 and 700 < height < 1000  # the territory is taller than wide
