"""From physical lines of a scanned document to logical lines with a kind.

Layout rules (each checked on the source document by a test):
- a line indented by the scan starts a page: it is never joined to the line before;
- a line that is not a bullet nor a marker continues the line before when nothing
  separates them (a bullet wrapped mid-sentence), or when it starts in lower case or with
  "(" after a blank line (a sentence cut by a blank line, a title set one word per line);
- a line ending with a hyphen joins the next without a space (Saint-Jean-du- / Gard).
"""

import enum
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.core.text import max_length
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.limits import iter_lines
from faisse.plans.importer.ocr import BULLET, GROUP, SUB_POINT, is_capitals, repair_line

# "Axe 1 : …", "Axe 1 - …", "AXE 1 – …", "Axe 1. …", "Axe n°1 : …", "Axe stratégique 1 : …"
AXIS = re.compile(
    r"^Axe\s+(?:strat[ée]gique\s+)?(?:n\s*[°ºo]\s*)?(?P<number>\d+)\s*"
    r"(?:(?:[:\-–—]|\.(?!\d))\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
# "Orientation 1.2 : …", "ORIENTATION 1.2 – …", "Orientation n°1.2 - …", "Orientation 1.2. …"
ORIENTATION = re.compile(
    r"^Orientation\s+(?:n\s*[°ºo]\s*)?(?P<number>\d+(?:\.\d+)+)\s*"
    r"(?:(?:[:\-–—]|\.(?!\d))\s*(?P<title>.*))?$",
    re.IGNORECASE,
)
# A table of contents' leader dots and page number, or a page reference, at a line's end.
PAGE_REFERENCE = re.compile(
    r"\s*(?:(?:\.\s?){4,}|…+)\s*\d{1,4}\s*$|\s+\(?p\.\s?\d{1,4}\)?\s*$", re.IGNORECASE
)
LABELS = {
    "orientations": "orientations",
    "programme d actions detaille": "programme",
    "actions et programme d actions": "programme",
}


class Kind(enum.Enum):
    AXIS = "axis"
    ORIENTATION = "orientation"
    LABEL = "label"
    BULLET = "bullet"
    SUB_POINT = "sub_point"
    GROUP = "group"
    TEXT = "text"


@dataclass(slots=True)
class Line:
    number: int  # first physical line, 1-based
    kind: Kind
    text: str
    label: str = ""  # AXIS/ORIENTATION number, or LABEL name
    noise: str = ""  # a page reference taken off its end (told as a warning)
    page_start: bool = False
    blank_before: bool = False

    @property
    def capitals(self) -> bool:
        return is_capitals(self.text)


def _without_reference(text: str) -> tuple[str, str]:
    match = PAGE_REFERENCE.search(text)
    if match is None or match.start() == 0:
        return text, ""
    return text[: match.start()].rstrip(), match.group().strip()


def classify(number: int, raw: str) -> Line | None:
    text, noise = _without_reference(repair_line(raw))
    if not text:
        return None
    line = _kind(number, text)
    line.noise = noise
    return line


def _kind(number: int, text: str) -> Line:
    if match := AXIS.match(text):
        return Line(number, Kind.AXIS, (match["title"] or "").strip(), match["number"])
    if match := ORIENTATION.match(text):
        title = (match["title"] or "").strip()
        return Line(number, Kind.ORIENTATION, title, match["number"])
    folded = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
    if folded in LABELS:
        return Line(number, Kind.LABEL, text, LABELS[folded])
    if match := SUB_POINT.match(text):
        return Line(number, Kind.SUB_POINT, match["text"].strip())
    if match := GROUP.match(text):
        return Line(number, Kind.GROUP, match["text"].strip())
    if match := BULLET.match(text):
        return Line(number, Kind.BULLET, match["text"].strip())
    return Line(number, Kind.TEXT, text)


def _continues(previous: Line, line: Line) -> bool:
    if line.kind is not Kind.TEXT or line.page_start or previous.capitals:
        return False
    if previous.kind in (Kind.LABEL,) or (
        previous.kind in (Kind.AXIS, Kind.ORIENTATION) and not previous.text
    ):
        return False
    if not line.blank_before:
        return True
    first = line.text[0]
    return (first.islower() or first == "(") and not previous.text.endswith((".", "!", "?"))


def _join(left: str, right: str) -> str:
    if left.endswith("-") and left[-2:-1].isalpha():
        return left + right
    return f"{left} {right}"


def logical_lines(text: str, skipped: frozenset[int] = frozenset()) -> list[Line]:
    """The document's logical lines, within the limits of an import: a paragraph longer
    than MAX_TEXT_LENGTH, or more lines than a plan of MAX_PLAN_NODES elements could
    need, is refused at its line rather than held in memory. Lines in `skipped` (page
    furniture) are passed over as if absent: the sentence they cut joins again."""
    lines: list[Line] = []
    blank = False
    most_lines = 2 * settings.MAX_PLAN_NODES + 1000  # room for the ambition, labels…
    for number, raw in enumerate(iter_lines(text), start=1):
        if number in skipped:
            continue
        line = classify(number, raw)
        if line is None:
            blank = True
            continue
        line.page_start = raw[:1].isspace()
        line.blank_before = blank
        blank = False
        if lines and _continues(lines[-1], line):
            if len(lines[-1].text) + len(line.text) > max_length("text"):
                raise PlanImportError(
                    _("ligne %(line)s : paragraphe de plus de %(max)s caractères.")
                    % {
                        "line": lines[-1].number,
                        "max": number_format(max_length("text"), force_grouping=True),
                    }
                )
            lines[-1].text = _join(lines[-1].text, line.text)
        else:
            lines.append(line)
            if len(lines) > most_lines:
                raise PlanImportError(
                    _(
                        "ligne %(line)s : le document a plus de lignes qu’un projet de "
                        "%(max)s éléments ne peut en demander."
                    )
                    % {
                        "line": number,
                        "max": number_format(settings.MAX_PLAN_NODES, force_grouping=True),
                    }
                )
    return lines
