"""The parsed plan, independent of the file it came from and of the database."""

from collections import Counter
from dataclasses import dataclass, field

KINDS = ("axis", "orientation", "objective", "group", "action")


@dataclass
class ParsedNode:
    kind: str
    title: str
    line: int
    number: str = ""
    description: str = ""
    children: list["ParsedNode"] = field(default_factory=list)

    def add(self, child: "ParsedNode") -> "ParsedNode":
        self.children.append(child)
        return child

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def as_dict(self) -> dict:
        data = {"kind": self.kind, "number": self.number, "title": self.title, "line": self.line}
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

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}"


@dataclass
class ParsedPlan:
    title: str = ""
    motto: str = ""
    ambition: str = ""
    challenges: list[ParsedChallenge] = field(default_factory=list)
    nodes: list[ParsedNode] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

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
            "nodes": [node.as_dict() for node in self.nodes],
            "warnings": [{"line": w.line, "message": w.message} for w in self.warnings],
        }
