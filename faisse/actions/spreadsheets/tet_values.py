"""The values of the TeT template's cells, read strictly and written back the same way.

A parser takes what the cell holds (text, number, boolean, date: the typed cells of
workbook_rows) and returns the value, or raises ValueProblem with a French sentence that
the reader prefixes with the sheet, row and column. A parser that reads a value other
than as written (a US date, a boolean where a date goes) says so in `notes`.
"""

import datetime
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.core.text import FORBIDDEN

SPACES = re.compile(r"\s+")
NOT_ALNUM = re.compile(r"[^0-9a-z]+")
COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
LIGATURES = (("œ", "oe"), ("Œ", "Oe"), ("æ", "ae"), ("Æ", "Ae"))
SERIAL_ORIGIN = datetime.date(1899, 12, 30)  # spreadsheets' day 0 (1900 leap-year bug)
MAX_SERIAL = 2_958_465  # 9999-12-31
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 12  # Decimal(14, 2)


class ValueProblem(ValueError):
    """A cell that cannot be read; str() is the French reason."""


def fold_label(text: str) -> str:
    """A label or a value as compared: no accents, lower case, punctuation and symbols
    made spaces, runs of spaces one ("Élu·e référent·e " → "elu e referent e"). As
    core.french.fold, but faster on long cells (combining marks dropped by one regex)."""
    for ligature, letters in LIGATURES:
        text = text.replace(ligature, letters)
    decomposed = unicodedata.normalize("NFKD", text)
    return NOT_ALNUM.sub(" ", COMBINING.sub("", decomposed).casefold()).strip()


def cell_text(value) -> str:
    """Whatever a cell holds, as text (a date as JJ/MM/AAAA, 12.0 as 12)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        value = value.date() if value.time() == datetime.time() else value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


def line_text(value) -> str:
    """One line: a title or a name (line breaks and runs of spaces made one space)."""
    return SPACES.sub(" ", FORBIDDEN.sub(" ", cell_text(value))).strip()


def block_text(value) -> str:
    """A text of several lines: each line's trailing spaces and the blank lines around
    the text removed, the lines between kept as written."""
    text = FORBIDDEN.sub(" ", cell_text(value).replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


# Numbers of the plan's levels: "1.2. Titre", "4.2 : Titre", "1 Titre", "Action 1 - Titre".
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)(?:\s*[.:\-–)]\s*|\s+)(\S.*)$", re.DOTALL)
ACTION_NUMBERED = re.compile(r"^action\s+(\d+(?:\.\d+)*)\s*[.:\-–)]\s*(\S.*)$", re.I | re.DOTALL)


NUMBER_ALONE = re.compile(r"(\d+(?:\.\d+)*)\s*[.:)]?")


def split_number(text: str, *, action: bool = False) -> tuple[str, str]:
    """(number, title) of a level's or an action's cell; ("", text) without a number;
    (number, "") for a number alone ("3." — an element still without a title)."""
    alone = NUMBER_ALONE.fullmatch(text.strip())
    if alone:
        return alone.group(1), ""
    match = NUMBERED.match(text) or (ACTION_NUMBERED.match(text) if action else None)
    return (match.group(1), match.group(2).strip()) if match else ("", text)


def strip_number(text: str, number: str) -> str:
    """The title of a cell written "number. title" when the number is known ("" for
    the number alone: an element without a title)."""
    if number and text.startswith(number):
        return re.sub(r"^\s*[.:\-–)]?\s*", "", text[len(number) :])
    return text


def numbered(number: str, title: str) -> str:
    if not number:
        return title
    return f"{number} {title}" if number.endswith((".", ")", ":")) else f"{number}. {title}"


# Dates ------------------------------------------------------------------------------

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
SLASHED_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")


def parse_date(value, notes: list[str]) -> datetime.date | None:
    """A date cell, a serial number, JJ/MM/AAAA, J/M/AA, ISO; MM/JJ/AA when the middle
    part is over 12 (TeT's JavaScript reads "12/14/20" so)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        notes.append(
            _("un booléen (%(value)s) là où une date est attendue : ignoré.")
            % {"value": "VRAI" if value else "FAUX"}
        )
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float):
        if not 1 <= value <= MAX_SERIAL:
            raise ValueProblem(
                _("« %(value)s » n’est pas une date (JJ/MM/AAAA).") % {"value": cell_text(value)}
            )
        return SERIAL_ORIGIN + datetime.timedelta(days=int(value))
    text = line_text(value)
    if not text:
        return None
    try:
        if match := ISO_DATE.match(text):
            return datetime.date(*(int(part) for part in match.groups()))
        if match := SLASHED_DATE.match(text):
            first, second, year = (int(part) for part in match.groups())
            if len(match.group(3)) == 2:
                year += 2000 if year < 50 else 1900
            if second > 12 >= first:
                found = datetime.date(year, first, second)
                notes.append(
                    _("« %(text)s » lu comme une date américaine (MM/JJ/AA) : le %(date)s.")
                    % {"text": text, "date": found.strftime("%d/%m/%Y")}
                )
                return found
            return datetime.date(year, second, first)
    except ValueError:
        pass
    raise ValueProblem(_("« %(value)s » n’est pas une date (JJ/MM/AAAA).") % {"value": text})


def format_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


# Amounts ----------------------------------------------------------------------------

AMOUNT_NOISE = re.compile(r"€|\b(?:ht|ttc|eur|euros?)\b", re.I)
AMOUNT_SPACES = re.compile(r"[\s'’]")
PLAIN_AMOUNT = re.compile(r"^\d+(?:\.\d+)?$")


def parse_amount(value) -> Decimal | None:
    """124566, 124 566, 124 566,50 €, 1.234.567, 12 000 € HT: a sum of euros, positive."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _not_an_amount(value)
    if isinstance(value, str):
        if not value.strip():
            return None
        text = AMOUNT_SPACES.sub("", AMOUNT_NOISE.sub("", value))
        if "," in text and "." in text:
            decimal = "," if text.rfind(",") > text.rfind(".") else "."
            text = text.replace("." if decimal == "," else ",", "").replace(",", ".")
        elif text.count(",") > 1 or text.count(".") > 1:
            text = text.replace(",", "").replace(".", "")
        else:
            text = text.replace(",", ".")
        if not PLAIN_AMOUNT.match(text):
            raise _not_an_amount(value)
        amount = Decimal(text)
    else:
        try:
            amount = Decimal(str(value))
        except InvalidOperation as error:
            raise _not_an_amount(value) from error
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        raise _not_an_amount(value)
    if amount == amount.to_integral_value():
        return Decimal(int(amount))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP).normalize()


def _not_an_amount(value) -> ValueProblem:
    return ValueProblem(
        _("« %(value)s » n’est pas un montant (un nombre d’euros, par exemple 124566).")
        % {"value": line_text(value)}
    )


def format_amount(amount: Decimal) -> str:
    """1 500,50 € (read back by parse_amount)."""
    whole, _dot, cents = f"{amount:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", " ")
    return f"{grouped},{cents} €" if int(cents) else f"{grouped} €"


# Booleans and choices ----------------------------------------------------------------

TRUE_WORDS = {"vrai", "true", "oui", "yes", "1", "x"}
FALSE_WORDS = {"faux", "false", "non", "no", "0"}


def parse_bool(value) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = fold_label(cell_text(value))
    if word in TRUE_WORDS or word in FALSE_WORDS or not word:
        return word in TRUE_WORDS
    raise ValueProblem(
        _("« %(value)s » n’est ni VRAI ni FAUX (ni Oui, Non, 1 ou 0).")
        % {"value": line_text(value)}
    )


STATUS_LABELS = {
    "planned": "À venir",
    "in_progress": "En cours",
    "done": "Réalisé",
    "paused": "En pause",
    "abandoned": "Abandonné",
    "blocked": "Bloqué",
    "late": "En retard",
    "to_discuss": "À discuter",
}
PRIORITY_LABELS = {"high": "Élevé", "medium": "Moyen", "low": "Bas"}
PARTICIPATION_LABELS = {
    "none": "Pas de participation citoyenne",
    "information": "Information",
    "consultation": "Consultation",
    "concertation": "Concertation",
    "co_construction": "Co-construction",
}
SYNONYMS = {
    "status": {
        "termine": "done", "terminee": "done", "realisee": "done", "fait": "done",
        "abandonnee": "abandoned", "bloquee": "blocked", "a faire": "planned",
        "non demarre": "planned", "en attente": "paused",
    },
    "priority": {
        "haut": "high", "haute": "high", "elevee": "high", "forte": "high",
        "moyenne": "medium", "faible": "low", "basse": "low",
    },
    "participation": {
        "pas de participation": "none", "aucune": "none", "non": "none",
        "coconstruction": "co_construction",
    },
}  # fmt: skip
CHOICES = {"status": STATUS_LABELS, "priority": PRIORITY_LABELS}
CHOICES["participation"] = PARTICIPATION_LABELS
CHOICE_NAMES = {
    "status": gettext_lazy("un statut"),
    "priority": gettext_lazy("un niveau de priorité"),
    "participation": gettext_lazy("un niveau de participation citoyenne"),
}


def parse_choice(value, field: str) -> str:
    """The code of a drop-down list's value ("En cours " → "in_progress"), folded, with
    TeT's synonyms and a few more; "" for an empty cell."""
    text = line_text(value)
    word = fold_label(text)
    if not word:
        return ""
    labels = CHOICES[field]
    for code, label in labels.items():
        if word in (fold_label(label), code.replace("_", " ")):
            return code
    if word in SYNONYMS[field]:
        return SYNONYMS[field][word]
    allowed = [str(label) for label in labels.values()]
    raise ValueProblem(
        _("« %(value)s » n’est pas %(what)s connu : %(allowed)s ou %(last)s.")
        % {
            "value": text,
            "what": CHOICE_NAMES[field],
            "allowed": ", ".join(allowed[:-1]),
            "last": allowed[-1],
        }
    )


# Lists ------------------------------------------------------------------------------


def split_list(value) -> list[str]:
    """Names separated by commas, as TeT splits them: not inside ( ), " " or « »
    ("Métropole, « Agence, Sud », SMD (Gard, Hérault)" → 3 names); quotes around a
    whole name are removed."""
    text = line_text(value)
    items, start, parens, guillemets, quoted = [], 0, 0, 0, False
    for index, char in enumerate(text):
        if quoted:
            quoted = char != '"'
        elif guillemets:
            guillemets += {"«": 1, "»": -1}.get(char, 0)
        elif char == '"':
            quoted = True
        elif char == "«":
            guillemets = 1
        elif char in "()":
            parens = max(parens + (1 if char == "(" else -1), 0)
        elif char == "," and not parens:
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    return [name for name in (_unquote(item.strip()) for item in items) if name]


def _unquote(item: str) -> str:
    if len(item) > 1 and (item[0], item[-1]) in (("«", "»"), ('"', '"')):
        return item[1:-1].strip()
    return item


LIST_SPECIALS = re.compile(r'[,()"«»]')


def join_list(names: list[str]) -> str:
    """Names joined by ", ", a name with a comma, a parenthesis or a quote put in « »."""
    return ", ".join(f"« {name} »" if LIST_SPECIALS.search(name) else name for name in names)
