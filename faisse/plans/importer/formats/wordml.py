"""WordprocessingML styles and numbering, as the DOCX reader needs them: a paragraph
style's heading level, list level and boldness (through its `basedOn` chain), and the
number Word displays before a numbered paragraph (multi-level counters per list)."""

import re
from dataclasses import dataclass, field

from faisse.core.french import fold

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_NAME = re.compile(r"^(?:heading|titre)\s*([1-9])$")
LIST_NAME = re.compile(r"^(?:list|liste)\b.*?\s([2-9])$")  # "List Bullet 2", "Liste à puces 3"
TITLE_NAMES = {"title", "titre"}
TOC_NAME = re.compile(r"^(?:toc|table des matieres)(?:\s*[1-9]|\s+heading|\s*\(titre\))?$")
MAX_BASED_ON = 20  # a chain of styles longer than this (or a loop) stops there
OFF = {"0", "false", "off", "none"}


def val(element, tag: str) -> str | None:
    """The w:val of `element`'s child `tag` ("" when the child has no w:val)."""
    child = element.find(W + tag) if element is not None else None
    return None if child is None else child.get(W + "val", "")


def toggle(element, tag: str) -> bool | None:
    """A toggle property (w:b…): True, False or None when not set."""
    value = val(element, tag)
    return None if value is None else value.lower() not in OFF


def integer(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class Style:
    name: str = ""  # folded
    based_on: str | None = None
    outline: int | None = None  # w:outlineLvl, 0 = level 1, 9 = body text
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    title: bool = False
    toc: bool = False
    list_level: int | None = None  # from a "List Bullet 2" name


class Styles:
    def __init__(self, root) -> None:
        self.own: dict[str, Style] = {}
        self.default_paragraph = ""
        self.default_bold: bool | None = None
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_bold = toggle(defaults, "b")
        for element in root.iter(W + "style"):
            style_id = element.get(W + "styleId", "")
            name = fold(val(element, "name") or "").strip()
            p_pr, r_pr = element.find(W + "pPr"), element.find(W + "rPr")
            num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
            list_name = LIST_NAME.match(name)
            self.own[style_id] = Style(
                name=name,
                based_on=val(element, "basedOn"),
                outline=integer(val(p_pr, "outlineLvl")),
                num_id=val(num_pr, "numId"),
                ilvl=integer(val(num_pr, "ilvl")),
                bold=toggle(r_pr, "b"),
                title=name in TITLE_NAMES,
                toc=bool(TOC_NAME.match(name)),
                list_level=int(list_name.group(1)) - 1 if list_name else None,
            )
            if element.get(W + "type") == "paragraph" and element.get(W + "default") in {
                "1",
                "true",
            }:
                self.default_paragraph = style_id
        self.resolved: dict[str, Style] = {}

    def get(self, style_id: str | None) -> Style:
        """The style with what it inherits from the styles it is based on."""
        style_id = style_id if style_id is not None else self.default_paragraph
        if style_id in self.resolved:
            return self.resolved[style_id]
        chain, seen, current = [], set(), style_id
        while current in self.own and current not in seen and len(chain) < MAX_BASED_ON:
            seen.add(current)
            chain.append(self.own[current])
            current = chain[-1].based_on
        merged = Style(name=chain[0].name if chain else "")
        for style in reversed(chain):  # the ancestors first, each child overriding
            for attribute in ("outline", "num_id", "ilvl", "bold", "list_level"):
                if getattr(style, attribute) is not None:
                    setattr(merged, attribute, getattr(style, attribute))
            merged.title = merged.title or style.title
            merged.toc = merged.toc or style.toc
        self.resolved[style_id] = merged
        return merged

    def heading(self, style: Style, outline: int | None) -> int:
        """The heading level (1 = top) a paragraph's style or own outline level gives."""
        if match := HEADING_NAME.match(style.name):
            return int(match.group(1))
        level = outline if outline is not None else style.outline
        return level + 1 if level is not None and 0 <= level < 9 else 0


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to
    legal: bool = False


@dataclass
class Numbering:
    """The numbering part: lists (w:num) pointing at definitions (w:abstractNum), and the
    counters Word advances paragraph after paragraph."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # abstractNum → numbering style
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → starts
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root) -> "Numbering":
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[integer(lvl.get(W + "ilvl"), 0)] = _level(lvl)
            abstract_id = abstract.get(W + "abstractNumId", "")
            numbering.abstracts[abstract_id] = levels
            if link := val(abstract, "numStyleLink"):
                numbering.links[abstract_id] = link
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId", "")
            numbering.nums[num_id] = val(num, "abstractNumId") or ""
            starts = {}
            for override in num.iter(W + "lvlOverride"):
                start = integer(val(override, "startOverride"))
                if start is not None:
                    starts[integer(override.get(W + "ilvl"), 0)] = start
            numbering.overrides[num_id] = starts
        return numbering

    def abstract(self, num_id: str, styles: Styles) -> str | None:
        abstract_id = self.nums.get(num_id)
        if abstract_id in self.links:  # a list defined by a numbering style
            linked = styles.get(self.links[abstract_id]).num_id
            abstract_id = self.nums.get(linked or "", abstract_id)
        return abstract_id if abstract_id in self.abstracts else None

    def level_of_style(self, num_id: str, style_id: str | None, styles: Styles) -> int | None:
        abstract_id = self.abstract(num_id, styles)
        for ilvl, level in self.abstracts.get(abstract_id or "", {}).items():
            if level.style is not None and level.style == style_id:
                return ilvl
        return None

    def is_list(self, num_id: str | None, styles: Styles) -> bool:
        return bool(num_id) and num_id != "0" and self.abstract(num_id, styles) is not None

    def advance(self, num_id: str, ilvl: int, styles: Styles) -> str:
        """Count one paragraph of list `num_id` at level `ilvl`; the number Word shows
        before it ("" for a bullet or an unnumbered level)."""
        abstract_id = self.abstract(num_id, styles)
        levels = self.abstracts.get(abstract_id or "", {})
        counters = self.counters.setdefault(abstract_id or "", [None] * 10)
        ilvl = min(max(ilvl, 0), 9)
        if num_id not in self.started:  # a list restarting its definition's numbers
            self.started.add(num_id)
            for restart, start in self.overrides.get(num_id, {}).items():
                if 0 <= restart <= 9:
                    counters[restart] = start - 1
                    counters[restart + 1 :] = [None] * (9 - restart)
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        counters[ilvl + 1 :] = [None] * (9 - ilvl)
        if level.fmt in {"bullet", "none"} or not level.text:
            return ""

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, Level())
            count = counters[index] if 0 <= index <= 9 else None
            count = shown.start if count is None else count
            return format_number(count, "decimal" if level.legal else shown.fmt)

        return re.sub(r"%([1-9])", number, level.text)


def _level(lvl) -> Level:
    return Level(
        start=integer(val(lvl, "start"), 1) or 0,
        fmt=val(lvl, "numFmt") or "decimal",
        text=val(lvl, "lvlText"),
        style=val(lvl, "pStyle"),
        legal=toggle(lvl, "isLgl") or False,
    )


ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def roman(count: int) -> str:
    digits = []
    for value, letters in ROMAN:
        while count >= value:
            digits.append(letters)
            count -= value
    return "".join(digits)


def letters(count: int) -> str:
    """Word's lettering: a … z, then aa, bb … zz, then aaa…"""
    return chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)


def format_number(count: int, fmt: str) -> str:
    if count <= 0 or count > 3999:  # Word shows these in decimal too
        return str(count)
    if fmt in {"upperRoman", "lowerRoman"}:
        text = roman(count)
    elif fmt in {"upperLetter", "lowerLetter"}:
        text = letters(count)
    elif fmt == "decimalZero":
        return f"{count:02d}"
    else:  # decimal, and the formats read as decimal (ordinal, cardinalText…)
        return str(count)
    return text.upper() if fmt.startswith("upper") else text
