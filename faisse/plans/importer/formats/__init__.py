"""Readers of the binary formats a plan is imported from: DOCX, ODT, PDF, XLSX and ODS.

`read_document(data, name)` picks the reader by the file's first bytes (a PDF, a zip and
what it holds), its name's suffix saying only what was expected: a ".docx" that is a PDF
is read as a PDF, with a warning. It returns None for what is neither (plain text or
Markdown, which `reading.decode` reads). Each reader (`formats.docx.read`…) takes the
file's bytes and returns a `Document` of blocks (blocks.py), or raises PlanImportError
with a French message; docs/import.md, "Formats lus", says what each takes from the layout.
The readers' libraries are imported when a file of theirs comes.
"""

from importlib import import_module
from pathlib import PurePath

from django.utils.translation import gettext as _

from faisse.plans.importer.blocks import Document
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats.archives import MAIN_PARTS, is_zip, zip_kind
from faisse.plans.importer.limits import check_size

SUFFIXES = {
    ".docx": "DOCX",
    ".odt": "ODT",
    ".pdf": "PDF",
    ".xlsx": "XLSX",
    ".xlsm": "XLSX",
    ".ods": "ODS",
}
MODULES = {"DOCX": "docx", "ODT": "odt", "PDF": "pdf", "XLSX": "spreadsheet", "ODS": "spreadsheet"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, Excel 97–2003, protected OOXML
RTF = b"{\\rtf"


def read_document(data: bytes, name: str) -> Document | None:
    """The blocks of a DOCX, ODT, PDF, XLSX or ODS file; None for a text file."""
    check_size(len(data))
    expected = SUFFIXES.get(PurePath(name).suffix.lower())
    kind = sniff(data, expected)
    if kind is None:
        if expected is None or not data.strip():
            return None
        kind = expected  # its reader says it is not what its name says
    document = reader(kind)(data)
    if expected is not None and expected != kind:
        document.warnings.insert(
            0,
            (
                0,
                _("le fichier « %(name)s » est en fait un %(kind)s : lu comme tel.")
                % {"name": PurePath(name).name, "kind": kind},
            ),
        )
    return document


def reader(kind: str):
    """The `read(data) -> Document` function of a format ("DOCX", "PDF"…)."""
    module = import_module(f"{__name__}.{MODULES[kind]}")
    return module.read_ods if kind == "ODS" else module.read


def sniff(data: bytes, expected: str | None = None) -> str | None:
    """The format the first bytes say ("PDF", "DOCX"…), None when they say none; refuses
    the formats not read (Word 97–2003, RTF) and zips of something else. A zip too damaged
    to tell is left to the reader of the `expected` format, which says what is wrong."""
    head = data[:1024]
    if head.startswith(OLE):
        raise PlanImportError(
            _(
                "ancien format Word ou Excel (.doc, .xls), ou document protégé par un mot de "
                "passe : enregistrez-le en .docx, .odt ou .xlsx sans mot de passe."
            )
        )
    if head.lstrip().startswith(RTF):
        raise PlanImportError(_("format RTF non lu : enregistrez le document en .docx ou en .odt."))
    if b"%PDF-" in head:
        return "PDF"
    if is_zip(data):
        kind = zip_kind(data)
        if kind is None and expected in MAIN_PARTS:
            return expected
        if kind is None:
            parts = ", ".join(sorted(set(MAIN_PARTS.values())))
            raise PlanImportError(
                _(
                    "archive zip qui n’est pas un document lu (DOCX, ODT, XLSX, ODS) ou qui "
                    "est abîmée : aucune des parties %(parts)s."
                )
                % {"parts": parts}
            )
        return kind
    return None
