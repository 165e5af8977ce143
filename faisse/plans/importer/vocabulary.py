"""The French words plans use to name their levels, and the words of their opening sections.

A level word starts a heading ("Enjeu 2 –", "Objectif prioritaire 1.3 :", "Fiche action
n°3"); the recogniser keeps the document's own word as the level's name. Compound words
are listed before their first word, so that "Objectif prioritaire" is one name, not
"Objectif" followed by a title. To teach the importer a new word, add it to LEVEL_WORDS
(singular, plural, then abbreviations), folded forms are computed.
"""

import re

from faisse.core.french import fold

# (singular, plural, abbreviations): the display forms; matching is on folded text.
LEVEL_WORDS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Axe stratégique", "Axes stratégiques", ()),
    ("Axe prioritaire", "Axes prioritaires", ()),
    ("Sous-axe", "Sous-axes", ()),
    ("Axe", "Axes", ()),
    ("Enjeu", "Enjeux", ()),
    ("Défi", "Défis", ()),
    ("Ambition", "Ambitions", ()),
    ("Orientation stratégique", "Orientations stratégiques", ()),
    ("Orientation", "Orientations", ()),
    ("Objectif stratégique", "Objectifs stratégiques", ("OS",)),
    ("Objectif opérationnel", "Objectifs opérationnels", ("OO",)),
    ("Objectif prioritaire", "Objectifs prioritaires", ()),
    ("Objectif général", "Objectifs généraux", ()),
    ("Objectif spécifique", "Objectifs spécifiques", ()),
    ("Objectif", "Objectifs", ("Obj.",)),
    ("Priorité opérationnelle", "Priorités opérationnelles", ()),
    ("Priorité stratégique", "Priorités stratégiques", ()),
    ("Priorité", "Priorités", ()),
    ("Finalité", "Finalités", ()),
    ("Pilier", "Piliers", ()),
    ("Volet", "Volets", ()),
    ("Thématique", "Thématiques", ()),
    ("Thème", "Thèmes", ()),
    ("Domaine", "Domaines", ()),
    ("Levier", "Leviers", ()),
    ("Chantier", "Chantiers", ()),
    ("Engagement", "Engagements", ()),
    ("Programme", "Programmes", ()),
    ("Mesure", "Mesures", ()),
    ("Fiche action", "Fiches action", ("FA",)),
    ("Fiche-action", "Fiches-actions", ()),
    ("Fiche projet", "Fiches projet", ()),
    ("Fiche", "Fiches", ()),
    ("Sous-action", "Sous-actions", ()),
    ("Action", "Actions", ()),
    ("Projet", "Projets", ()),
    ("Opération", "Opérations", ()),
]

# Headings of the opening sections, not levels: matched whole, unnumbered.
AMBITION_HEADINGS = {"ambition", "l ambition", "notre ambition", "ambition du territoire"}
CHALLENGE_HEADINGS = {"defis", "les defis", "nos defis", "defis a relever"}
CONTENTS_HEADINGS = {"sommaire", "table des matieres", "contents"}
MOTTO_PREFIX = re.compile(r"^devise\s*:\s*", re.IGNORECASE)


def _folded_key(text: str) -> str:
    return re.sub(r"[\s\-’']+", " ", fold(text)).strip()


# folded word (singular, plural or abbreviation) → index in LEVEL_WORDS
_INDEX: dict[str, int] = {}
for _i, (_singular, _plural, _abbreviations) in enumerate(LEVEL_WORDS):
    for _form in (_singular, _plural, *_abbreviations):
        _INDEX.setdefault(_folded_key(_form).rstrip("."), _i)

_ALTERNATIVES = sorted(_INDEX, key=len, reverse=True)
# A level word at the start of a folded text, whole (followed by a space, a digit or a
# separator), with the spaces and dashes of compounds matched loosely.
LEVEL_WORD = re.compile(
    r"^(?P<word>"
    + "|".join(re.escape(w).replace(r"\ ", r"[\s\-’']+") for w in _ALTERNATIVES)
    + r")\.?(?=[\s\d:.\-–—°]|$)",
    re.IGNORECASE,
)
_ABBREVIATIONS = {
    _folded_key(a).rstrip(".") for _s, _p, abbreviations in LEVEL_WORDS for a in abbreviations
}


def match_level_word(text: str) -> tuple[int, int, bool] | None:
    """(index in LEVEL_WORDS, length of the word in `text`, whether it is the plural) of
    the level word `text` starts with, or None. Abbreviations count only in capitals as
    written ("OS 1", not "os 1")."""
    folded = fold(text)
    if len(folded) != len(text):  # a ligature or a decomposed letter: fold changed lengths
        return _match_slow(text)
    match = LEVEL_WORD.match(folded)
    if match is None:
        return None
    key = _folded_key(match["word"]).rstrip(".")
    written = text[: match.end()]
    if key in _ABBREVIATIONS and not written.rstrip(".").isupper():
        return None
    index = _INDEX[key]
    plural = key == _folded_key(LEVEL_WORDS[index][1]) and key != _folded_key(LEVEL_WORDS[index][0])
    return index, match.end(), plural


def _match_slow(text: str) -> tuple[int, int, bool] | None:
    for length in range(min(len(text), 40), 0, -1):
        head = text[:length]
        key = _folded_key(head).rstrip(".")
        if key in _INDEX and (length == len(text) or not text[length].isalpha()):
            if key in _ABBREVIATIONS and not head.rstrip(".").isupper():
                continue
            index = _INDEX[key]
            return index, length, key == _folded_key(LEVEL_WORDS[index][1])
    return None


def display_name(index: int, written: str) -> tuple[str, str]:
    """The level's (singular, plural): the vocabulary's forms, unless the document writes
    the singular its own way (a hyphen, no accent in capitals) — then its words, in
    sentence case."""
    singular, plural, _abbreviations = LEVEL_WORDS[index]
    own = written.strip().rstrip(".")
    if own.isupper() or own.casefold() == singular.casefold() or own in LEVEL_WORDS[index][2]:
        return singular, plural
    own = own[:1].upper() + own[1:].lower()
    if _folded_key(own) == _folded_key(singular):
        return singular, plural
    return own, plural


def section_of(text: str) -> str:
    """ "ambition" or "challenges" for the heading of an opening section, else ""."""
    key = _folded_key(text).strip(" :.")
    if key in AMBITION_HEADINGS:
        return "ambition"
    if key in CHALLENGE_HEADINGS:
        return "challenges"
    if key in CONTENTS_HEADINGS:
        return "contents"
    return ""
