"""Zip archives (DOCX, ODT, XLSX, ODS) checked before any library opens them.

Only the archive's directory is read (`zipfile.infolist`), nothing is extracted: an
archive whose members would expand beyond `EXPANSION` times the upload limit, or one
member compressed more than `MAX_RATIO` times (a "zip bomb"), is refused, and so is one
without the part its format cannot do without. The sizes the directory declares are an
upper bound of what the libraries will get: Python's zipfile stops a member at its
declared size and then fails its checksum, so a lying directory only makes a corrupt file.
"""

import io
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from faisse.plans.importer.errors import PlanImportError

EXPANSION = 20  # all members together: at most 20 times MAX_UPLOAD_BYTES once expanded
MAX_RATIO = 100  # one member: at most 100 bytes expanded for each compressed byte…
RATIO_FLOOR = 1 << 20  # … once it is larger than 1 MiB (a small member may be all spaces)
MAX_MEMBERS = 10_000
# One XML part: at most 4 times MAX_UPLOAD_BYTES expanded. The XML libraries hold a part
# whole in memory, about ten times its size: a plan's text never needs more.
XML_PART = 4

# The part each format cannot do without.
MAIN_PARTS = {
    "DOCX": "word/document.xml",
    "ODT": "content.xml",
    "XLSX": "xl/workbook.xml",
    "ODS": "content.xml",
}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
}
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def open_archive(data: bytes, kind: str) -> zipfile.ZipFile:
    """The archive of a `kind` ("DOCX", "ODT", "XLSX", "ODS") file, refused if it is not a
    zip, is abnormally large once expanded, or lacks its main part."""
    if not is_zip(data):
        raise PlanImportError(
            _("ce n’est pas un fichier %(kind)s (une archive zip était attendue).") % {"kind": kind}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # BadZipFile, NotImplementedError, struct.error, EOFError…
        raise PlanImportError(damaged(kind, _("archive zip tronquée ou abîmée"))) from error
    check_members(members, kind)
    main = MAIN_PARTS[kind]
    if main not in archive.NameToInfo:
        raise PlanImportError(damaged(kind, _("la partie %(part)s manque") % {"part": main}))
    return archive


def check_members(members: list[zipfile.ZipInfo], kind: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise PlanImportError(bomb(kind, _("%(count)s fichiers") % {"count": len(members)}))
    total = sum(member.file_size for member in members)
    if total > EXPANSION * settings.MAX_UPLOAD_BYTES:
        raise PlanImportError(bomb(kind, _("%(size)s une fois décompressé") % {"size": _s(total)}))
    for member in members:
        if (
            member.filename.endswith(".xml")
            and member.file_size > XML_PART * settings.MAX_UPLOAD_BYTES
        ):
            raise PlanImportError(
                bomb(
                    kind,
                    _("%(name)s fait %(size)s une fois décompressé")
                    % {"name": member.filename[:80], "size": _s(member.file_size)},
                )
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise PlanImportError(
                bomb(
                    kind,
                    _("%(name)s compressé %(ratio)s fois")
                    % {"name": member.filename[:80], "ratio": int(ratio)},
                )
            )


def zip_kind(data: bytes) -> str | None:
    """Which of the formats read a zip holds, from its members (None if none of them)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.NameToInfo
        if "mimetype" in names and names["mimetype"].file_size < 100:
            mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
            if mimetype in ODF_MIMETYPES:
                return ODF_MIMETYPES[mimetype]
    except Exception:  # BadZipFile, zlib.error, NotImplementedError, RuntimeError (encrypted)…
        return None
    for kind in ("DOCX", "XLSX"):
        if MAIN_PARTS[kind] in names:
            return kind
    return None


def damaged(kind: str, detail: str) -> str:
    return _("fichier %(kind)s abîmé ou illisible : %(detail)s.") % {"kind": kind, "detail": detail}


def bomb(kind: str, detail: str) -> str:
    return _(
        "fichier %(kind)s refusé : archive anormale (bombe de décompression ?), %(detail)s ; "
        "au plus %(max)s une fois décompressé."
    ) % {"kind": kind, "detail": detail, "max": _s(EXPANSION * settings.MAX_UPLOAD_BYTES)}


def _s(size: int) -> str:
    return filesizeformat(size)
