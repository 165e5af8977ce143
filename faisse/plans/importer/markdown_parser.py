"""Parse a plan from a Markdown outline.

# Projet de territoire de …          → the plan's title
## Ambition                          → paragraphs: the ambition; "Devise : …": its motto
## Défis                             → list items: challenges; nested items: their points
## Axe 1 : …                         → an axis (a heading without "Axe N" also is one)
### Orientation 1.1 : …              → an orientation
#### Un objectif                     → an objective (under an objective: a sub-group)
- une action                         → an action (nested: a sub-action)
Plain paragraphs under a heading describe it.
"""

import re

from django.utils.translation import gettext as _

from faisse.core.french import fold
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.limits import iter_lines
from faisse.plans.importer.lines import AXIS, ORIENTATION
from faisse.plans.importer.outline import ParsedChallenge, ParsedNode, ParsedPlan

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?P<text>.+)$")
MOTTO = re.compile(r"^(?:devise\s*:\s*|\*\*)(?P<text>.+?)\**$", re.IGNORECASE)
NEXT_KIND = {
    "axis": "objective",
    "orientation": "objective",
    "objective": "group",
    "group": "group",
}


class _State:
    def __init__(self) -> None:
        self.plan = ParsedPlan()
        self.section = ""  # "ambition", "challenges" or "" (the plan's structure)
        self.stack: list[tuple[int, ParsedNode]] = []  # open headings: (level, node)
        self.items: list[tuple[int, ParsedNode]] = []  # open list items: (indent, node)
        self.paragraphs: list[str] = []

    def current(self) -> ParsedNode | None:
        if self.items:
            return self.items[-1][1]
        return self.stack[-1][1] if self.stack else None


def parse_markdown(text: str) -> ParsedPlan:
    state = _State()
    for number, raw in enumerate(iter_lines(text), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if match := HEADING.match(line):
            _heading(state, number, len(match["hashes"]), match["text"])
        elif match := LIST_ITEM.match(line):
            _list_item(state, number, len(match["indent"].expandtabs(4)), match["text"].strip())
        else:
            _paragraph(state, line.strip())
    plan = state.plan
    plan.ambition = "\n\n".join(state.paragraphs)
    if not plan.nodes:
        raise PlanImportError(
            _("aucune structure de plan reconnue : aucun titre « ## Axe … » dans le Markdown.")
        )
    for node in plan.walk():
        if not node.title:
            plan.warn(node.line, _("élément sans intitulé : à compléter."))
    return plan


def _heading(state: _State, number: int, level: int, text: str) -> None:
    state.items.clear()
    folded = fold(text)
    if level == 1 and not state.plan.title:
        state.plan.title = text
        return
    if folded.startswith("ambition"):
        state.section = "ambition"
        return
    if folded.startswith(("defis", "enjeux")):
        state.section = "challenges"
        return
    state.section = ""
    while state.stack and state.stack[-1][0] >= level:
        state.stack.pop()
    parent = state.stack[-1][1] if state.stack else None
    if match := AXIS.match(text):
        node = ParsedNode("axis", (match["title"] or "").strip(), number, number=match["number"])
    elif match := ORIENTATION.match(text):
        title = (match["title"] or "").strip()
        node = ParsedNode("orientation", title, number, number=match["number"])
    elif parent is None:
        node = ParsedNode("axis", text, number, number=str(len(state.plan.nodes) + 1))
    else:
        node = ParsedNode(NEXT_KIND.get(parent.kind, "group"), text, number)
    if parent is None or node.kind == "axis":
        state.stack.clear()
        state.plan.nodes.append(node)
    else:
        parent.add(node)
    state.stack.append((level, node))


def _list_item(state: _State, number: int, indent: int, text: str) -> None:
    if state.section == "challenges":
        if indent == 0 or not state.plan.challenges:
            state.plan.challenges.append(ParsedChallenge(text, number))
        else:
            state.plan.challenges[-1].points.append(text)
        return
    while state.items and state.items[-1][0] >= indent:
        state.items.pop()
    parent = state.current()
    if parent is None:
        return
    action = parent.add(ParsedNode("action", text, number))
    state.items.append((indent, action))


def _paragraph(state: _State, text: str) -> None:
    if state.section == "ambition":
        if not state.plan.motto and (match := MOTTO.match(text)):
            state.plan.motto = match["text"].strip("* ")
        else:
            state.paragraphs.append(text)
        return
    node = state.current()
    if node is None:
        return
    if state.items:  # a list item's text wrapped on the next line
        node.title = f"{node.title} {text}"
    else:
        node.description = f"{node.description}\n{text}".strip()
