"""PDF reader: one block per visual line of the text layer, with its page, indentation,
weight and a heading rank from its font size.

Library: pypdfium2 (Google's PDFium, the engine of Chrome's viewer, as a pip wheel with the
binary inside). Of the three candidates it is the fastest with the layout we need: on a
17-page, 200-action plan, pdfplumber (pdfminer.six, pure Python) took 19 times as long
for its lines and characters, pypdf's text visitor twice as long for less (sizes before
the text matrix, no weight, no positions of lines); pypdfium2 gives each character's
font size, weight, font name and position; and PDFium is the parser the most broken PDFs
of the web have been tested against. Its one cost is its per-character API through
ctypes: the page's text comes in one call, then one fast call per character (its text
object), the font read once per text object.

What a line gets:
- `page` (1-based) and `where`, its number across the document (unit "ligne");
- `indent`: the x of its first character minus the leftmost text x of its page (points);
- `bold`: every character of the line in a bold font (its name says Bold, Black, Heavy,
  Semibold, Demi; its weight ≥ 600; the ForceBold flag; or text drawn filled and stroked);
- `heading`: the rank of its font size among the document's sizes larger than the body
  size (the size of the most characters), largest = 1; 0 for body-size or smaller lines;
- `list_depth` when it starts with a bullet glyph (•, ◦, ▪, –, -, a Wingdings bullet…),
  by the cluster of its indentation among the bullets' indentations; the marker stays in
  the text (a Symbol-font bullet is written "•");
- `break_before` when the space above it is larger than the usual line spacing.
Page headers, footers and numbers stay: the recogniser finds them for every format.
Refused: an encrypted PDF that the empty password does not open, a PDF without any text
(a scan: to be OCR'd first), a damaged one, more than MAX_PAGES pages.
"""

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from django.utils.translation import gettext as _

from faisse.plans.importer.blocks import Block, Document
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats.archives import damaged
from faisse.plans.importer.formats.common import clean, reading, usable_title
from faisse.plans.importer.limits import check_size

KIND = "PDF"
MAX_PAGES = 1000
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", "gras", "fett")
FORCE_BOLD = 1 << 18  # font descriptor flag
FILL_STROKE = 2  # text render mode: filled then stroked, a simulated bold
GLYPHS = set("•◦▪▫‣⁃●○■□◆◇►▸▶➢➤➔→✓✔✗❖∙·")  # bullets, with or without a space after
DASHES = set("*-–—o")  # bullets when a space follows ("o": Word's second-level bullet)
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
LINE_END = re.compile("\r\n|[\r\n]")
SIZE_STEP = 0.5  # font sizes are compared to the half point
INDENT_STEP = 4.0  # bullets this close (points) are at one depth


def _fast(name: str, restype, *argtypes):
    """A PDFium function called through a plain C prototype: pypdfium2's own wrappers
    return pointer objects that cost a conversion each; per character, that adds up."""
    address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_unicode = _fast("FPDFText_GetUnicode", ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)
_text_object = _fast("FPDFText_GetTextObject", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)


@dataclass(slots=True)
class Line:
    text: str
    page: int
    x: float
    y: float  # baseline, from the page's bottom
    size: float
    bold: bool


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def read(data: bytes) -> Document:
    check_size(len(data))
    if not is_pdf(data):
        raise PlanImportError(_("ce n’est pas un fichier PDF (il ne commence pas par %PDF)."))
    with reading(KIND):
        document = _open(data)
        try:
            lines, title = _lines(document), _title(document)
        finally:
            document.close()
    if not any(line.text for line in lines):
        raise PlanImportError(
            _(
                "le PDF ne contient pas de texte (document scanné ?) : faites-en reconnaître "
                "le texte (OCR) ou exportez le document d’origine en texte, DOCX ou PDF texte."
            )
        )
    return Document(blocks=_blocks(lines), unit="ligne", title=title, layout=True)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise PlanImportError(
                _(
                    "le PDF est protégé par un mot de passe : enregistrez-en une copie sans "
                    "protection, ou exportez le document d’origine."
                )
            ) from error
        raise PlanImportError(damaged(KIND, _("structure illisible"))) from error
    pages = len(document)
    if pages > MAX_PAGES:
        document.close()
        raise PlanImportError(
            _("le PDF a %(pages)s pages, plus que les %(max)s lues.")
            % {"pages": pages, "max": MAX_PAGES}
        )
    return document


def _title(document: pdfium.PdfDocument) -> str:
    try:
        return usable_title(document.get_metadata_value("Title"))
    except (pdfium.PdfiumError, UnicodeDecodeError, ValueError):
        return ""


def _lines(document: pdfium.PdfDocument) -> list[Line]:
    lines: list[Line] = []
    for number in range(len(document)):
        page = document[number]
        try:
            textpage = page.get_textpage()
            try:
                lines.extend(_page_lines(textpage, number + 1))
            finally:
                textpage.close()
        finally:
            page.close()
    return lines


class _Fonts:
    """Size and weight of each text object of a page, read at its first character."""

    def __init__(self, textpage) -> None:
        self.textpage = textpage.raw
        self.known: dict[int, tuple[float, bool]] = {}
        self.buffer = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()

    def of(self, handle: int, index: int) -> tuple[float, bool]:
        if handle not in self.known:
            self.known[handle] = (self._size(index), self._bold(handle, index))
        return self.known[handle]

    def _size(self, index: int) -> float:
        size = raw.FPDFText_GetFontSize(self.textpage, index)
        if raw.FPDFText_GetMatrix(self.textpage, index, self.matrix):
            size *= (self.matrix.c**2 + self.matrix.d**2) ** 0.5  # the vertical scale
        return round(size / SIZE_STEP) * SIZE_STEP

    def _bold(self, handle: int, index: int) -> bool:
        if raw.FPDFText_GetFontWeight(self.textpage, index) >= 600:
            return True
        raw.FPDFText_GetFontInfo(self.textpage, index, self.buffer, 128, self.flags)
        name = self.buffer.value.decode("latin-1").lower()
        if any(word in name for word in BOLD_WORDS) or self.flags.value & FORCE_BOLD:
            return True
        mode = raw.FPDFTextObj_GetTextRenderMode(ctypes.cast(handle, raw.FPDF_PAGEOBJECT))
        return mode == FILL_STROKE


def _page_text(textpage, handle: int, count: int) -> str:
    """The page's characters, one per character index (PDFium's generated spaces and
    line breaks included)."""
    text = textpage.get_text_range()
    if len(text) == count:
        return text
    # PDFium left out or added characters, or one is beyond 16 bits: one at a time.
    codes = (_unicode(handle, index) for index in range(count))
    return "".join(chr(c) if c < 0x110000 and not 0xD800 <= c < 0xE000 else "\ufffd" for c in codes)


def _page_lines(textpage, page: int) -> list[Line]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    text = _page_text(textpage, handle, count)
    fonts = _Fonts(textpage)
    lines: list[Line] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    breaks = [(m.start(), m.end()) for m in LINE_END.finditer(text)] + [(count, count)]
    start = 0
    for end, after in breaks:
        first, last_object, size, bold = -1, None, 0.0, True
        sizes: dict[float, int] = {}
        for index in range(start, end):
            text_object = _text_object(handle, index)
            if text_object is None or text[index].isspace():
                continue
            if text_object != last_object:
                last_object = text_object
                size, is_bold = fonts.of(text_object, index)
                bold = bold and is_bold
                if first < 0:
                    first = index
            sizes[size] = sizes.get(size, 0) + 1
        if first >= 0:
            raw.FPDFText_GetCharOrigin(textpage.raw, first, x, y)
            size = max(sizes, key=lambda s: (sizes[s], s))
            line = text[start:end].translate(LIGATURES).replace("\x02", "-")
            lines.append(Line(clean(line), page, x.value, y.value, size, bold))
        start = after
    return lines


def _blocks(lines: list[Line]) -> list[Block]:
    lines = [line for line in lines if line.text]
    ranks = _size_ranks(lines)
    left = {}
    for line in lines:
        left[line.page] = min(left.get(line.page, line.x), line.x)
    pitches = _line_pitches(lines)
    blocks: list[Block] = []
    previous: Line | None = None
    for where, line in enumerate(lines, start=1):
        text = _bullet(line.text)
        same_page = previous is not None and previous.page == line.page
        gap = previous.y - line.y if same_page else 0.0
        pitch = pitches.get(line.size, 1.2 * line.size)
        blocks.append(
            Block(
                text=text,
                where=where,
                page=line.page,
                heading=ranks.get(line.size, 0),
                bold=line.bold,
                indent=round(line.x - left[line.page], 1),
                break_before=gap > 1.25 * pitch or gap < -1,  # a new column goes up
            )
        )
        previous = line
    _list_depths(blocks)
    return blocks


def _size_ranks(lines: list[Line]) -> dict[float, int]:
    """Each font size larger than the body's → its rank (largest = 1)."""
    weights: Counter = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    if not weights:
        return {}
    body = weights.most_common(1)[0][0]
    larger = sorted((size for size in weights if size > body), reverse=True)
    return {size: rank for rank, size in enumerate(larger, start=1)}


def _line_pitches(lines: list[Line]) -> dict[float, float]:
    """Each font size → the distance between two baselines of a paragraph in that size:
    the smallest distance found between at least a tenth of its consecutive lines (the
    others being paragraphs' spacing)."""
    gaps: dict[float, Counter] = {}
    for previous, line in zip(lines, lines[1:], strict=False):
        gap = previous.y - line.y
        if previous.page == line.page and previous.size == line.size and 0 < gap < 4 * line.size:
            gaps.setdefault(line.size, Counter())[round(gap * 2) / 2] += 1
    pitches = {}
    for size, counts in gaps.items():
        total = sum(counts.values())
        frequent = [gap for gap, count in counts.items() if count >= max(2, total / 10)]
        if frequent:
            pitches[size] = min(frequent)
    return pitches


def _bullet(text: str) -> str:
    """A bullet of a symbol font (private-use code point) written "•"."""
    if text and 0xE000 <= ord(text[0]) <= 0xF8FF:
        return "•" + text[1:]
    return text


def is_bullet(text: str) -> bool:
    if len(text) < 2:
        return False
    return text[0] in GLYPHS or (text[0] in DASHES and text[1] == " ")


def _list_depths(blocks: list[Block]) -> None:
    """Bullet lines' depth: the rank of their indentation's cluster (within INDENT_STEP)."""
    bullets = [block for block in blocks if is_bullet(block.text)]
    starts: list[float] = []
    for indent in sorted({block.indent for block in bullets}):
        if not starts or indent - starts[-1] > INDENT_STEP:
            starts.append(indent)
    for block in bullets:
        block.list_depth = sum(1 for start in starts if start <= block.indent) - 1
