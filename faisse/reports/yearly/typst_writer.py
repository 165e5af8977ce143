"""The yearly report as a PDF, typeset by Typst (the `typst` package), on the plan
export's page frame: its preamble (A4, French, the fonts inside the compiler only, the
title in the header and "Page N sur M" in the footer) and its string literals (every text
enters the source as `#"…"`, never as markup). SVG charts and the map come in as inputs.

`png(markup)` typesets one block alone as a PNG: the Word document shows the progress
bars and the charts as pictures made by the same code.
"""

import typst
from django.utils.translation import gettext as _

from faisse.plans.exporting.pdf import FONT, PREAMBLE, literal
from faisse.reports.yearly.blocks import (
    Bars,
    Beside,
    Cover,
    Figures,
    Group,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
)

ACCENT = "#7a3b0c"  # the plan export's heading colour
FLAG = "#a3290b"  # late, off target: dark red, 6.6:1 on white
PPI = 150

STYLES = f"""\
#let accent = rgb("{ACCENT}")
#let flag = rgb("{FLAG}")
#show heading.where(level: 1): set block(above: 1.8em, below: 1em)
#show heading.where(level: 3): set text(size: 11pt)
#show heading.where(level: 2): set text(size: 13pt, fill: accent)
#show figure.caption: set text(size: 9pt, fill: luma(70))
#set table(inset: (x: 4pt, y: 4pt), stroke: (x, y) => (
  bottom: if y == 0 {{ 0.8pt + luma(60) }} else {{ 0.4pt + luma(205) }},
))
#show table.cell.where(y: 0): set text(size: 9pt, weight: "bold")
#show table: set text(size: 9.5pt)
#let bar(value) = box(width: 100%, height: 0.8em, fill: luma(228), radius: 1.5pt,
  clip: true, align(left, box(width: value * 1%, height: 100%, fill: accent)))
#let nobar = box(width: 100%, height: 0.8em, stroke: 0.5pt + luma(180), radius: 1.5pt)
#let figurebox(value, caption) = box(width: 100%, height: 1.75cm, fill: luma(244),
  inset: 9pt, radius: 3pt, stack(dir: ttb, spacing: 0.45em,
    text(size: 19pt, weight: "bold", fill: accent, value), text(size: 9pt, caption)))
"""


class Typst:
    """A report being written: the source, and the SVGs it refers to by name."""

    def __init__(self):
        self.out: list[str] = []
        self.inputs: dict[str, str] = {}

    def svg(self, svg: str) -> str:
        key = f"svg{len(self.inputs)}"
        self.inputs[key] = svg
        return f'bytes(sys.inputs.at("{key}"))'

    def block(self, block) -> None:
        if isinstance(block, Cover):
            self.cover(block)
        elif isinstance(block, Heading):
            if block.new_page:
                self.out.append("#pagebreak(weak: true)")
            self.out += [f"{'=' * block.level} #{literal(block.text)}", ""]
        elif isinstance(block, Paragraph):
            self.out += [paragraph(block), ""]
        elif isinstance(block, Figures):
            self.out += [figures(block), ""]
        elif isinstance(block, Bars):
            self.out += [bars(block), ""]
        elif isinstance(block, Table):
            self.out += [table(block), ""]
        elif isinstance(block, Picture):
            self.out += [picture(block, self.svg(block.svg)), ""]
        elif isinstance(block, Beside):
            left, right = self.inline(block.left), self.inline(block.right)
            self.out += [
                f"#grid(columns: ({block.ratio[0]}fr, {block.ratio[1]}fr), column-gutter: 1em, "
                f"align: (top, top), {left}, {right})",
                "",
            ]
        elif isinstance(block, Group):
            # The space above a heading inside the block would be lost: the block takes it.
            self.out.append("#block(breakable: false, above: 1.6em)[")
            for inner in block.blocks:
                self.block(inner)
            self.out += ["]", ""]
        elif isinstance(block, PageBreak):
            self.out.append("#pagebreak(weak: true)")

    def inline(self, block) -> str:
        """A block as a Typst expression (a cell of a grid)."""
        writer = Typst()
        writer.inputs = self.inputs
        writer.block(block)
        return "[" + "\n".join(writer.out) + "]"

    def cover(self, cover: Cover) -> None:
        lines = [f"  #text(size: 12pt, {literal(line)})\n" for line in cover.lines]
        notice = ""
        if cover.notice:
            notice = (
                f"  #block(stroke: 1pt + flag, inset: 8pt, radius: 3pt, "
                f'text(fill: flag, weight: "bold", {literal(cover.notice)}))\n'
            )
        self.out += [
            "#page(header: none, footer: none)[",
            "  #v(2.5cm)",
            f"  #text(size: 13pt, fill: luma(70), {literal(cover.territory)})",
            "  #v(0.3em)",
            f'  #text(size: 34pt, weight: "bold", fill: accent, {literal(cover.title)})',
            "  #v(0.2em)",
            f"  #text(size: 16pt, {literal(cover.plan_title)})",
            "  #v(1.2em)",
            *lines,
            notice,
            "  #v(1fr)",
            f"  #outline(title: {literal(_('Sommaire'))}, depth: 1)",
            "]",
            "",
        ]


def text_of(value: str) -> str:
    """A text that may hold line breaks, as Typst content."""
    return " \\ ".join(f"#{literal(line)}" for line in value.split("\n")) if value else ""


def paragraph(block: Paragraph) -> str:
    if block.lead_in:
        return f"#strong({literal(block.lead_in)})~: #{literal(block.text)}"
    text = literal(block.text)
    if block.style == "lead":
        return f"#text(size: 12pt, {text})"
    if block.style == "note":
        return f"#text(size: 9pt, fill: luma(70), {text})"
    if block.style == "strong":
        return f"#strong({text})"
    return f"#{text}"


def figures(block: Figures) -> str:
    items = ", ".join(
        f"figurebox({literal(item.value)}, {literal(item.caption)})" for item in block.items
    )
    return (
        f"#grid(columns: ({', '.join(['1fr'] * len(block.items))}), column-gutter: 0.6em, {items})"
    )


def bars(block: Bars) -> str:
    cells = []
    for row in block.rows:
        label = f"#{literal(row.label)}"
        if row.detail:
            label += f" \\ #text(size: 8.5pt, fill: luma(70), {literal(row.detail)})"
        shown = "nobar" if row.value is None else f"bar({max(0.0, min(100.0, row.value)):.1f})"
        cells += [f"[{label}]", shown, f"[#{literal(row.text)}]"]
    return (
        "#grid(columns: (1fr, 5.2cm, auto), column-gutter: 0.8em, row-gutter: 0.7em, "
        "align: (left + horizon, left + horizon, right + horizon),\n  " + ",\n  ".join(cells) + ")"
    )


def _cell(cell) -> str:
    body = text_of(cell.text)
    if cell.indent:
        body = f"#h({cell.indent}em)↳ {body}"
    if cell.flag and cell.text:
        body = f'#text(fill: flag, weight: "bold")[{body}]'
    elif cell.strong:
        body = f"#strong[{body}]"
    return f"[{body}]"


def table(block: Table) -> str:
    columns = ", ".join(f"{column.width}fr" for column in block.columns)
    aligns = ", ".join("right" if column.numeric else "left" for column in block.columns)
    header = ", ".join(f"[#{literal(column.title)}]" for column in block.columns)
    rows = [", ".join(_cell(cell) for cell in row) for row in block.rows]
    if block.total:
        rows.append("table.hline(stroke: 0.8pt + luma(60))")
        rows.append(", ".join(_cell(cell) for cell in block.total))
    body = ",\n  ".join([f"table.header({header})", *rows])
    out = f"#table(columns: ({columns},), align: ({aligns},),\n  {body})"
    if block.small:
        out = f"#[#show table: set text(size: 8.5pt)\n{out}]"
    if block.caption:
        out = f"#figure({out[1:]}, caption: {literal(block.caption)}, numbering: none)"
    return out


def picture(block: Picture, source: str) -> str:
    width = f"{block.width_cm}cm" if block.width_cm else "100%"
    image = f'image({source}, format: "svg", width: {width}, alt: {literal(block.alt)})'
    if block.legend:
        legend = [f"[#strong({literal(block.legend_title)})]"] if block.legend_title else []
        for colour, label in block.legend:
            swatch = (
                f'box(width: 0.9em, height: 0.9em, fill: rgb("{colour}"), stroke: 0.5pt + luma(90))'
            )
            legend.append(f"[#{swatch} #h(0.3em) #{literal(label)}]")
        image = (
            "grid(columns: (auto, 1fr), column-gutter: 1em, align: (center, bottom + left), "
            f"{image}, stack(dir: ttb, spacing: 0.5em, {', '.join(legend)}))"
        )
    caption = f", caption: {literal(block.caption)}" if block.caption else ""
    return f"#figure({image}{caption}, numbering: none)"


def typst_source(blocks: list, *, title: str, territory: str) -> tuple[str, dict[str, str]]:
    writer = Typst()
    for block in blocks:
        writer.block(block)
    preamble = PREAMBLE.format(
        title=literal(title),
        author=literal(territory),
        font=FONT,
        header=literal(title),
        territory=literal(territory),
        page_word=literal(_("Page")),
        of=_("sur"),
    )
    return preamble + STYLES + "\n".join(writer.out) + "\n", writer.inputs


class ReportPdfError(Exception):
    """Typst refused the source: a bug of this module, never of the plan's texts."""


def write_pdf(blocks: list, *, title: str, territory: str) -> bytes:
    source, inputs = typst_source(blocks, title=title, territory=territory)
    try:
        return typst.compile(
            source.encode("utf-8"), format="pdf", ignore_system_fonts=True, sys_inputs=inputs
        )
    except typst.TypstError as error:
        raise ReportPdfError(str(error)) from error


def png(block, width_cm: float = 16.0) -> bytes:
    """One block alone, typeset as the PDF shows it, as a PNG (for the Word document). A
    picture of a given width gets a page of its own size; others a page `width_cm` wide."""
    writer = Typst()
    writer.block(block)
    page = f"{width_cm}cm"
    if isinstance(block, Picture):
        page = "auto" if block.width_cm else "12cm"
    source = (
        f'#set text(lang: "fr", region: "FR", font: "{FONT}", size: 10.5pt, hyphenate: false)\n'
        f"#set page(width: {page}, height: auto, margin: 3pt)\n" + STYLES + "\n".join(writer.out)
    )
    try:
        return typst.compile(
            source.encode("utf-8"),
            format="png",
            ppi=PPI,
            ignore_system_fonts=True,
            sys_inputs=writer.inputs,
        )
    except typst.TypstError as error:
        raise ReportPdfError(str(error)) from error
