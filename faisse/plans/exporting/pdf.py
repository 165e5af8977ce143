"""The plan as a PDF, typeset by Typst (the `typst` package: the compiler inside the wheel).

The .typ source is written here. Every text of the plan goes in as a Typst string
literal (`#"…"`), never as markup: `#`, `*`, `_`, `$`, `@`, `<`, `[` or `\\` in a title are
printed as they are. The map comes in as an input (sys.inputs), an SVG drawn by the
locations app. Only the fonts inside the compiler are used (Libertinus Serif), never the
machine's: the PDF is the same everywhere and nothing is downloaded.

A4, French (lang "fr"), the plan's title in the header and "page N sur M" in the footer of
every page; headings by kind (axis 1 … group 4), actions as bulleted items, sub-actions
nested, descriptions indented under their item.
"""

import typst
from django.utils.translation import gettext as _

from faisse.plans.exporting.document import Entry, PlanDocument

FONT = "Libertinus Serif"

PREAMBLE = """\
#set document(title: {title}, author: {author})
#set text(lang: "fr", region: "FR", font: "{font}", size: 10.5pt)
#set text(hyphenate: false)
#set par(justify: false, leading: 0.6em, spacing: 0.9em)
#set page(
  paper: "a4",
  margin: (x: 2.2cm, top: 2.6cm, bottom: 2.4cm),
  header: context [
    #set text(size: 8.5pt, fill: luma(90))
    #{header} #h(1fr) #{territory}
    #v(-0.6em)
    #line(length: 100%, stroke: 0.4pt + luma(160))
  ],
  footer: context [
    #set text(size: 8.5pt, fill: luma(90))
    #h(1fr) #{page_word}~#counter(page).display() {of}~#counter(page).final().first() #h(1fr)
  ],
)
#set heading(numbering: none)
#show title: set text(size: 22pt, weight: "bold")
#show title: set block(below: 1.2em)
#show heading: set block(above: 1.3em, below: 0.7em)
#show heading.where(level: 1): set text(size: 17pt, fill: rgb("#7a3b0c"))
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading.where(level: 4): set text(size: 11pt, style: "italic")
#set list(indent: 0.4em, body-indent: 0.5em, marker: ([•], [◦], [▪]))
"""


def literal(text: str) -> str:
    """A Typst string literal: only the backslash, the quote and control characters are
    escaped; nothing inside a string is markup."""
    escaped = []
    for char in text:
        if char in '\\"':
            escaped.append("\\" + char)
        elif char == "\n":
            escaped.append("\\n")
        elif ord(char) < 32 or char == "\x7f":
            escaped.append(f"\\u{{{ord(char):x}}}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def typst_source(document: PlanDocument) -> str:
    title = literal(document.title)
    out = [
        PREAMBLE.format(
            title=title,
            author=literal(document.plan.territory.name),
            font=FONT,
            header=title,
            territory=literal(document.plan.territory.name),
            page_word=literal(_("Page")),
            of=_("sur"),
        ),
        "#title()",
        "",
    ]
    for fact in document.facts:
        out += [f"#align(center, text(size: 11pt, {literal(fact)}))", ""]
    if document.places.map_svg:
        out += _map(document)
    if document.motto or document.ambition:
        out += [f"= #{literal(_('Ambition'))}", ""]
        if document.motto:
            out += [f"#strong({literal(document.motto)})", ""]
        out += [f"#{literal(text)}\n" for text in document.ambition]
    if document.challenges:
        out += [f"= #{literal(_('Défis'))}", ""]
        for challenge, points in document.challenges:
            out.append(f"- #{literal(challenge)}")
            out += [f"  - #{literal(point)}" for point in points]
        out.append("")
    for entry in document.entries:
        _entry(entry, out)
    return "\n".join(out) + "\n"


def _map(document: PlanDocument) -> list[str]:
    """The territory's map beside its legend, captioned, without a figure number."""
    places = document.places
    legend = [f"  [#strong({literal(places.legend_title)})],"] if places.legend_title else []
    for colour, label in places.legend:
        swatch = (
            f'box(width: 0.9em, height: 0.9em, fill: rgb("{colour}"), stroke: 0.5pt + luma(90))'
        )
        legend.append(f"  [#{swatch} #h(0.3em) #{literal(label)}],")
    return [
        "#figure(",
        "  grid(",
        "    columns: (1fr, auto), column-gutter: 1em, align: (center, bottom + left),",
        '    image(bytes(sys.inputs.map), format: "svg", width: 100%, height: 10cm,',
        f'      fit: "contain", alt: {literal(places.map_title)}),',
        "    stack(dir: ttb, spacing: 0.5em,",
        *[f"  {line}" for line in legend],
        "    ),",
        "  ),",
        f"  caption: {literal(places.map_title)},",
        "  numbering: none,",
        ")",
        "",
    ]


def _entry(entry: Entry, out: list[str]) -> None:
    if entry.heading:
        out += [f"{'=' * entry.heading} #{literal(entry.text)}", ""]
        out += [f"#{literal(text)}\n" for text in entry.paragraphs]
        out += [f"#emph({literal(text)})\n" for text in entry.notes]
    else:
        indent = "  " * entry.list_depth
        out.append(f"{indent}- #{literal(entry.text)}")
        for text in entry.paragraphs:
            out += ["", f"{indent}  #{literal(text)}"]
        for text in entry.notes:
            out += ["", f"{indent}  #emph({literal(text)})"]
        if entry.paragraphs or entry.notes:
            out.append("")
    for child in entry.children:
        _entry(child, out)
    if entry.heading and entry.children and not entry.children[-1].heading:
        out.append("")


class PdfError(Exception):
    """Typst refused the source: a bug of this module, never of the plan's texts."""


def write_pdf(document: PlanDocument) -> bytes:
    inputs = {"map": document.places.map_svg} if document.places.map_svg else {}
    try:
        return typst.compile(
            typst_source(document).encode("utf-8"),
            format="pdf",
            ignore_system_fonts=True,
            sys_inputs=inputs,
        )
    except typst.TypstError as error:
        raise PdfError(str(error)) from error
