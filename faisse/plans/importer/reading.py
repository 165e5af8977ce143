"""Read an uploaded or named file as text, refusing what is not a text outline."""

from pathlib import Path

from django.utils.translation import gettext as _

from faisse.plans.importer.errors import PlanImportError

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252 as Word exports it."""
    if not data.strip():
        raise PlanImportError(_("le fichier est vide."))
    if len(data) > MAX_BYTES:
        raise PlanImportError(_("le fichier dépasse %(max)s Mo.") % {"max": MAX_BYTES >> 20})
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100:
        raise PlanImportError(
            _(
                "ce n’est pas un fichier texte (fichier binaire ?) ; "
                "formats lus : texte brut (.txt) ou Markdown (.md)."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_file(path: Path) -> str:
    if not path.exists():
        raise PlanImportError(_("fichier introuvable."))
    if path.is_dir():
        raise PlanImportError(_("c’est un dossier, pas un fichier."))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PlanImportError(
            _("fichier illisible (%(error)s).") % {"error": error.strerror}
        ) from error
    return decode(data)


def is_markdown(path_name: str, text: str) -> bool:
    if Path(path_name).suffix.lower() in {".md", ".markdown"}:
        return True
    return any(line.startswith("# ") for line in text.splitlines()[:50])
