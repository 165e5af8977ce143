"""Repairs of OCR damage, all listed here: rules first, then word dictionaries.

Every repair restores what the scan lost (a letter read as another, an accent, a ligature,
a bullet read as a letter); none adds words. Each is checked by a test on a real line.
"""

import re
import unicodedata

# Characters that stand for an apostrophe or a space in OCR output.
CHARACTER_REPAIRS = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "'": "’",
    "‘": "’",  # S‘ouvrir
    "`": "’",
}

# (pattern, replacement, why): applied in order to every line.
RULES: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"(?<=\w)’’+"), "’", "d’’une: a doubled apostrophe"),
    (re.compile(r"\bI[’\"](?=\w)"), "l’", 'I’emploi, I"éclairage: the l of l’ read as I'),
    (re.compile(r"^’(?=\w)"), "L’", "’ambition at a line start: the L of L’ lost"),
    (re.compile(r"(?<=[\s(«])’(?=\w)"), "l’", "pour ’avenir: the l of l’ lost"),
    (
        re.compile(r"(?<!\bil )(?<!\belle )(?<!\bon )(?<!\bqui )(?<!\by )(?<!’)\ba\b(?!’)"),
        "à",
        "a la fois: the grave accent of the preposition à lost (the verb keeps its subject)",
    ),
    (re.compile(r"(?<=\d)(?=de\b)"), " ", "2030de: a space lost after a number"),
    (re.compile(r"[ \t]{2,}"), " ", "runs of spaces"),
]

# Words whose letters the scan misread; matched whole and exactly (case matters).
EXACT_WORDS = {
    "CEuvrer": "Œuvrer",
    "(Euvrer": "Œuvrer",
    "Quvrir": "Ouvrir",
    "Tlots": "îlots",
    "lllico": "Illico",
    "2¢™Me": "2ème",
    "1°rjanvier": "1er janvier",
    "Mémaoire": "Mémoire",
    "unigue": "unique",
    "publigue": "publique",
    "électrigues": "électriques",
    "dgées": "âgées",
    "pdles": "pôles",
}

# Words whose accents or ligatures the scan lost; matched whole whatever the case, the
# case of the original is kept (ALES → ALÈS, Ales → Alès).
ACCENT_WORDS = {
    "ceuvre": "œuvre",
    "cceur": "cœur",
    "coeur": "cœur",
    "ales": "alès",
    "alés": "alès",
    "nimes": "nîmes",
    "besseges": "bessèges",
    "ceze": "cèze",
    "filiere": "filière",
    "filiére": "filière",
    "bati": "bâti",
    "filieres": "filières",
    "batiments": "bâtiments",
    "fonciere": "foncière",
    "forestiére": "forestière",
    "ére": "ère",
    "siecle": "siècle",
    "premiere": "première",
    "premiére": "première",
    "apres": "après",
    "acces": "accès",
    "accés": "accès",
    "tres": "très",
    "trés": "très",
    "theses": "thèses",
    "regles": "règles",
    "paysagere": "paysagère",
    "paysagére": "paysagère",
    "paysageres": "paysagères",
    "systemes": "systèmes",
    "troisieme": "troisième",
    "bibliotheéques": "bibliothèques",
    "bibliotheques": "bibliothèques",
    "médiathéques": "médiathèques",
    "médiatheques": "médiathèques",
    "modeéles": "modèles",
    "chataigneraie": "châtaigneraie",
    "agées": "âgées",
    "maitriser": "maîtriser",
    "chaine": "chaîne",
    "pole": "pôle",
    "poles": "pôles",
    "cratere": "cratère",
    "intérét": "intérêt",
    "bien-étre": "bien-être",
    "forét": "forêt",
    "ombrieres": "ombrières",
    "photovoltaiques": "photovoltaïques",
    "5éme": "5ème",
    "21eme": "21ème",
    # Capitals printed without accents, and words of slide titles set in capitals.
    "etendre": "étendre",
    "etudier": "étudier",
    "evaluer": "évaluer",
    "equiper": "équiper",
    "economie": "économie",
    "ecole": "école",
    "ecologiques": "écologiques",
    "etape": "étape",
    "elus": "élus",
    "developpement": "développement",
    "activites": "activités",
    "economiques": "économiques",
    "demarche": "démarche",
    "preparation": "préparation",
    "presentation": "présentation",
}

# Bullets as the scan read them: a symbol, or a letter standing for the bullet glyph
# ("J Soutenir", "e Créer", "eLabelliser"). "o" marks a sub-point; "-" a sub-group.
BULLET = re.compile(
    r"^(?:[.*•»·=◦▪‣►]\s*|[eJ]\s+(?=[A-ZÀ-ÝŒ])|e(?=[A-ZÀ-ÝŒ][a-zà-ÿ]))(?P<text>\S.*)$"
)
SUB_POINT = re.compile(r"^o\s+(?P<text>[A-ZÀ-ÝŒ].*)$")
GROUP = re.compile(r"^[-–]\s+(?P<text>\S.*)$")


def _whole_words(words, flags=0) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])({alternatives})(?![\w])", flags)


_EXACT = _whole_words(EXACT_WORDS)
_ACCENTS = _whole_words(ACCENT_WORDS, re.IGNORECASE)


def _keep_case(original: str, repaired: str) -> str:
    if len(original) > 1 and original.isupper():
        return repaired.upper()
    if original[:1].isupper():
        return repaired[:1].upper() + repaired[1:]
    return repaired


def repair_line(line: str) -> str:
    """One physical line of OCR text, repaired; leading/trailing spaces removed."""
    line = unicodedata.normalize("NFC", line)
    for bad, good in CHARACTER_REPAIRS.items():
        line = line.replace(bad, good)
    line = line.strip()
    line = _EXACT.sub(lambda m: EXACT_WORDS[m.group(1)], line)
    line = _ACCENTS.sub(lambda m: _keep_case(m.group(1), ACCENT_WORDS[m.group(1).lower()]), line)
    for pattern, replacement, _why in RULES:
        line = pattern.sub(replacement, line)
    return line


def is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def sentence_case(text: str) -> str:
    """A title set in capitals, in sentence case with its accents restored."""
    lowered = text.lower()
    lowered = _ACCENTS.sub(lambda m: ACCENT_WORDS[m.group(1).lower()], lowered)
    return lowered[:1].upper() + lowered[1:]
