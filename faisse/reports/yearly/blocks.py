"""The report as a list of neutral blocks (headings, paragraphs, tables, bars, pictures),
written once in French by sections.py and laid out by each writer (typst_writer.py for
the PDF, docx_writer.py for Word): both formats say exactly the same thing."""

from dataclasses import dataclass, field


@dataclass
class Cover:
    territory: str
    plan_title: str
    title: str  # "Bilan 2025"
    lines: list[str]  # "Situation au 31 décembre 2025", "Édité le …"
    notice: str = ""  # a working document says so


@dataclass
class Heading:
    text: str
    level: int = 1
    new_page: bool = False


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "" | "lead" (larger) | "note" (small, grey) | "strong"
    lead_in: str = ""  # words in bold before the text ("Budgets" : …)


@dataclass
class Figure:
    value: str  # "42 %"
    caption: str  # "d'avancement du projet"


@dataclass
class Figures:
    items: list[Figure]


@dataclass
class Bar:
    label: str
    value: float | None  # 0–100, None: nothing to measure
    text: str  # "42 %"
    detail: str = ""  # "12 actions, dont 3 réalisées"


@dataclass
class Bars:
    rows: list[Bar]
    alt: str  # the same in words, for a picture's alternative text


@dataclass
class Cell:
    text: str
    strong: bool = False
    flag: bool = False  # drawn as a warning (late)
    indent: int = 0


@dataclass
class Column:
    title: str
    width: float = 1.0  # relative
    numeric: bool = False  # right-aligned


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    caption: str = ""
    total: list[Cell] | None = None  # a last row in bold
    small: bool = False  # a smaller type (a table beside a chart)


@dataclass
class Picture:
    svg: str
    alt: str
    caption: str = ""
    width_cm: float = 16.0
    legend_title: str = ""
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, label)


@dataclass
class Group:
    """Blocks kept on one page (an indicator: its title, chart and table)."""

    blocks: list


@dataclass
class Beside:
    """Two blocks side by side (a chart and its table); one after the other in Word."""

    left: object
    right: object
    ratio: tuple[float, float] = (1.4, 1.0)


@dataclass
class PageBreak:
    pass
