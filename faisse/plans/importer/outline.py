"""The parsed plan, independent of the file it came from and of the database."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from faisse.plans.importer.limits import check_depth, take_node

KINDS = ("axis", "orientation", "objective", "group", "action")


@dataclass(slots=True)
class ParsedNode:
    kind: str
    title: str
    line: int
    number: str = ""
    description: str = ""
    level_name: str = ""  # the document's word for the level ("Enjeu"), if it says one
    level_plural: str = ""
    children: list["ParsedNode"] = field(default_factory=list)
    depth: int = 1  # as known when added; fit_texts recounts it on the finished tree

    def __post_init__(self) -> None:
        take_node(self.line)  # refused past MAX_PLAN_NODES while the file is read

    def add(self, child: "ParsedNode") -> "ParsedNode":
        child.depth = self.depth + 1
        check_depth(child.depth, child.line)
        self.children.append(child)
        return child

    def walk(self):
        """The node and everything under it, in document order (without recursion)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def as_dict(self) -> dict:
        data = {
            "kind": self.kind,
            "level_name": self.level_name,
            "number": self.number,
            "title": self.title,
            "line": self.line,
        }
        if self.description:
            data["description"] = self.description
        data["children"] = [child.as_dict() for child in self.children]
        return data


@dataclass
class ParsedChallenge:
    title: str
    line: int
    points: list[str] = field(default_factory=list)


@dataclass
class ImportWarning:
    line: int
    message: str
    unit: str = "ligne"  # "ligne", "paragraphe", "rangée": how `line` is told

    def __str__(self) -> str:
        return f"{self.unit} {self.line} : {self.message}"


@dataclass(slots=True)
class SourceLine:
    """One line (paragraph, row) of the document as the preview shows it beside the tree."""

    where: int
    text: str
    page: int = 0
    role: str = "text"  # a node's kind when a node starts here; "text", "noise", "furniture"…


@dataclass
class ParsedPlan:
    title: str = ""
    motto: str = ""
    ambition: str = ""
    challenges: list[ParsedChallenge] = field(default_factory=list)
    nodes: list[ParsedNode] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    unit: str = "ligne"
    level_names: dict[str, list[str]] = field(default_factory=dict)  # kind → [sing., plural]
    source: list[SourceLine] = field(default_factory=list)
    # Set by an app's workbook reader (workbooks.py): called by save_plan, inside its
    # transaction, with the plan and [(ParsedNode, PlanNode)], level by level.
    after_save: Callable | None = field(default=None, repr=False, compare=False)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message, self.unit))

    def walk(self):
        for node in self.nodes:
            yield from node.walk()

    def counts(self) -> Counter:
        counts = Counter(dict.fromkeys(KINDS, 0))
        counts.update(node.kind for node in self.walk())
        return counts

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "ambition": {"motto": self.motto, "text": self.ambition},
            "challenges": [{"title": c.title, "points": c.points} for c in self.challenges],
            "level_names": self.level_names,
            "unit": self.unit,  # what each node's "line" counts: ligne, paragraphe, rangée
            "nodes": [node.as_dict() for node in self.nodes],
            "warnings": [
                {"unit": w.unit, "line": w.line, "message": w.message} for w in self.warnings
            ],
        }
