"""Recognise commune names in the text of a plan, whatever accents, case, hyphens, OCR.

Rules (each has a test with an example from the source and an invented counter-example):
- names are compared as folded word sequences: no accents, lower case, hyphens and
  apostrophes as spaces, "St"/"Ste" as "Saint"/"Sainte", "lès"/"lez" as "les";
- the official article is optional ("La Grand Combe" and "Grand-Combe" both name
  La Grand-Combe), except for a one-word name, which needs it ("Les Plans", not "plans");
- a name must be written with its capital;
- the territory's own name is masked first: "Alès Agglomération" is not the commune of
  Alès; "alésien" is another word; "centre-ville d'Alès" is the commune;
- a one-word name that is also an ordinary French word, and every place outside the
  territory, needs a word that introduces a place before it (à, vers, avec, entre, et, de…):
  "entre Alès et Bessèges", "liaisons vers Avignon", but not "la fibre par Orange";
- the longest name wins: "Brouzet-lès-Alès" is not also Alès.
"""

import re
from dataclasses import dataclass

from faisse.core.french import fold

ARTICLES = {"le", "la", "les", "l"}
SPELLINGS = {"st": "saint", "ste": "sainte", "lez": "les"}
PLACE_WORDS = {
    "a",
    "au",
    "aux",
    "vers",
    "avec",
    "entre",
    "et",
    "de",
    "d",
    "du",
    "depuis",
    "jusqu",
    "sur",
}
# Names of communes that are also ordinary French words.
COMMON_WORDS = {"portes", "plans", "plan", "orange", "eu", "bar", "mons", "vers", "sept", "cours"}
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Place:
    name: str
    insee: str
    member: bool
    tokens: tuple[str, ...]
    article: str = ""  # the official article, folded ("la"), when the name has one


@dataclass(frozen=True)
class Match:
    place: Place
    evidence: str  # the words as written in the text
    start: int


@dataclass(frozen=True)
class Token:
    word: str  # folded
    start: int
    end: int
    capital: bool


def tokens_of(text: str) -> list[Token]:
    found = []
    for match in _TOKEN.finditer(text):
        word = fold(match.group())
        found.append(
            Token(SPELLINGS.get(word, word), match.start(), match.end(), match.group()[0].isupper())
        )
    return found


def place_of(name: str, insee: str, member: bool) -> Place:
    words = tuple(token.word for token in tokens_of(name))
    article = ""
    if len(words) > 1 and words[0] in ARTICLES:
        article, words = words[0], words[1:]
    return Place(name=name, insee=insee, member=member, tokens=words, article=article)


class PlaceMatcher:
    def __init__(self, members: list[Place], outside: list[Place], masks: list[str]):
        self.index: dict[str, list[Place]] = {}
        member_names = {place.tokens for place in members}
        for place in [*members, *(p for p in outside if p.tokens not in member_names)]:
            self.index.setdefault(place.tokens[0], []).append(place)
        for candidates in self.index.values():
            candidates.sort(key=lambda p: (-len(p.tokens), not p.member))
        self.masks = [tuple(t.word for t in tokens_of(mask)) for mask in masks if mask]
        self.masks.sort(key=len, reverse=True)

    def _masked(self, words: list[str], i: int) -> int:
        for mask in self.masks:
            if tuple(words[i : i + len(mask)]) == mask:
                return len(mask)
        return 0

    def _acceptable(self, place: Place, tokens: list[Token], i: int) -> tuple[bool, int]:
        """Whether the name at i stands for the place; the start of its evidence."""
        before = i - 1
        has_article = before >= 0 and tokens[before].word == place.article != ""
        start = tokens[before].start if has_article else tokens[i].start
        if has_article:
            before -= 1
        if len(place.tokens) == 1 and place.article and not has_article:
            return False, start
        needs_place_word = not place.member or place.tokens[0] in COMMON_WORDS
        if needs_place_word and not (before >= 0 and tokens[before].word in PLACE_WORDS):
            return has_article and place.member, start
        return True, start

    def find(self, text: str) -> list[Match]:
        tokens = tokens_of(text)
        words = [token.word for token in tokens]
        matches, i = [], 0
        while i < len(tokens):
            skip = self._masked(words, i)
            if skip:
                i += skip
                continue
            found = None
            for place in self.index.get(words[i], []):
                size = len(place.tokens)
                if tuple(words[i : i + size]) != place.tokens or not tokens[i].capital:
                    continue
                accepted, start = self._acceptable(place, tokens, i)
                if accepted:
                    evidence = text[start : tokens[i + size - 1].end]
                    found = Match(place, evidence, start)
                    break
            if found:
                matches.append(found)
                i += len(found.place.tokens)
            else:
                i += 1
        return matches
