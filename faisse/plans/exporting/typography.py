"""French typography of the texts the exports write themselves (dates, numbers, labels).

The plan's own texts (titles, descriptions) are written as they are: a re-import must find
them unchanged. Non-breaking spaces go only into what the export adds: "28 juin 2018",
"1 200 actions", "Page 3 sur 12".
"""

from datetime import date

from django.utils import formats, translation

NBSP = "\u00a0"
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: date) -> str:
    """ "1er juin 2018", "28 juin 2018": day, month and year never split across lines."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first}{NBSP}{MONTHS[day.month - 1]}{NBSP}{day.year}"


def french_number(value: int) -> str:
    """ "1 200" with a non-breaking space between thousands, whatever the active language."""
    with translation.override("fr"):
        text = formats.number_format(value, force_grouping=True)
    return text.replace(" ", NBSP).replace("\u202f", NBSP)


def count_label(count: int, singular: str, plural: str) -> str:
    """ "117 actions", "1 axe": the number tied to its word."""
    word = singular if count <= 1 else plural
    return f"{french_number(count)}{NBSP}{word.lower()}"


def one_line(text: str) -> str:
    """A title on one line, its runs of spaces and line breaks made one space."""
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    """A description's paragraphs: each non-blank line is one (as the importer reads them)."""
    return [one_line(line) for line in text.splitlines() if line.strip()]
