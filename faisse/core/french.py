"""French text helpers: accent folding, word tokens and Snowball stems.

Stemming uses `snowballstemmer` (the Snowball project's French stemmer, pure Python, no
data to download). The stop-word list is ours: the common French function words, short
enough to read here, since the libraries that ship one (NLTK, spaCy) need data downloads.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

STOP_WORDS = frozenset(
    """
    a à au aux avec ce ces cet cette d de des du dans en entre et l la le les leur leurs
    lui mais même n ne ni nos notre nous on ou où par pas pour qu que qui s sa se ses son
    sous sur ta te tes ton tous tout toute toutes un une vers via y ainsi afin car dont
    ex etc notamment plus très si soit sont est être été ont a sein lors type
    """.split()
)

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿŒœ]+")
_ELISION = re.compile(r"\b(?:l|d|qu|n|s|c|j|m|t|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower case without accents or ligatures: "Œuvrer à l'Agglo" → "oeuvrer a l'agglo"."""
    text = text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """Lower-case words of a French text, elided articles removed, stop words dropped."""
    text = _ELISION.sub(" ", text.replace("’", "'"))
    found = (w.casefold() for w in _WORD.findall(text))
    return [w for w in found if w not in STOP_WORDS and fold(w) not in STOP_WORDS]


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Snowball stem of a word, accents folded so OCR-damaged accents still match."""
    return fold(_stemmer.stemWord(word.casefold()))


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if len(w) > 1]


# Elision before a vowel ("de Alès" → "d’Alès"). Not before h: h aspiré is common in
# place names (Hautes-Cévennes), and a wrong "d’" reads worse than a missing one.
ELIDING_START = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿæœ]", re.IGNORECASE)


def elide(word: str, following: str) -> str:
    """`word` ("de", "que", "le"…) before `following`, elided before a vowel."""
    following = str(following)
    if ELIDING_START.match(following):
        return f"{word[:-1]}’{following}"
    return f"{word} {following}"


def find_folded(text: str, words: str) -> tuple[int, int] | None:
    """Where `words` stand in `text`, ignoring case, accents and ligatures: the span in
    `text` itself (so that it can be highlighted as written), or None."""
    needle = fold(words).strip()
    if not needle:
        return None
    folded, origin = [], []  # each folded character, and the index it comes from
    for index, char in enumerate(text):
        piece = fold(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    found = "".join(folded).find(needle)
    if found < 0:
        return None
    return origin[found], origin[found + len(needle) - 1] + 1


def collation_key(text: str) -> tuple[str, str]:
    """Sort French names as a French reader expects: "Générargues" before "Génolhac",
    "Le Vigan" among the L, "Saint-" names together. Accents and case count only to
    separate otherwise equal names (the way of the French collation of ICU, without
    needing ICU installed)."""
    return fold(text).replace("-", " ").replace("'", " ").replace("’", " "), text
