"""A plan as the Territoires en Transitions (TeT) template carries it, at the data level:
what the reader gives and the writer takes, before any model is involved.

Field names of `SheetFields` are those of the ActionSheet model. `row` (where a node was
read) and the warnings are left out of equality, so that a plan written then read again
compares equal to the plan it was made from.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

LEVEL_KINDS = ("axis", "orientation", "objective", "group")
KINDS = (*LEVEL_KINDS, "action")
# TeT's three tree columns, in Faïsse's kinds.
TET_LEVEL_KINDS = ("axis", "orientation", "objective")
UNCLASSIFIED = "Fiches non classées"

STATUSES = (
    "planned",
    "in_progress",
    "done",
    "paused",
    "abandoned",
    "blocked",
    "late",
    "to_discuss",
)
PRIORITIES = ("high", "medium", "low")
PARTICIPATIONS = ("none", "information", "consultation", "concertation", "co_construction")


@dataclass
class TetFunding:
    position: int
    financers: list[str] = field(default_factory=list)
    amount: Decimal | None = None


@dataclass
class TetMilestone:
    title: str
    done: bool = False
    due_on: date | None = None


@dataclass
class TetDocument:
    title: str = ""
    url: str = ""


@dataclass
class SheetFields:
    """An action's sheet: one attribute per ActionSheet field the template carries."""

    description: str = ""
    governance: str = ""
    objectives: str = ""
    resources: str = ""
    funding_notes: str = ""
    indicator_notes: str = ""
    schedule: str = ""
    related_measures: str = ""
    related_actions: str = ""
    additional_notes: str = ""
    expected_effects: list[str] = field(default_factory=list)
    target_audiences: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    sub_themes: list[str] = field(default_factory=list)
    lead_structures: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    lead_services: list[str] = field(default_factory=list)
    pilot_names: list[str] = field(default_factory=list)
    referent_names: list[str] = field(default_factory=list)
    participation: str = ""  # "" or one of PARTICIPATIONS
    fundings: list[TetFunding] = field(default_factory=list)
    budget_total: Decimal | None = None
    amounts_include_tax: bool = False  # the file's amount columns say TTC
    status: str = ""  # "" or one of STATUSES
    priority: str = ""  # "" or one of PRIORITIES
    start_date: date | None = None
    end_date: date | None = None
    continuous: bool = False
    milestones: list[TetMilestone] = field(default_factory=list)
    documents: list[TetDocument] = field(default_factory=list)
    # Faïsse's own columns: the id of the action it was exported from (a repeated id is
    # a shared placement), and the kinds and numbers of its path as read (structure_of;
    # the reader applies it to the tree, the writer writes it from the tree, hence it
    # takes no part in equality).
    faisse_id: str = ""
    structure: str = field(default="", compare=False)


@dataclass
class TetNode:
    """An axis, sous-axe, sous-sous-axe (or, from a Faïsse file, any level kind) or an
    action; a sub-action is an action whose parent is an action."""

    kind: str
    number: str
    title: str
    children: list["TetNode"] = field(default_factory=list)
    row: int = field(default=0, compare=False)  # 1-based row of the sheet
    fields: SheetFields | None = None  # actions only

    @property
    def is_action(self) -> bool:
        return self.kind == "action"


@dataclass
class TetWarning:
    """Something read but not as written, in French; `row` is 1-based (0: the file),
    `column` a letter ("AA") or ""."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class TetPlan:
    title: str = ""
    nodes: list[TetNode] = field(default_factory=list)
    warnings: list[TetWarning] = field(default_factory=list, compare=False)
    # {kind: [singular, plural]} as Plan.level_names; TeT's names unless a Faïsse sheet
    # says otherwise.
    level_names: dict[str, list[str]] = field(default_factory=dict)
    period_start: int | None = None
    period_end: int | None = None

    def walk(self) -> Iterator[tuple[list[TetNode], TetNode]]:
        """Every node depth first, in order, with the nodes above it."""
        stack: list[tuple[list[TetNode], TetNode]] = [([], n) for n in reversed(self.nodes)]
        while stack:
            path, node = stack.pop()
            yield path, node
            stack.extend(([*path, node], child) for child in reversed(node.children))

    def counts(self) -> dict[str, int]:
        """Axes, sous-axes, sous-sous-axes (by kind), actions and sub-actions."""
        counts = dict.fromkeys((*KINDS, "sub_action"), 0)
        for path, node in self.walk():
            sub = node.is_action and bool(path) and path[-1].is_action
            counts["sub_action" if sub else node.kind] += 1
        return counts

    def actions(self) -> list[TetNode]:
        return [node for _path, node in self.walk() if node.is_action]


def structure_of(path: list[TetNode], node: TetNode) -> str:
    """Faïsse's column `Structure (Faïsse)`: the kinds and numbers from the top of the
    plan down to the node, "axis:1 > objective:1.2 > action:1.2.3"."""
    return " > ".join(f"{n.kind}:{n.number}" for n in [*path, node])
