"""Layout rules that rebuild logical lines from the scanned text."""

from faisse.plans.importer.lines import Kind, logical_lines


def texts(source: str) -> list[tuple[Kind, str]]:
    return [(line.kind, line.text) for line in logical_lines(source)]


def test_a_bullet_wrapped_mid_sentence_is_joined():
    source = (
        ". Faire de I'agence un lieu d’accueil unique dans\n"
        "une « Maison de la Région et des entreprises »\n"
        ". Mettre en place un réseau\n"
    )
    assert texts(source) == [
        (
            Kind.BULLET,
            "Faire de l’agence un lieu d’accueil unique dans une « Maison de la Région "
            "et des entreprises »",
        ),
        (Kind.BULLET, "Mettre en place un réseau"),
    ]


def test_a_sentence_cut_by_a_blank_line_is_joined_when_it_resumes_in_lower_case():
    source = ". le soutien aux chantiers et I'augmentation des clauses\n\nd’insertion.\n"
    assert texts(source) == [
        (Kind.BULLET, "le soutien aux chantiers et l’augmentation des clauses d’insertion.")
    ]


def test_a_capitalised_line_after_a_blank_line_starts_a_new_heading():
    source = ". Créer des espaces de co-working\n\nSoutenir l'innovation des filières\n"
    assert [kind for kind, _ in texts(source)] == [Kind.BULLET, Kind.TEXT]


def test_a_title_set_one_word_per_line_is_rejoined():
    source = (
        "Orientation 1.1\n\nSoutenir le\ndéveloppement\ndes entreprises\n\ndans les\ndomaines\n"
    )
    assert texts(source) == [
        (Kind.ORIENTATION, ""),
        (Kind.TEXT, "Soutenir le développement des entreprises dans les domaines"),
    ]


def test_a_line_ending_with_a_hyphen_joins_the_next_without_space():
    source = "Revitaliser les centre-bourgs : Anduze, Saint-Jean-du-\nGard, Génolhac\n"
    assert texts(source) == [
        (Kind.TEXT, "Revitaliser les centre-bourgs : Anduze, Saint-Jean-du-Gard, Génolhac")
    ]


def test_an_indented_line_starts_a_page_and_is_never_joined():
    source = "Présentation du Projet au Conseil\n Projet de Territoire\n"
    assert len(texts(source)) == 2


def test_markers_and_labels_are_recognised():
    source = (
        "Axe 2 : Améliorer la qualité de vie\nOrientations\nOrientation 2.1\n"
        "Programme d’actions détaillé\n- Sport, culture et loisirs\no Habitat\n"
    )
    kinds = [line.kind for line in logical_lines(source)]
    assert kinds == [
        Kind.AXIS,
        Kind.LABEL,
        Kind.ORIENTATION,
        Kind.LABEL,
        Kind.GROUP,
        Kind.SUB_POINT,
    ]
