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

from faisse.plans.french import fold
from faisse.plans.importer.ocr import BULLET, GROUP, SUB_POINT, is_capitals, repair_line

AXIS = re.compile(r"^Axe\s+(?P<number>\d+)\s*(?:[:\-–—]\s*(?P<title>.*))?$", re.IGNORECASE)
ORIENTATION = re.compile(
    r"^Orientation\s+(?P<number>\d+(?:\.\d+)+)\s*(?::\s*(?P<title>.*))?$", re.IGNORECASE
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


@dataclass
class Line:
    number: int  # first physical line, 1-based
    kind: Kind
    text: str
    label: str = ""  # AXIS/ORIENTATION number, or LABEL name
    page_start: bool = False
    blank_before: bool = False

    @property
    def capitals(self) -> bool:
        return is_capitals(self.text)


def classify(number: int, raw: str) -> Line | None:
    text = repair_line(raw)
    if not text:
        return None
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


def logical_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = classify(number, raw)
        if line is None:
            blank = True
            continue
        line.page_start = raw[:1].isspace()
        line.blank_before = blank
        blank = False
        if lines and _continues(lines[-1], line):
            lines[-1].text = _join(lines[-1].text, line.text)
        else:
            lines.append(line)
    return lines
