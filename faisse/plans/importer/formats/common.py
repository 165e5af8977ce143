"""What the binary-format readers share: cleaning a text, turning a library's failure into
a French refusal, and giving a table's or a sheet's columns their role by their label."""

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.core.text import FORBIDDEN
from faisse.plans.importer.blocks import Block
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats.archives import damaged

logger = logging.getLogger(__name__)

SPACES = re.compile(r"\s+")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphen, zero widths


def clean(text: str) -> str:
    """One line of text: control characters and runs of spaces (no-break ones too) made
    one space, soft hyphens and zero-width characters removed."""
    text = INVISIBLE.sub("", FORBIDDEN.sub(" ", text))
    return SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Like `clean`, line by line, keeping the line breaks between non-empty lines."""
    return "\n".join(filter(None, (clean(line) for line in text.split("\n"))))


@contextmanager
def reading(kind: str) -> Iterator[None]:
    """Anything a library raises while reading a `kind` file becomes a PlanImportError
    saying the file is damaged (the cause is logged, for a bug of ours to be seen)."""
    try:
        yield
    except PlanImportError:
        raise
    except MemoryError as error:
        raise PlanImportError(damaged(kind, _("trop de mémoire demandée"))) from error
    except RecursionError as error:
        raise PlanImportError(damaged(kind, _("imbrication trop profonde"))) from error
    except Exception as error:  # the libraries' own exceptions, many and undocumented
        logger.info("unreadable %s file", kind, exc_info=True)
        detail = SPACES.sub(" ", str(error)).strip()[:120] or type(error).__name__
        raise PlanImportError(damaged(kind, detail)) from error


def bare_number(label: str) -> str:
    """A list's displayed number without its punctuation: "1.2." → "1.2", "a)" → "a",
    "(iii)" → "iii", "Axe 2 :" → "Axe 2"."""
    return clean(label).strip(" .,:;)]-–—").lstrip("([").strip()


JUNK_TITLE = re.compile(
    r"^(?:microsoft word - .*|.*\.(?:docx?|odt|pdf|rtf|txt)|(?:document|doc|untitled|"
    r"sans titre|titre|title|diapositive)\s*\d*)$",
    re.IGNORECASE,
)


def usable_title(title: str) -> str:
    """A title from a file's properties, unless it is a file name or a default name."""
    title = clean(title or "")
    return "" if JUNK_TITLE.match(title) else title


# Column roles, by the first word of the label (folded), best word first in each role.
ROLES: dict[str, tuple[str, ...]] = {
    "depth": ("profondeur",),
    "level": ("niveau", "echelon", "type", "nature", "categorie"),
    "number": ("numero", "n°", "no", "n", "num", "code", "reference", "ref", "#"),
    "title": ("intitule", "titre", "libelle", "action", "fiche", "nom", "objet"),
    "description": ("description", "descriptif", "contenu", "detail", "details", "texte"),
}
LABEL_WORD = re.compile(r"[^\W_]+°?|#|°")


def label_words(label: str) -> list[str]:
    """A column label's words, folded: "N° de l’action" → ["n°", "de", "l", "action"]."""
    return LABEL_WORD.findall(fold(label).replace("º", "°"))


def match_columns(labels: Sequence[str], roles: Sequence[str] = tuple(ROLES)) -> dict[str, int]:
    """Each of `roles` found among the labels → its column (0-based); a column takes one
    role, the best-ranked word of a role wins (Intitulé before Nom), then the leftmost."""
    found: dict[str, tuple[int, int]] = {}  # role → (rank of the word, column)
    taken: set[int] = set()
    for role, keywords in ROLES.items():
        if role not in roles:
            continue
        for column, label in enumerate(labels):
            words = label_words(label or "")
            if column in taken or not words or words[0] not in keywords:
                continue
            rank = keywords.index(words[0])
            if role not in found or rank < found[role][0]:
                found[role] = (rank, column)
        if role in found:
            taken.add(found[role][1])
    return {role: column for role, (_rank, column) in found.items()}


def row_block(
    labels: Sequence[str], cells: Sequence[str], columns: dict[str, int], where: int
) -> Block | None:
    """One table or sheet row as a block: its title column as text, its number, level and
    description columns, its other cells as "Label : valeur" lines of the description.
    A row without a title takes its first non-empty cell as text (list_depth -1 when it is
    the only one: a section inside a table, "Axe 2 : Se déplacer"); None when empty."""
    cells = [clean_lines(cell) for cell in cells]
    filled = [column for column, value in enumerate(cells) if value]
    if not filled:
        return None
    columns = dict(columns)
    text = clean(cells[columns["title"]]) if columns.get("title", len(cells)) < len(cells) else ""
    if not text:
        first = filled[0]
        text = clean(cells[first])
        columns = {role: column for role, column in columns.items() if column != first}
        columns["title"] = first

    def cell(role: str) -> str:
        column = columns.get(role)
        return cells[column] if column is not None and column < len(cells) else ""

    used = set(columns.values())
    lines = [cell("description")] if cell("description") else []
    for column in filled:
        if column not in used:
            label = clean(labels[column]) if column < len(labels) else ""
            lines.append(f"{label} : {cells[column]}" if label else cells[column])
    return Block(
        text=text,
        where=where,
        number=clean(cell("number")),
        level=clean(cell("level")),
        description="\n".join(lines),
        break_before=True,
    )


def text_box_warning(where: int, text: str) -> tuple[int, str]:
    """The warning for a text box (DOCX) or frame (ODT) left out of the reading."""
    return (
        where,
        _("zone de texte ignorée (elle n’est pas dans le fil du texte) : « %(text)s ».")
        % {"text": text[:80] + ("…" if len(text) > 80 else "")},
    )
