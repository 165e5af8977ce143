"""The commune index: every member commune, and a search that forgives accents and articles."""

import pytest
from django.urls import reverse

from faisse.locations.communes import search, search_key
from faisse.portal.tests.html import page
from faisse.territories.loading import load_ales
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ales(db):
    return load_ales()


def names(client, territory, query: str) -> list[str]:
    url = reverse("portal:communes", args=[territory.slug])
    html = page(client.get(url, {"q": query}))
    prefix = reverse("portal:commune", args=[territory.slug, "00000"]).removesuffix("00000/")
    return [text for href, text in html.links if href.startswith(prefix) and href != prefix]


def test_index_lists_every_commune_with_population_roles_and_counts(client, located_plan):
    territory = located_plan.territory
    html = page(client.get(reverse("portal:communes", args=[territory.slug])))
    assert html.texts(1) == [f"Les communes d’{territory.name}"]  # elided before a vowel
    for commune in territory.communes.all():
        url = reverse("portal:commune", args=[territory.slug, commune.insee])
        assert (url, commune.name) in html.links
    assert "4 communes membres." in html.html
    assert "Ville-centre" in html.html
    # Commune 2: three actions under its objective and one by hand; the rejected link to
    # Commune 3 does not count.
    rows = html.html.split("<tbody>")[1].split("</tr>")
    counts = {row.split("</a>")[0].rsplit(">", 1)[-1]: row for row in rows if "</a>" in row}
    assert '<td class="num">1</td>' in counts["Commune 1"]
    assert '<td class="num">4</td>' in counts["Commune 2"]
    assert '<td class="num">0</td>' in counts["Commune 3"]
    assert 'aria-current="page">Communes<' in html.html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("genolhac", "Génolhac"),
        ("GENOLHAC", "Génolhac"),
        ("Génolhac", "Génolhac"),
        ("grand combe", "La Grand-Combe"),
        ("la grand-combe", "La Grand-Combe"),
        ("Grand-Combe", "La Grand-Combe"),
        ("st jean du gard", "Saint-Jean-du-Gard"),
        ("saint-jean-du-gard", "Saint-Jean-du-Gard"),
        ("St-Jean du Gard", "Saint-Jean-du-Gard"),
        ("sainte cecile d'andorge", "Sainte-Cécile-d'Andorge"),
        ("saint christol les ales", "Saint-Christol-lez-Alès"),
        ("plans", "Les Plans"),
        ("vezenobres", "Vézénobres"),
        ("30010", "Anduze"),
    ],
)
def test_search_tolerates_accents_case_hyphens_and_articles(client, ales, query, expected):
    found = names(client, ales, query)
    assert found and found[0] == expected, found


def test_search_ranks_the_exact_name_first(ales):
    communes = list(ales.communes.all())
    found = [c.name for c in search(communes, "ales")]
    assert found[0] == "Alès"
    assert {"Brouzet-lès-Alès", "Méjannes-lès-Alès", "Saint-Christol-lez-Alès"} <= set(found)
    found = [c.name for c in search(communes, "saint jean")]
    assert len(found) == 5 and all(name.startswith("Saint-Jean-") for name in found)


def test_search_key():
    assert search_key("La Grand-Combe") == "grand combe"
    assert search_key("St Jean-du-Gard") == "saint jean du gard"
    assert search_key("Saint-Étienne-de-l'Olm") == "saint etienne de l olm"
    assert search_key("  Les  ") == "les"  # a lone article is the name itself
    assert search_key("") == ""


def test_results_are_counted_and_announced(client, ales):
    url = reverse("portal:communes", args=[ales.slug])
    html = page(client.get(url, {"q": "st jean"}))
    assert '<p class="result-count" role="status">5 communes sur 71 pour « st jean ».' in html.html
    assert html.title.startswith("« st jean » : 5 communes trouvées")
    assert "<caption>Communes correspondant à « st jean »</caption>" in html.html
    assert 'value="st jean"' in html.html


def test_an_empty_result_says_so_and_suggests(client, ales):
    url = reverse("portal:communes", args=[ales.slug])
    html = page(client.get(url, {"q": "genolac"}))
    assert "Aucune commune ne correspond à « genolac »." in html.html
    assert "<table" not in html.html
    assert (reverse("portal:commune", args=[ales.slug, "30130"]), "Génolhac") in html.links
    assert (url, "consultez la liste complète") in html.links
    html = page(client.get(url, {"q": "zzzz"}))
    assert "Aucune commune ne correspond à « zzzz »." in html.html
    assert "Vouliez-vous dire" not in html.html


def test_search_is_escaped_and_blank_search_lists_all(client, territory):
    url = reverse("portal:communes", args=[territory.slug])
    html = page(client.get(url, {"q": "<script>"}))
    assert "<script>" not in html.html and "&lt;script&gt;" in html.html
    html = page(client.get(url, {"q": "   "}))
    assert "4 communes membres." in html.html


def test_territory_without_plan_lists_its_communes(client, territory):
    html = page(client.get(reverse("portal:communes", args=[territory.slug])))
    assert "4 communes membres." in html.html
    assert "n'a pas encore publié son projet" in html.html


def test_unknown_territory(client):
    assert client.get("/inconnu/communes/").status_code == 404


def test_only_the_territory_s_communes_are_listed(client, territory):
    other = make_territory("Voisins", communes=2)
    other.communes.update(name="Voisine")
    html = page(client.get(reverse("portal:communes", args=[territory.slug])))
    assert "Voisine" not in html.html


def test_a_postal_code_finds_the_communes_it_serves(client, db):
    """Searching 30140 found nothing: people know their postal code better than INSEE's."""
    from faisse.territories.loading import load_ales

    territory = load_ales()
    url = reverse("portal:communes", args=[territory.slug])
    html = page(client.get(url, {"q": "30140"})).html
    for name in ("Anduze", "Bagard", "Boisset-et-Gaujac"):
        assert name in html
    assert "Alès" not in html.split("<main")[1].split("<table")[1]  # 30100, not listed


def test_communes_are_in_french_alphabetical_order():
    from faisse.core.french import collation_key

    names = ["Génolhac", "Générargues", "Gagnières", "Le Martinet", "Lédignan", "Éole"]
    assert sorted(names, key=collation_key) == [
        "Éole",
        "Gagnières",
        "Générargues",
        "Génolhac",
        "Le Martinet",
        "Lédignan",
    ]
