"""The structure recogniser: from any document's blocks to a plan, the same way for every
format (see paragraphs.py for the cleaning, levels.py for the levels).

Before the first element of the plan: its title (the document's title, else a first line
that no other line resembles), the ambition (a section "Ambition", its motto — "Devise :"
or a line in bold or in capitals —, its paragraphs) and the challenges (the items of a
section "Défis", or any list there). Then each element hangs under the nearest element
above its level; plain text describes the element above it. An editor's corrections
(corrections.py) are applied on the way: a line's role, then merges and splits.
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.plans.importer.blocks import Document
from faisse.plans.importer.corrections import Corrections
from faisse.plans.importer.levels import Key, always_parents, assign_keys, build_ladder, is_item
from faisse.plans.importer.ocr import is_capitals
from faisse.plans.importer.outline import ParsedChallenge, ParsedNode, ParsedPlan, SourceLine
from faisse.plans.importer.paragraphs import Piece, pieces_of
from faisse.plans.importer.toc import drop_tables_of_contents
from faisse.plans.importer.tree_corrections import tidy
from faisse.plans.importer.vocabulary import (
    MOTTO_PREFIX,
    display_name,
    match_level_word,
    section_of,
)
from faisse.plans.models import PlanNode
from faisse.plans.structure import CHILD_KINDS

RANKS = {"axis": 0, "orientation": 1, "objective": 2, "group": 3, "action": 4}
MOTTO = re.compile(r"^\S.{0,120}$")
MOTTO_WORDS = re.compile(r"\s+[—–-]\s+")


def recognise(document: Document, corrections: Corrections | None = None) -> ParsedPlan:
    corrections = corrections or Corrections()
    plan = ParsedPlan(unit=document.unit)
    for where, message in document.warnings:
        plan.warn(where, message)
    noise = {w for w, role in corrections.roles.items() if role == "noise"}
    pieces, furniture = pieces_of(document, noise, plan.warn)
    roles: dict[int, str] = dict.fromkeys(furniture, "furniture") | dict.fromkeys(noise, "noise")
    pieces = drop_tables_of_contents(pieces, plan.warn, roles)
    keys = assign_keys(pieces, document.heading_styles, plan.warn)
    _apply_roles(pieces, keys, corrections)
    start = _opening(document, pieces, keys, plan, roles)
    body = pieces[start:]
    ladder = build_ladder(body, keys)
    kinds = ladder.kinds(always_parents(body, keys, ladder))
    if not any(id(piece) in keys for piece in body):
        plan.source = _source(document, roles)
        return plan
    _build(body, keys, kinds, plan, roles)
    tidy(plan, corrections)
    rename_levels(plan, corrections.names)
    for node in plan.walk():
        if not node.title:
            plan.warn(node.line, _("élément sans intitulé : à compléter."))
    plan.source = _source(document, roles)
    return plan


def _apply_roles(pieces: list[Piece], keys: dict, corrections: Corrections) -> None:
    """A role set by an editor wins over the key: ("kind", name) for a node, none for text."""
    for piece in pieces:
        role = corrections.roles.get(piece.where)
        if role == "text":
            keys.pop(id(piece), None)
        elif role in RANKS:
            keys[id(piece)] = ("kind", role)


def _first_node(pieces, keys) -> int:
    """Where the plan's elements start: the first heading (lists before it are the
    challenges) after the opening's sections ("Ambition", "Défis") when the document has
    them before its first numbered heading; else the first list item of a plan made of
    lists only."""
    numbered = next(
        (i for i, p in enumerate(pieces) if id(p) in keys and p.signature.number), len(pieces)
    )
    sections = [i for i, p in enumerate(pieces[:numbered]) if section_of(p.text)]
    after = sections[-1] if sections else -1
    headings = (
        i for i, p in enumerate(pieces) if i > after and id(p) in keys and not is_item(keys[id(p)])
    )
    items = (i for i, p in enumerate(pieces) if i > after and id(p) in keys)
    first = next(headings, None)
    return first if first is not None else next(items, len(pieces))


def _opening(document, pieces, keys, plan: ParsedPlan, roles) -> int:
    """Read the title, ambition and challenges; the index of the first element's piece."""
    first_node = _first_node(pieces, keys)
    plan.title = document.title
    index = 0
    if plan.title and pieces and fold(pieces[0].text) == fold(plan.title):
        roles[pieces[0].where] = "title"  # the title page repeats the properties' title
        keys.pop(id(pieces[0]), None)
        index = 1
        first_node = _first_node(pieces, keys)
    elif not plan.title and pieces and not section_of(pieces[0].text):
        head = pieces[0]
        key = keys.get(id(head))
        same = sum(keys.get(id(p)) == key for p in pieces) if key else 1
        if not head.signature.number and same == 1:
            plan.title = head.text.rstrip(" :")
            roles[head.where] = "title"
            keys.pop(id(head), None)
            index = 1
            subtitle = pieces[1] if len(pieces) > 1 else None
            if (  # a second line in capitals right under a title in capitals: its end
                subtitle is not None
                and is_capitals(head.text)
                and is_capitals(subtitle.text)
                and not subtitle.block.break_before
                and id(subtitle) not in keys
            ):
                plan.title = f"{plan.title} — {subtitle.text}"
                roles[subtitle.where] = "title"
                index = 2
            first_node = _first_node(pieces, keys)
    section = ""  # before any section heading: a preamble
    preamble: list[Piece] = []
    paragraphs: list[str] = []
    for piece in pieces[index:first_node]:
        found = section_of(piece.text)
        if found:
            section = found
            roles[piece.where] = "label"
            continue
        if section == "contents":
            roles[piece.where] = "toc"
        elif section == "challenges" or piece.signature.bullet or piece.block.list_depth >= 0:
            _challenge(piece, plan)
            roles[piece.where] = "challenge"
        elif section == "":
            preamble.append(piece)
        else:
            _ambition(piece, plan, paragraphs, in_section=True)
            roles[piece.where] = "ambition"
    if preamble and any(roles.get(p.where) == "ambition" for p in pieces[index:first_node]):
        for piece in preamble:
            roles[piece.where] = "preamble"
        plan.warn(
            preamble[0].where,
            _("%(count)s paragraphe(s) avant la section « Ambition » non repris.")
            % {"count": len(preamble)},
        )
    else:
        kept = []
        for piece in preamble:
            _ambition(piece, plan, kept, in_section=False)
            roles[piece.where] = "ambition"
        paragraphs = kept + paragraphs
    plan.ambition = "\n\n".join(paragraphs)
    return first_node


def _challenge(piece: Piece, plan: ParsedPlan) -> None:
    title = piece.signature.title if piece.signature.bullet else piece.text
    block = piece.block
    deep = block.list_depth > 0 if block.list_depth >= 0 else block.indent > 0
    if deep and plan.challenges:
        plan.challenges[-1].points.append(title)
    else:
        plan.challenges.append(ParsedChallenge(title, piece.where))


def _ambition(piece: Piece, plan: ParsedPlan, paragraphs: list[str], *, in_section) -> None:
    """A paragraph of the ambition, or its motto, the first one only: "Devise : …"; in an
    "Ambition" section, a short line in bold or in capitals; before any section, only
    words in capitals set apart by dashes ("INNOVATION — IMAGE — AUDACE"), since a
    line in capitals there is as often the document's subtitle."""
    text = piece.text
    motto = MOTTO_PREFIX.sub("", text)
    if in_section:
        looks = (piece.block.bold or is_capitals(text)) and MOTTO.match(text)
    else:
        looks = is_capitals(text) and len(MOTTO_WORDS.split(text)) >= 2
    if not plan.motto and (motto != text or looks):
        plan.motto = motto.strip("* ")
    else:
        paragraphs.append(text)


def _build(body, keys, kinds, plan: ParsedPlan, roles) -> None:
    stack: list[tuple[int, ParsedNode]] = []
    needs_title: ParsedNode | None = None
    for piece in body:
        key: Key | None = keys.get(id(piece))
        if key is None:
            signature = piece.signature
            if signature.word is not None and not signature.number and not signature.title:
                roles[piece.where] = "label"
                plan.warn(piece.where, _("intertitre « %s » sans numéro : ignoré.") % piece.text)
                continue
            if needs_title is not None:
                needs_title.title, needs_title = piece.text, None
                roles[piece.where] = "title_of_node"
                continue
            roles.setdefault(piece.where, "text")
            if stack:
                node = stack[-1][1]
                node.description = f"{node.description}\n{piece.text}".strip()
            else:
                plan.ambition = f"{plan.ambition}\n\n{piece.text}".strip()
            continue
        kind, depth = (key[1], 0) if key[0] == "kind" else kinds[key]
        rank = RANKS[kind] + depth
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        kind = _fitting_kind(kind, parent, piece, plan)
        node = _node(piece, kind)
        roles[piece.where] = kind
        if parent is None:
            plan.nodes.append(node)
        else:
            parent.add(node)
        stack.append((RANKS[kind] + (depth if kind == "action" else 0), node))
        needs_title = node if not node.title and not is_item(key) else None


def _fitting_kind(kind: str, parent: ParsedNode | None, piece: Piece, plan) -> str:
    allowed = CHILD_KINDS[parent.kind if parent else None]
    if kind in allowed:
        return kind
    fitting = min(allowed, key=lambda k: abs(RANKS[k] - RANKS[kind]))
    plan.warn(
        piece.where,
        _("« %(text)s » : élément « %(kind)s » impossible à cet endroit, lu comme « %(fit)s ».")
        % {
            "text": piece.text[:60],
            "kind": PlanNode.Kind(kind).label,
            "fit": PlanNode.Kind(fitting).label,
        },
    )
    return fitting


def _node(piece: Piece, kind: str) -> ParsedNode:
    signature, block = piece.signature, piece.block
    title = signature.title if (signature.is_heading or signature.bullet) else piece.text
    node = ParsedNode(kind, title, piece.where, number=signature.number or block.number)
    if block.level:
        node.level_name, node.level_plural = _level_column_name(block.level)
    elif signature.word is not None:
        node.level_name, node.level_plural = display_name(signature.word, signature.written)
    if block.description:
        node.description = block.description
    return node


def _level_column_name(level: str) -> tuple[str, str]:
    """A spreadsheet's level column ("ENJEU", "Fiche action") as the level's name."""
    if found := match_level_word(level):
        return display_name(found[0], level[: found[1]])
    name = level.strip()[:1].upper() + level.strip()[1:]
    return name, name if name.endswith(("s", "x")) else f"{name}s"


def rename_levels(plan: ParsedPlan, names: dict[str, list[str]]) -> None:
    """The plan's name of each kind: the document's most used word for it."""
    found: dict[str, Counter] = {}
    for node in plan.walk():
        if node.level_name:
            found.setdefault(node.kind, Counter())[node.level_name, node.level_plural] += 1
    for kind, counter in found.items():
        singular, plural = counter.most_common(1)[0][0]
        if singular != PlanNode.Kind(kind).label:
            plan.level_names[kind] = [singular, plural]
    plan.level_names.update({k: list(v) for k, v in names.items() if k in RANKS})
    for node in plan.walk():
        node.level_name = plan.level_names.get(node.kind, [""])[0]


def _source(document: Document, roles: dict[int, str]) -> list[SourceLine]:
    return [
        SourceLine(block.where, block.text, block.page, roles.get(block.where, "text"))
        for block in document.blocks
    ]
