"""Read an uploaded or named file as text, refusing what is not a text outline."""

import codecs
import re
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.limits import check_characters, check_size, iter_lines

# Byte order marks, longest first (UTF-32's begins like UTF-16's).
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Page breaks (form feed, as pdftotext writes them), Word's line breaks (vertical tab),
# Windows and old Mac line ends, Unicode line and paragraph separators: all new lines.
LINE_BREAKS = re.compile("\r\n|[\r\f\v\x85\u2028\u2029]")
# The single-byte encodings of French texts, the most common first (ISO-8859-1 reads as
# Windows-1252, which only adds characters where it has control codes).
WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "mac_roman", "cp850", "latin_1"]
ISO_8859_15 = re.compile(rb"[A-Za-z\xc0-\xff][\xbc\xbd][a-z\xe0-\xff]|[0-9] ?\xa4")
C1_BYTES = re.compile(rb"[\x80-\x9f]")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 or UTF-32 (with a BOM, or UTF-16
    recognised by its NUL bytes), else the Western encoding charset-normalizer finds
    (Windows-1252 as Word exports it, ISO-8859-15, MacRoman, DOS's CP850), Windows-1252
    when it finds none. Line breaks are made "\n"; a NUL or control character left is
    refused with its line and column."""
    check_size(len(data))
    if not data.strip():
        raise PlanImportError(_("le fichier est vide."))
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise PlanImportError(_binary_message())
    if encoding is None and _looks_binary(data[:8192]):
        raise PlanImportError(_binary_message())
    # A NUL further on, in a text that begins as text, is refused with its line below.
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding not in (None, "utf-8"):
            raise PlanImportError(
                _("le fichier se dit en %(encoding)s mais ne l’est pas.") % {"encoding": encoding}
            ) from None
        text = data.decode(guess_encoding(data), errors="replace")
    text = LINE_BREAKS.sub("\n", text.removeprefix("\ufeff"))
    check_characters(text)
    return text


def guess_encoding(data: bytes) -> str:
    """The likeliest of the encodings a French text that is not UTF-8 comes in."""
    from charset_normalizer import from_bytes  # imported when a file needs it

    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Both read French text without a fault; only ISO-8859-15 puts œ inside a word and €
    # after a number, where Windows-1252 has ½ and ¤, and it has no 0x80–0x9F characters.
    if encoding == "cp1252" and ISO_8859_15.search(data) and not C1_BYTES.search(data):
        return "iso8859_15"
    return encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of a mostly Latin text has a NUL in every other byte: odd places for
    little-endian, even places for big-endian."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if not pairs:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd > 0.6 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.6 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    return sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100


def _binary_message() -> str:
    return _(
        "ce n’est pas un fichier texte (fichier binaire ?) ; "
        "formats lus : texte brut (.txt) ou Markdown (.md)."
    )


def read_bytes(path: Path) -> bytes:
    """A named file's bytes, refused with a French message if it cannot be an import."""
    if not path.exists():
        raise PlanImportError(_("fichier introuvable."))
    if path.is_dir():
        raise PlanImportError(_("c’est un dossier, pas un fichier."))
    try:
        check_size(path.stat().st_size)  # before reading a byte of it
        with path.open("rb") as file:
            return file.read(settings.MAX_UPLOAD_BYTES + 1)  # were it to grow meanwhile
    except OSError as error:
        raise PlanImportError(
            _("fichier illisible (%(error)s).") % {"error": error.strerror}
        ) from error


def is_markdown(path_name: str, text: str) -> bool:
    if Path(path_name).suffix.lower() in {".md", ".markdown"}:
        return True
    return any(line.startswith("# ") for line in islice(iter_lines(text), 50))
