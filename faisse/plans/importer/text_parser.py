"""Parse a plan from plain text: a scanned slide deck such as Alès's, or a typed outline.

Recognised: "Axe N : titre", "Orientation N.N : titre" (or the number alone, its title on
the following lines), the slide labels "Orientations" and "Programme d'actions détaillé",
objective headings (lines without bullet), "- " sub-group headings and bulleted actions.
Before the first axis: the title, the motto in capitals, the ambition and its challenges.
When the same axis appears twice, the fuller occurrence gives the nodes and the other
(a summary page) only gives evidence: titles, and which objective goes where.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from faisse.plans.importer import segmentation
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.furniture import find_furniture
from faisse.plans.importer.limits import iter_lines
from faisse.plans.importer.lines import Kind, Line, logical_lines
from faisse.plans.importer.ocr import sentence_case
from faisse.plans.importer.outline import ParsedChallenge, ParsedNode, ParsedPlan

MOTTO_SEPARATOR = re.compile(r"\s+[—–-]\s+")
MOTTO_PART = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,3}$")  # one to four words, letters only


@dataclass
class AxisBlock:
    axis: ParsedNode
    orientations: list[ParsedNode] = field(default_factory=list)
    table_objectives: list[ParsedNode] = field(default_factory=list)
    loose: list[tuple[ParsedNode, ParsedNode]] = field(default_factory=list)
    orientations_label_line: int | None = None

    def objective_count(self) -> int:
        nodes = [n for o in [self.axis, *self.orientations] for n in o.walk()]
        return len(self.table_objectives) + sum(n.kind == "objective" for n in nodes)


def parse_text(text: str) -> ParsedPlan:
    furniture = find_furniture(iter_lines(text))
    lines = logical_lines(text, furniture.lines)
    starts = [i for i, line in enumerate(lines) if line.kind is Kind.AXIS]
    if not starts:
        raise PlanImportError(
            _(
                "aucune structure de plan reconnue : le texte ne contient aucune ligne "
                "« Axe 1 : … » (ni titre Markdown « # »)."
            )
        )
    plan = ParsedPlan()
    for line, message in furniture.warnings:
        plan.warn(line, message)
    for line in lines:
        if line.noise:
            plan.warn(
                line.number,
                _("« %(noise)s » retiré de la fin de la ligne (renvoi de page).")
                % {"noise": line.noise},
            )
    _parse_ambition(lines[: starts[0]], plan)
    ends = [*starts[1:], len(lines)]
    blocks = [_parse_block(lines[start:end]) for start, end in zip(starts, ends, strict=True)]
    _assemble(blocks, plan)
    return plan


def _parse_ambition(lines: list[Line], plan: ParsedPlan) -> None:
    motto_at = next(
        (
            i
            for i, line in enumerate(lines)
            if line.kind is Kind.TEXT
            and line.capitals
            and len(parts := MOTTO_SEPARATOR.split(line.text)) >= 2
            and all(MOTTO_PART.match(part) for part in parts)
        ),
        None,
    )
    if motto_at is None:
        line = lines[0].number if lines else 1
        plan.warn(line, _("ambition non reconnue (aucune devise en capitales) : à compléter."))
        first_text = next((line for line in lines if line.kind is Kind.TEXT), None)
        plan.title = first_text.text.rstrip(" :") if first_text else ""
        return
    previous = next((ln for ln in reversed(lines[:motto_at]) if ln.kind is Kind.TEXT), None)
    plan.title = previous.text.rstrip(" :") if previous else ""
    parts = MOTTO_SEPARATOR.split(lines[motto_at].text)
    plan.motto = " — ".join(sentence_case(part.strip()) for part in parts)
    paragraphs = []
    rest = iter(lines[motto_at + 1 :])
    line = next(rest, None)
    while line is not None and line.kind is Kind.TEXT:
        paragraphs.append(sentence_case(line.text) if line.capitals else line.text)
        line = next(rest, None)
    plan.ambition = "\n\n".join(paragraphs)
    while line is not None and line.kind in (Kind.BULLET, Kind.SUB_POINT):
        if line.kind is Kind.BULLET:
            plan.challenges.append(ParsedChallenge(line.text, line.number))
        elif plan.challenges:
            plan.challenges[-1].points.append(line.text)
        line = next(rest, None)


def _parse_block(lines: list[Line]) -> AxisBlock:
    head = lines[0]
    block = AxisBlock(ParsedNode("axis", head.text, head.number, number=head.label))
    orientation = objective = group = titling = None
    table = False
    for line in lines[1:]:
        if line.kind is Kind.LABEL:
            titling = None
            if line.label == "orientations":
                block.orientations_label_line = line.number
            else:
                table = bool(block.orientations) and not any(o.children for o in block.orientations)
        elif line.kind is Kind.ORIENTATION:
            orientation = ParsedNode("orientation", line.text, line.number, number=line.label)
            block.orientations.append(orientation)
            objective = group = None
            titling = None if line.text else orientation
        elif line.kind is Kind.TEXT and titling is not None:
            titling.title = f"{titling.title} {line.text}".strip()
        elif line.kind is Kind.TEXT or (line.kind is Kind.GROUP and objective is None):
            objective, group = ParsedNode("objective", line.text, line.number), None
            if table:
                block.table_objectives.append(objective)
            else:
                (orientation or block.axis).add(objective)
        elif line.kind is Kind.GROUP:
            group = objective.add(ParsedNode("group", line.text, line.number))
        else:  # a bullet or a sub-point: an action
            action = ParsedNode("action", line.text, line.number)
            if group or objective:
                (group or objective).add(action)
            elif orientation:
                block.loose.append((orientation, action))
            else:
                block.axis.add(action)
    return block


def _assemble(blocks: list[AxisBlock], plan: ParsedPlan) -> None:
    by_number: dict[str, list[AxisBlock]] = defaultdict(list)
    for block in blocks:
        by_number[block.axis.number].append(block)
    for occurrences in by_number.values():
        primary = max(reversed(occurrences), key=AxisBlock.objective_count)
        summaries = [block for block in occurrences if block is not primary]
        plan.nodes.append(_build_axis(primary, summaries, plan))


def _build_axis(primary: AxisBlock, summaries: list[AxisBlock], plan: ParsedPlan) -> ParsedNode:
    axis = primary.axis
    summary_titles = {o.number: o.title for block in summaries for o in block.orientations}
    evidence: dict[str, list[str]] = defaultdict(list)
    for block in summaries:
        for orientation, item in block.loose:
            evidence[orientation.number].append(item.title)
    if not axis.title:
        axis.title = next((b.axis.title for b in summaries if b.axis.title), "")
    if not axis.title:
        plan.warn(
            axis.line,
            _("intitulé de l’axe %(number)s illisible dans le document : à compléter.")
            % {"number": axis.number},
        )
    for orientation in primary.orientations:
        orientation.title = orientation.title or summary_titles.get(orientation.number, "")
        if not orientation.title:
            plan.warn(
                orientation.line,
                _("intitulé de l’orientation %(number)s absent : à compléter.")
                % {"number": orientation.number},
            )
    for orientation, action in primary.loose:
        orientation.add(action)
    objectives = primary.table_objectives
    if objectives and primary.orientations:
        choice = segmentation.assign(primary.orientations, objectives, evidence)
        for objective, index in zip(objectives, choice, strict=True):
            primary.orientations[index].add(objective)
    elif objectives:
        axis.children.extend(objectives)
    if primary.orientations_label_line and not primary.orientations:
        plan.warn(
            primary.orientations_label_line,
            _(
                "axe %(number)s : les intitulés des orientations sont absents du document ; "
                "ses %(count)s objectifs sont rattachés directement à l’axe, à répartir."
            )
            % {"number": axis.number, "count": sum(n.kind == "objective" for n in axis.walk())},
        )
    axis.children = [*primary.orientations, *axis.children]
    return axis
