"""What a line says of itself: a level word, a number, a bullet — its signature.

"Enjeu 2 – Une économie…"        word Enjeu, number 2 (shape D), title "Une économie…"
"Objectif prioritaire 1.3 : …"   word Objectif prioritaire, number 1.3 (shape D.D)
"Fiche action n°3 – …"            word Fiche action, number 3
"1.2.1 Créer…", "II. …", "B) …"   no word: number 1.2.1 (D.D.D), II (R), B (L)
"• Créer…", "- Créer…"            a bullet (its marker says which list)
The recogniser gives the same level to the same signature (same word, or same shape of
number for bare numbers) wherever it comes back in the document.
"""

import re
from dataclasses import dataclass

from faisse.plans.importer.vocabulary import match_level_word

ROMAN = r"(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"  # never empty
_NUMBER = r"(?P<number>\d+(?:\.\d+)*\.?|(?:" + ROMAN + r")(?:\.\d{1,3})*\.?|[A-Za-z]\.?)"
# After a level word: "n°", then a number, then a separator (or a space before a title).
AFTER_WORD = re.compile(
    r"^\s*(?:n\s*[°º]\s*|num[ée]ro\s+)?" + _NUMBER + r"?\s*(?P<sep>[:)\-–—/]|(?<=\.)|\s|$)\s*"
    r"(?P<title>.*)$",
    re.IGNORECASE,
)
# A bare number: "1.2 Titre", "1. Titre", "1) Titre", "II – Titre", "a) Titre"
BARE = re.compile(
    r"^(?P<number>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\d{1,3}(?=\s*[–—-]\s)|"
    r"(?:"
    + ROMAN
    + r")[.)]|(?:"
    + ROMAN
    + r")(?=\s*[–—-]\s)|[ivx]{2,4}[.)]|[A-Za-z][.)])\s*(?:[–—:-]\s*)?"
    r"(?P<title>\S.*)$"
)
BULLET = re.compile(r"^(?P<marker>[•●◦▪‣►■□➢✓*·–—-]|o(?=\s+\S))\s+(?P<title>\S.*)$")


@dataclass(slots=True)
class Signature:
    word: int | None = None  # index in vocabulary.LEVEL_WORDS
    written: str = ""  # the word as the document writes it
    plural: bool = False
    number: str = ""
    shape: str = ""  # "D", "D.D", "R", "r", "L", "l", "D)"… ; "" without number
    bullet: str = ""  # the bullet's marker
    title: str = ""

    @property
    def is_heading(self) -> bool:
        return self.word is not None or bool(self.shape)


def shape_of(number: str) -> str:
    """The form of a number, its values aside: "1.2" → "D.D", "IV" → "R", "b)" → "l)"."""
    closing = ")" if number.endswith(")") else ""
    parts = number.rstrip(".)").split(".")
    shapes = []
    for part in parts:
        if part.isdigit():
            shapes.append("D")
        elif re.fullmatch(ROMAN, part) and len(part) > 0 and part.isupper():
            shapes.append("R")
        elif part.isupper():
            shapes.append("L")
        elif re.fullmatch(ROMAN, part.upper()) and len(part) > 1:
            shapes.append("r")
        else:
            shapes.append("l")
    return ".".join(shapes) + closing


def read_signature(text: str) -> Signature:
    """The signature of a line (its text already cleaned of page references)."""
    if found := match_level_word(text):
        index, length, plural = found
        rest = text[length:]
        match = AFTER_WORD.match(rest)
        if match and (match["number"] or match["sep"].strip() or not match["title"]):
            number = (match["number"] or "").rstrip(".")
            if not number and match["title"] and not match["sep"].strip():
                return Signature(title=text)
            if number and not number[0].isdigit() and not match["sep"].strip() and match["title"]:
                return Signature(title=text)  # "Objectif Développer" is not "Objectif D"
            title = _without_repeated_prefix(match["title"].strip(), text[:length], number)
            return Signature(
                word=index,
                written=text[:length],
                plural=plural,
                number=number,
                shape=shape_of(number) if number else "",
                title=title,
            )
    if match := BARE.match(text):
        raw = match["number"]
        number = raw.rstrip(".)") if not raw.endswith(")") else raw[:-1]
        shape = shape_of(raw.rstrip("."))
        if raw.endswith(")"):
            shape = shape_of(number) + ")"
        return Signature(number=number, shape=shape, title=match["title"].strip())
    if match := BULLET.match(text):
        return Signature(bullet=match["marker"], title=match["title"].strip())
    return Signature(title=text)


def _without_repeated_prefix(title: str, word: str, number: str) -> str:
    """ "Objectif 1.1. Objectif 1.1 : Titre": the document repeated the heading's prefix."""
    if not title or not number:
        return title
    pattern = re.compile(
        r"^" + re.escape(word.strip()) + r"\s*(?:n\s*[°º]\s*)?" + re.escape(number) + r"\.?\s*"
        r"(?:[:\-–—]\s*)?",
        re.IGNORECASE,
    )
    return pattern.sub("", title, count=1) or title
