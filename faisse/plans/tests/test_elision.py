"""French elision of "de" and "que" before names."""

import pytest

from faisse.core.french import elide


@pytest.mark.parametrize(
    "word, name, expected",
    [
        ("de", "Alès Agglomération", "d’Alès Agglomération"),
        ("de", "Émile Élu", "d’Émile Élu"),
        ("de", "Bessèges", "de Bessèges"),
        ("de", "Hautes-Cévennes", "de Hautes-Cévennes"),  # h aspiré: never elided
        ("que", "Émile", "qu’Émile"),
        ("que", "Camille", "que Camille"),
    ],
)
def test_elide(word, name, expected):
    assert elide(word, name) == expected
