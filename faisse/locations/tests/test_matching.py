"""Each rule of commune matching: an example from the source and an invented counter-example."""

import pytest

from faisse.locations.matching import PlaceMatcher, place_of

MEMBERS = [
    ("Alès", "30007"),
    ("Anduze", "30010"),
    ("La Grand-Combe", "30132"),
    ("Brouzet-lès-Alès", "30051"),
    ("Génolhac", "30128"),
    ("Saint-Jean-du-Gard", "30269"),
    ("Saint-Christol-lez-Alès", "30243"),
    ("Les Plans", "30196"),
    ("Portes", "30203"),
    ("Vézénobres", "30348"),
]
OUTSIDE = [
    ("Nîmes", "30189"),
    ("Avignon", "84007"),
    ("Bagnols-sur-Cèze", "30028"),
    ("Manduel", "30155"),
    ("Bessèges", "30037"),
    ("Orange", "84087"),
]


@pytest.fixture(scope="module")
def matcher():
    return PlaceMatcher(
        [place_of(name, insee, member=True) for name, insee in MEMBERS],
        [place_of(name, insee, member=False) for name, insee in OUTSIDE],
        ["Alès Agglomération", "Communauté d'agglomération Alès Agglomération", "Alès Agglo"],
    )


def named(matcher, text):
    return [(m.place.name, m.place.member, m.evidence) for m in matcher.find(text)]


def members(matcher, text):
    return [name for name, member, _ in named(matcher, text) if member]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anduze, Saint-Jean-du-Gard, La Grand Combe, Génolhac",
            ["Anduze", "Saint-Jean-du-Gard", "La Grand-Combe", "Génolhac"],
        ),
        ("centre-bourg de Genolhac", ["Génolhac"]),
        ("GÉNOLHAC et Grand-Combe", ["Génolhac", "La Grand-Combe"]),
        ("Brouzet-les-Alés, Vézénobres", ["Brouzet-lès-Alès", "Vézénobres"]),
        ("à St Jean du Gard", ["Saint-Jean-du-Gard"]),
        ("à Saint-Christol-lès-Alès", ["Saint-Christol-lez-Alès"]),
    ],
)
def test_names_match_whatever_accents_case_hyphens_ocr_and_article(matcher, text, expected):
    assert members(matcher, text) == expected


def test_the_longest_name_wins(matcher):
    assert members(matcher, "Brouzet-lès-Alès") == ["Brouzet-lès-Alès"]


@pytest.mark.parametrize(
    "text",
    [
        "Connecter Alès Agglomération aux grands réseaux d’échanges",
        "services publics d’Alès Agglo accessibles à tous",
        "l’agglomération et le bassin alésien",
    ],
)
def test_the_intercommunality_is_not_its_central_commune(matcher, text):
    assert members(matcher, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Développer un parc de logements du centre-ville d’Alès",
        "Exiger un transport collectif performant entre Alès et Bessèges",
        "Alès, ville-centre",
    ],
)
def test_the_commune_of_alès_itself_is_linked(matcher, text):
    assert members(matcher, text) == ["Alès"]


def test_places_outside_are_recorded_but_never_members(matcher):
    found = named(matcher, "liaisons vers Bagnols-sur-Cèze et Avignon, gare à Manduel")
    assert found == [
        ("Bagnols-sur-Cèze", False, "Bagnols-sur-Cèze"),
        ("Avignon", False, "Avignon"),
        ("Manduel", False, "Manduel"),
    ]
    assert named(matcher, "entre Alès et Bessèges")[1] == ("Bessèges", False, "Bessèges")


def test_a_place_outside_needs_a_word_introducing_a_place(matcher):
    assert named(matcher, "le déploiement de la fibre par Orange") == []
    assert named(matcher, "une liaison vers Orange")[0][0] == "Orange"


def test_a_name_needs_its_capital(matcher):
    assert members(matcher, "les anduze du monde") == []


def test_a_one_word_name_with_an_article_needs_it(matcher):
    assert members(matcher, "Plans de financement des communes") == []
    assert members(matcher, "la commune des Plans") == []  # "des" is not "les"
    assert members(matcher, "aux Plans et à Anduze") == ["Anduze"]
    assert members(matcher, "Les Plans et Anduze") == ["Les Plans", "Anduze"]


def test_a_one_word_name_that_is_an_ordinary_word_needs_a_place_word(matcher):
    assert members(matcher, "Portes ouvertes des entreprises") == []
    assert members(matcher, "la commune de Portes") == ["Portes"]


def test_evidence_keeps_the_words_as_written(matcher):
    found = named(matcher, "Revitaliser : La Grand Combe, Brouzet-les-Alès")
    assert [evidence for *_, evidence in found] == ["La Grand Combe", "Brouzet-les-Alès"]
