"""Each OCR repair, on a real line of the source, and what it must leave alone."""

import pytest

from faisse.plans.importer.ocr import BULLET, repair_line, sentence_case


@pytest.mark.parametrize(
    ("scanned", "repaired"),
    [
        ("Soutenir I'innovation des filieres", "Soutenir l’innovation des filières"),
        ("a I’ére numérique", "à l’ère numérique"),
        ('I"éclairage public (LED)', "l’éclairage public (LED)"),
        ("mettre en ceuvre et faire vivre", "mettre en œuvre et faire vivre"),
        ("CEuvrer a une transition énergétique", "Œuvrer à une transition énergétique"),
        ("(Euvrer a une transition", "Œuvrer à une transition"),
        ("la notoriété d’Alés Agglomération", "la notoriété d’Alès Agglomération"),
        ("Ales Agglo passe de 50 a 73 communes", "Alès Agglo passe de 50 à 73 communes"),
        ("la création d’'une marque Cévennes", "la création d’une marque Cévennes"),
        ("'ambition partagée par les élus", "L’ambition partagée par les élus"),
        ("une ambition pour 'avenir", "une ambition pour l’avenir"),
        ("Soutenir 'EMA-IMT pour la création", "Soutenir l’EMA-IMT pour la création"),
        ("Maitriser du cycle local de I’'eau", "Maîtriser du cycle local de l’eau"),
        ("S‘ouvrir aux métiers de demain", "S’ouvrir aux métiers de demain"),
        ("les Tlots dégradés du centre-ville", "les îlots dégradés du centre-ville"),
        ("*Quvrir les quartiers", "*Ouvrir les quartiers"),
        ("la finalisation avant 2030de la 2x2 voies", "la finalisation avant 2030 de la 2x2 voies"),
        ("Brouzet-les-Alés, Vézénobres", "Brouzet-les-Alès, Vézénobres"),
        ("entre Alés et Besseges", "entre Alès et Bessèges"),
        ("la téléphonie mobile et I'internet", "la téléphonie mobile et l’internet"),
    ],
)
def test_repair_line_restores_what_the_scan_lost(scanned, repaired):
    assert repair_line(scanned) == repaired


@pytest.mark.parametrize("text", ["il y a des communes", "qu’il a voté", "elle a dit"])
def test_the_verb_avoir_after_its_subject_pronoun_keeps_its_a(text):
    assert " a " in repair_line(text)


def test_repairs_never_add_words():
    line = "Développer I'offre de soins et services de santé"
    assert len(repair_line(line).split()) == len(line.split())


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("eLabelliser les écoles de musique", "Labelliser les écoles de musique"),
        (
            "J Soutenir des projets sylvicoles innovants",
            "Soutenir des projets sylvicoles innovants",
        ),
        ("e Créer un pass-culture jeunes", "Créer un pass-culture jeunes"),
        ("» Structurer la filiére touristique", "Structurer la filiére touristique"),
        ("*Promouvoir les manifestations culturelles", "Promouvoir les manifestations culturelles"),
        (
            ". Créer des voies vertes et pistes cyclables",
            "Créer des voies vertes et pistes cyclables",
        ),
    ],
)
def test_stray_letters_and_symbols_are_read_as_bullets(line, text):
    assert BULLET.match(line)["text"] == text


@pytest.mark.parametrize("line", ["entreprises du territoire", "Europe et monde", "Jeunes actifs"])
def test_ordinary_words_are_not_bullets(line):
    assert BULLET.match(line) is None


def test_sentence_case_restores_accents_of_capitals():
    assert sentence_case("DEVELOPPEMENT DURABLE DU TERRITOIRE") == (
        "Développement durable du territoire"
    )
