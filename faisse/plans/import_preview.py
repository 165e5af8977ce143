"""What the preview of an import shows, computed in memory from one reading of the
draft's file with its corrections: the recognised tree (folded, one row per node), the
source text a page at a time with what each line became, the counts by level with the
plan's own level names, and the corrections made so far. No query here."""

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.plans.drafts import ImportDraft
from faisse.plans.importer import PlanImportError, parse_upload
from faisse.plans.importer.corrections import LINE_ROLES, Corrections
from faisse.plans.importer.outline import KINDS, ParsedNode, ParsedPlan, SourceLine
from faisse.plans.importer.reading import TEXT_SUFFIXES, decode
from faisse.plans.models import PLURAL_KIND_LABELS, PlanNode, in_sentence

logger = logging.getLogger(__name__)

SOURCE_PAGE_LINES = 200  # lines of the source shown at once
UNIT_SHORT = {"ligne": "l.", "paragraphe": "§", "rangée": gettext_lazy("rangée")}
OTHER_ROLES = {
    "text": gettext_lazy("texte"),
    "noise": gettext_lazy("ignorée"),
    "furniture": gettext_lazy("en-tête, pied ou n° de page"),
    "title": gettext_lazy("titre"),
    "motto": gettext_lazy("devise"),
    "ambition": gettext_lazy("ambition"),
    "challenge": gettext_lazy("défi"),
}


def read_upload(
    data: bytes, name: str, corrections: Corrections | None
) -> tuple[ParsedPlan | None, str]:
    """The plan a file gives with the corrections, or None and why, in French. A file
    that a reader fails on in an unforeseen way is told as such, never a server error."""
    try:
        return parse_upload(data, name, corrections), ""
    except PlanImportError as error:
        return None, str(error)
    except Exception:  # a reader's bug must not lose the editor's page; it is logged
        logger.exception("Import: reading %s failed", name)
        return None, _("le fichier n’a pas pu être lu (erreur inattendue, signalée).")


def read_draft(draft: ImportDraft, corrections: Corrections) -> tuple[ParsedPlan | None, str]:
    return read_upload(bytes(draft.data), draft.file_name, corrections)


def plural_of(singular: str) -> str:
    return singular if singular[-1:].lower() in ("s", "x", "z") else f"{singular}s"


def level_names(parsed: ParsedPlan | None, corrections: Corrections) -> dict[str, tuple]:
    """kind → (singular, plural): Faïsse's names, then the document's, then the editor's."""
    names = {
        kind: (str(PlanNode.Kind(kind).label), str(PLURAL_KIND_LABELS[kind])) for kind in KINDS
    }
    for given in (parsed.level_names if parsed else {}, corrections.names):
        for kind, pair in given.items():
            if kind in names and pair and pair[0]:
                plural = pair[1] if len(pair) > 1 and pair[1] else plural_of(pair[0])
                names[kind] = (pair[0], plural)
    return names


def counted(count: int, pair: tuple) -> str:
    return f"{count} {in_sentence(pair[0] if count <= 1 else pair[1])}"


@dataclass
class NodeRow:
    node: ParsedNode
    index: int  # place in document order, for the page's ids
    depth: int
    level_name: str
    previous: ParsedNode | None  # the node it would be merged into
    content: str = ""  # what it holds, "2 orientations, 12 actions"
    closes: range = range(0)  # levels ended after it (the template closes their lists)
    open: bool = False
    focus: bool = False
    split_done: bool = False
    corrected: bool = False


def tree_rows(
    parsed: ParsedPlan,
    names: dict,
    corrections: Corrections,
    *,
    focus: int | None = None,
    open_all: bool = False,
) -> list[NodeRow]:
    """The tree as a flat list in document order, each row saying how many levels end
    after it (no recursion in the template). Levels are folded but for the path to the
    node at line `focus` (or the last node before it), which gets the page's anchor."""
    rows: list[NodeRow] = []
    parents: dict[int, NodeRow] = {}
    stack: list[tuple[ParsedNode, int, NodeRow | None]] = [
        (node, 0, None) for node in reversed(parsed.nodes)
    ]
    previous = None
    while stack:
        node, depth, parent = stack.pop()
        own = corrections.names.get(node.kind)
        row = NodeRow(
            node=node,
            index=len(rows),
            depth=depth,
            level_name=own[0] if own else node.level_name or names[node.kind][0],
            previous=previous,
            split_done=node.line in corrections.splits,
            corrected=node.line in corrections.roles or node.line in corrections.merges,
        )
        parents[row.index] = parent
        rows.append(row)
        previous = node
        stack.extend((child, depth + 1, row) for child in reversed(node.children))
    _close_levels(rows)
    _count_contents(rows, parents, names)
    target = _focus_row(rows, focus)
    if target is not None:
        target.focus = True
        row = target
        while row is not None:
            row.open = True
            row = parents[row.index]
    if open_all:
        for row in rows:
            row.open = True
    return rows


def _close_levels(rows: list[NodeRow]) -> None:
    """A node with children opens a list that its last descendant closes; a leaf closes
    the lists of the levels the next row goes back up from."""
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        if not row.node.children:
            row.closes = range(max(row.depth - (following.depth if following else 0), 0))


def _count_contents(rows: list[NodeRow], parents: dict, names: dict) -> None:
    counts: dict[int, Counter] = {}
    for row in rows:
        parent = parents[row.index]
        while parent is not None:
            counts.setdefault(parent.index, Counter())[row.node.kind] += 1
            parent = parents[parent.index]
    for index, counter in counts.items():
        rows[index].content = ", ".join(
            counted(counter[kind], names[kind]) for kind in KINDS if counter[kind]
        )


def _focus_row(rows: list[NodeRow], line: int | None) -> NodeRow | None:
    if line is None:
        return None
    before = [row for row in rows if row.node.line <= line]
    return max(before, key=lambda row: (row.node.line, -row.index)) if before else None


@dataclass
class SourceRow:
    where: int
    text: str
    role: str
    role_label: str
    heading: bool
    corrected: bool
    page: int = 0


@dataclass
class SourcePage:
    rows: list[SourceRow] = field(default_factory=list)
    number: int = 1
    count: int = 1
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (page, first, last)
    page_of: dict[int, int] = field(default_factory=dict)  # where → page


def source_lines(parsed: ParsedPlan, draft: ImportDraft, corrections: Corrections):
    """The document's lines with what each became: the importer's, else (a text file
    read before the importer listed its lines) the file's own lines and the nodes'."""
    if parsed.source:
        return parsed.source
    if Path(draft.file_name).suffix.lower() not in TEXT_SUFFIXES:
        return []
    starts = {node.line: node.kind for node in parsed.walk()}
    lines = []
    for where, text in enumerate(decode(bytes(draft.data)).split("\n"), start=1):
        if text.strip():
            role = corrections.roles.get(where) if where not in starts else starts[where]
            lines.append(SourceLine(where=where, text=text, role=role or "text"))
    return lines


def source_page(
    lines: list[SourceLine], names: dict, corrections: Corrections, page: int | None, focus
) -> SourcePage:
    """One page of SOURCE_PAGE_LINES lines: `page`, else the one holding line `focus`."""
    result = SourcePage(count=max(1, -(-len(lines) // SOURCE_PAGE_LINES)))
    for index, line in enumerate(lines):
        result.page_of[line.where] = index // SOURCE_PAGE_LINES + 1
    for number in range(result.count):
        chunk = lines[number * SOURCE_PAGE_LINES : (number + 1) * SOURCE_PAGE_LINES]
        result.pages.append((number + 1, chunk[0].where, chunk[-1].where) if chunk else (1, 0, 0))
    if page is None and focus is not None:
        page = result.page_of.get(focus) or _page_before(result, focus)
    result.number = min(max(page or 1, 1), result.count)
    start = (result.number - 1) * SOURCE_PAGE_LINES
    for line in lines[start : start + SOURCE_PAGE_LINES]:
        result.rows.append(
            SourceRow(
                where=line.where,
                text=line.text,
                role=line.role,
                role_label=role_label(line.role, names),
                heading=line.role in KINDS,
                corrected=line.where in corrections.roles,
                page=line.page,
            )
        )
    return result


def _page_before(result: SourcePage, where: int) -> int:
    pages = [page for page, first, _last in result.pages if first and first <= where]
    return pages[-1] if pages else 1


def role_label(role: str, names: dict) -> str:
    if role in names:
        return in_sentence(names[role][0])
    return str(OTHER_ROLES.get(role, role))


def role_choices(names: dict) -> list[tuple[str, str]]:
    """The select of what a line or a node may be made, named as the plan names levels."""
    labels = {
        "text": _("Texte : description de l’élément précédent"),
        "noise": _("À ignorer (bruit)"),
    }
    return [(role, names[role][0] if role in names else labels[role]) for role in LINE_ROLES]


def summary(parsed: ParsedPlan, names: dict) -> list[str]:
    counts = parsed.counts()
    return [counted(counts[kind], names[kind]) for kind in KINDS if counts[kind]]


@dataclass
class CorrectionItem:
    label: str
    undo: str  # the value of the button that takes it back


def correction_items(corrections: Corrections, names: dict, unit: str) -> list[CorrectionItem]:
    """The corrections made, in the order of the document, each with its undo."""
    items = []
    became = _("%(place)s : devient « %(role)s »")
    merged = _("%(place)s : fusionnée avec l’élément précédent")
    split = _("%(place)s : coupée après le %(offset)se caractère")
    for where, role in corrections.roles.items():
        items.append((where, 0, became, role, f"undo-role:{where}"))
    for where in corrections.merges:
        items.append((where, 1, merged, "", f"undo-merge:{where}"))
    for where, offset in corrections.splits.items():
        items.append((where, 2, split, offset, f"undo-split:{where}"))
    choices = dict(role_choices(names))
    found = []
    for where, _order, text, value, undo in sorted(items):
        values = {"place": f"{unit.capitalize()} {where}", "offset": value}
        values["role"] = choices.get(value, value)
        found.append(CorrectionItem(text % values, undo))
    for kind in corrections.names:
        if kind in names:
            label = _("Niveau « %(kind)s » nommé « %(singular)s » / « %(plural)s »") % {
                "kind": PlanNode.Kind(kind).label,
                "singular": names[kind][0],
                "plural": names[kind][1],
            }
            found.append(CorrectionItem(label, f"undo-name:{kind}"))
    return found
