"""The plan's tree from TeT's rows: one row per action sheet, each repeating the path.

Each level is keyed by its (number, folded title) under its parent, so that `4.2.
Déployer` and `4.2 : Déployer` are one sous-axe; an action by its path and its title; a
sub-action by its action's key and its own title. TeT refuses an orphan sub-action and
a duplicated action; here the orphan's action is made (with a warning) and a duplicate
is an error naming both rows.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from faisse.actions.spreadsheets.tet_columns import Column
from faisse.actions.spreadsheets.tet_model import SheetFields, TetNode
from faisse.actions.spreadsheets.tet_report import Report
from faisse.actions.spreadsheets.tet_values import fold_label
from faisse.plans.importer.errors import PlanImportError


@dataclass(frozen=True)
class Step:
    """A level, an action or a sub-action of a row, with the column it was read from."""

    kind: str
    number: str
    title: str
    column: Column | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.number, fold_label(self.title)


@dataclass
class RowPath:
    levels: list[Step]
    action: Step | None = None
    sub_action: Step | None = None


class TreeBuilder:
    def __init__(self, report: Report, new_fields: Callable[[], SheetFields]):
        self.report = report
        self.new_fields = new_fields
        self.nodes: list[TetNode] = []
        self.levels: dict[tuple, TetNode] = {}
        self.actions: dict[tuple, TetNode] = {}
        # An action made for an orphan sub-action, until its own row comes (if ever).
        self.made: dict[tuple, tuple[int, Step, Step]] = {}
        self.count = 0

    def add(self, row: int, path: RowPath, fields: SheetFields | None) -> None:
        siblings, key = self.nodes, ()
        for step in path.levels:
            key += (step.key,)
            if (node := self.levels.get(key)) is None:
                node = self._new(TetNode(step.kind, step.number, step.title, row=row))
                self.levels[key] = node
                siblings.append(node)
            siblings = node.children
        if path.action is None:
            return
        action, key = path.action, (*key, ("action", *path.action.key))
        parent = self.actions.get(key)
        if path.sub_action is None:
            if parent is None:
                self.actions[key] = self._action(siblings, action, row, fields)
            elif key in self.made:
                del self.made[key]
                parent.fields, parent.row = fields, row
            else:
                self._duplicate(row, action, parent.row, _("l’action"))
            return
        if parent is None:
            parent = self.actions[key] = self._action(siblings, action, row, self.new_fields())
            self.made[key] = (row, action, path.sub_action)
        sub, sub_key = path.sub_action, (*key, ("action", *path.sub_action.key))
        if (found := self.actions.get(sub_key)) is not None:
            self._duplicate(row, sub, found.row, _("la sous-action"))
            return
        self.actions[sub_key] = self._action(parent.children, sub, row, fields)

    def finish(self) -> list[TetNode]:
        for row, action, sub in self.made.values():
            self.report.warn(
                row,
                sub.column,
                _(
                    "la sous-action « %(sub)s » n’a pas de rangée pour son action « %(action)s » "
                    ": l’action est créée, sans fiche."
                )
                % {"sub": sub.title, "action": action.title},
            )
        return self.nodes

    def _action(self, siblings, step: Step, row: int, fields) -> TetNode:
        node = self._new(TetNode("action", step.number, step.title, row=row, fields=fields))
        siblings.append(node)
        return node

    def _duplicate(self, row: int, step: Step, first: int, what: str) -> None:
        self.report.error(
            row,
            step.column,
            _(
                "%(what)s « %(title)s » est déjà à la rangée %(first)s, au même endroit du plan "
                ": une action n’a qu’une rangée (chaque sous-action a la sienne)."
            )
            % {"what": what, "title": step.title, "first": first},
        )

    def _new(self, node: TetNode) -> TetNode:
        self.count += 1
        if self.count > settings.MAX_PLAN_NODES:
            raise PlanImportError(
                _(
                    "%(where)s : la feuille décrit plus de %(max)s éléments, le plus qu’un projet "
                    "puisse en avoir."
                )
                % {
                    "where": self.report.where(node.row),
                    "max": number_format(settings.MAX_PLAN_NODES, force_grouping=True),
                }
            )
        return node
