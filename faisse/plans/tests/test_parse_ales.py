"""The source document of Alès, parsed: structure, titles, assignment and warnings."""

import re

import pytest


def by_number(parsed, number):
    return next(node for node in parsed.walk() if node.number == number)


def test_counts_of_the_source_document(ales_parsed):
    counts = ales_parsed.counts()
    assert (counts["axis"], counts["orientation"], counts["objective"]) == (3, 8, 29)
    assert (counts["group"], counts["action"]) == (6, 117)


def test_title_motto_ambition_and_challenges(ales_parsed):
    assert ales_parsed.title == "Projet de Territoire Alès Agglomération"
    assert ales_parsed.motto == "Innovation — Image — Audace"
    assert ales_parsed.ambition.startswith("Développement durable du territoire")
    assert "L’ambition partagée par les élus d’Alès Agglomération" in ales_parsed.ambition
    titles = [c.title for c in ales_parsed.challenges]
    assert titles == [
        "Soutenir le renouveau démographique",
        "Renforcer les dynamiques économiques et développer l’emploi",
        "Moderniser le territoire",
        "Conjuguer harmonieusement « attractivité du mode vie et qualité du développement »",
        "Construire de nouvelles solidarités territoriales et humaines",
    ]
    assert [len(c.points) for c in ales_parsed.challenges] == [2, 0, 2, 2, 0]
    assert ales_parsed.challenges[3].points[0] == (
        "Redynamisation de la ville centre et des pôles de centralité secondaire"
    )


def test_axes_and_orientations_titles(ales_parsed):
    axes = ales_parsed.nodes
    assert [(a.number, a.title) for a in axes] == [
        ("1", "Favoriser l’emploi et les activités économiques"),
        ("2", "Améliorer la qualité de vie"),
        ("3", ""),
    ]
    assert [o.number for a in axes for o in a.children if o.kind == "orientation"] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
    ]
    assert (
        by_number(ales_parsed, "1.3").title
        == "S’ouvrir aux métiers de demain, à l’ère numérique et digitale"
    )
    assert by_number(ales_parsed, "2.3").title == (
        "Connecter le territoire aux grands réseaux d’échanges et améliorer la mobilité interne"
    )


EXPECTED_OBJECTIVES = {
    "1.1": [
        "Aider les entreprises",
        "Aménager terrains",
        "Soutenir l’innovation",
        "Soutenir le développement de l’Économie",
    ],
    "1.2": [
        "Construire un « projet agricole",
        "Valoriser, gérer et renouveler",
        "Œuvrer à une transition",
    ],
    "1.3": ["Développer des formations", "Innover pour un apprentissage"],
    "1.4": ["Structurer la filière touristique"],
    "2.1": ["Promouvoir les structures", "Soutenir la création"],
    "2.2": [
        "Intensifier la rénovation",
        "Assurer un développement de formes urbaines",
        "Développer un habitat adapté",
    ],
    "2.3": [
        "Connecter Alès Agglomération",
        "Privilégier les transports",
        "Contribuer au déploiement",
    ],
    "2.4": [
        "Protéger les grands paysages",
        "Entretenir et rendre accessibles",
        "Sécuriser la ressource en eau",
    ],
}


@pytest.mark.parametrize("number", EXPECTED_OBJECTIVES)
def test_each_objective_is_under_its_own_orientation(ales_parsed, number):
    titles = [child.title for child in by_number(ales_parsed, number).children]
    assert len(titles) == len(EXPECTED_OBJECTIVES[number])
    for title, start in zip(titles, EXPECTED_OBJECTIVES[number], strict=True):
        assert title.startswith(start)


def test_axis_3_objectives_hang_from_the_axis_with_their_groups(ales_parsed):
    axis = ales_parsed.nodes[2]
    assert [c.kind for c in axis.children] == ["objective"] * 8
    services = axis.children[4]
    assert services.title.startswith("Renforcer la présence des services publics")
    assert [(g.title, len(g.children)) for g in services.children] == [
        ("Usages du numérique pour éviter la fracture sociale", 0),
        ("Sport, culture et loisirs", 6),
        ("Développer l’offre de soins et services de santé", 4),
        ("Développer des services innovants", 2),
    ]
    assert axis.children[7].title.endswith(
        "Anduze, Saint-Jean-du-Gard, La Grand Combe, Génolhac, Brouzet-les-Alès, Vézénobres"
    )


def test_what_cannot_be_recovered_is_a_warning_with_its_line(ales_parsed):
    warnings = [(w.line, w.message) for w in ales_parsed.warnings]
    assert len(warnings) == 2
    assert warnings[0][0] == 458 and "axe 3" in warnings[0][1]
    assert warnings[1][0] == 460 and "orientations" in warnings[1][1]


def test_no_ocr_artefact_is_left_in_any_title(ales_parsed):
    artefacts = re.compile(r"\bI['’\"]|ceuvre|CEuvr|\bAlés\b|\bAles\b|’’|\ba [A-Za-z]")
    titles = [node.title for node in ales_parsed.walk()] + [c.title for c in ales_parsed.challenges]
    assert [t for t in titles if artefacts.search(t)] == []


def test_summary_pages_create_no_duplicate_nodes(ales_parsed):
    """The synthesis page repeats objective titles: they must not become nodes."""
    objectives = [n.title for n in ales_parsed.walk() if n.kind == "objective"]
    assert len(objectives) == len(set(objectives)) == 29
    assert all(n.line > 165 for n in ales_parsed.walk())  # the synthesis ends at line 165


def test_wrapped_actions_are_whole(ales_parsed):
    actions = {n.line: n.title for n in ales_parsed.walk() if n.kind == "action"}
    assert actions[239].endswith("l’augmentation des clauses d’insertion dans les marchés publics.")
    assert actions[268].endswith(
        "modernisation de l’éclairage public (LED), évolution de la flotte des véhicules "
        "de transport en commun..."
    )
    assert actions[455].endswith("jardins familiaux (goutte à goutte, paillage)")
