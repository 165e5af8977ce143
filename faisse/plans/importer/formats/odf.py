"""OpenDocument parts as the ODT and ODS readers need them: a safe XML parser, the
namespaces, paragraph and text styles (boldness, outline level, title) through their
parents, and the list and outline numbering styles."""

from dataclasses import dataclass, field

from lxml import etree

from faisse.core.french import fold
from faisse.plans.importer.formats.wordml import format_number

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
OFFICE, TEXT, TABLE, STYLE, FO, DRAW, DC = (
    f"{{{NS[prefix]}}}" for prefix in ("office", "text", "table", "style", "fo", "draw", "dc")
)
TITLE_NAMES = {"title", "titre"}
BOLD_WEIGHTS = {"bold", "bolder", "600", "700", "800", "900"}
FORMATS = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman", "a": "lowerLetter"}
FORMATS |= {"A": "upperLetter"}
MAX_PARENTS = 20


def parser() -> etree.XMLParser:
    """No entities resolved, no network, no huge text nodes: only the document's XML."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse(archive, name: str):
    """The root of an archive's XML part, None when the archive has no such part."""
    if name not in archive.NameToInfo:
        return None
    # From bytes, not from the stream: lxml names a stream's file after the working
    # directory in its errors, and the archive's sizes were checked before.
    return etree.fromstring(archive.read(name), parser())


def integer(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class OdfStyle:
    parent: str | None = None
    bold: bool | None = None
    outline: int | None = None
    title: bool = False
    list_style: str | None = None


@dataclass
class ListLevel:
    number: bool = False  # a numbered level (else bullets)
    fmt: str = "decimal"
    prefix: str = ""
    suffix: str = ""
    display: int = 1  # how many levels the number shows (1.2.3: 3)
    start: int = 1


@dataclass
class OdfStyles:
    own: dict[str, OdfStyle] = field(default_factory=dict)
    lists: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    outline: dict[int, ListLevel] = field(default_factory=dict)
    resolved: dict[str, OdfStyle] = field(default_factory=dict)

    @classmethod
    def parse(cls, styles_root, content_root) -> "OdfStyles":
        """The common styles of styles.xml, then the automatic styles of content.xml (the
        automatic styles of styles.xml belong to headers and footers)."""
        styles = cls()
        sections = []
        if styles_root is not None:
            sections += styles_root.iterchildren(OFFICE + "styles")
        if content_root is not None:
            sections += content_root.iterchildren(OFFICE + "automatic-styles")
        for section in sections:
            for element in section:
                if element.tag == STYLE + "style":
                    styles._style(element)
                elif element.tag == TEXT + "list-style":
                    styles.lists[element.get(STYLE + "name", "")] = _levels(element)
                elif element.tag == TEXT + "outline-style":
                    styles.outline = _levels(element)
        return styles

    def _style(self, element) -> None:
        names = {element.get(STYLE + "name", ""), element.get(STYLE + "display-name", "")}
        properties = element.find(STYLE + "text-properties")
        weight = properties.get(FO + "font-weight") if properties is not None else None
        outline = element.get(STYLE + "default-outline-level")
        self.own[element.get(STYLE + "name", "")] = OdfStyle(
            parent=element.get(STYLE + "parent-style-name"),
            bold=None if weight is None else weight in BOLD_WEIGHTS,
            outline=integer(outline, 0) or None if outline else None,
            title=any(fold(name.replace("_20_", " ")) in TITLE_NAMES for name in names),
            list_style=element.get(STYLE + "list-style-name"),
        )

    def get(self, name: str | None) -> OdfStyle:
        name = name or ""
        if name in self.resolved:
            return self.resolved[name]
        chain, seen, current = [], set(), name
        while current in self.own and current not in seen and len(chain) < MAX_PARENTS:
            seen.add(current)
            chain.append(self.own[current])
            current = chain[-1].parent
        merged = OdfStyle()
        for style in reversed(chain):
            for attribute in ("bold", "outline", "list_style"):
                if getattr(style, attribute) is not None:
                    setattr(merged, attribute, getattr(style, attribute))
            merged.title = merged.title or style.title
        self.resolved[name] = merged
        return merged


def _levels(element) -> dict[int, ListLevel]:
    levels = {}
    for child in element:
        level = integer(child.get(TEXT + "level"), 1)
        if (
            child.tag == TEXT + "list-level-style-number"
            or child.tag == TEXT + "outline-level-style"
        ):
            fmt = child.get(STYLE + "num-format", "")
            levels[level] = ListLevel(
                number=fmt in FORMATS,
                fmt=FORMATS.get(fmt, "decimal"),
                prefix=child.get(STYLE + "num-prefix", ""),
                suffix=child.get(STYLE + "num-suffix", ""),
                display=max(1, integer(child.get(TEXT + "display-levels"), 1)),
                start=integer(child.get(TEXT + "start-value"), 1),
            )
        else:
            levels[level] = ListLevel()
    return levels


@dataclass
class Counters:
    """Numbers of a list (or of the outline) level by level, as LibreOffice shows them."""

    levels: dict[int, ListLevel]
    counts: list[int] = field(default_factory=lambda: [0] * 11)

    def advance(self, level: int, start: int | None = None) -> str:
        """Count one item at `level` (1-based); the number shown before it ("" if none)."""
        level = min(max(level, 1), 10)
        style = self.levels.get(level, ListLevel())
        if start is not None:
            self.counts[level] = start
        elif self.counts[level] == 0:
            self.counts[level] = style.start
        else:
            self.counts[level] += 1
        self.counts[level + 1 :] = [0] * (10 - level)
        if not style.number:
            return ""
        shown = []
        for upper in range(max(1, level - style.display + 1), level + 1):
            upper_style = self.levels.get(upper, ListLevel())
            count = self.counts[upper] or upper_style.start
            shown.append(format_number(count, upper_style.fmt))
        return style.prefix + ".".join(shown) + style.suffix
