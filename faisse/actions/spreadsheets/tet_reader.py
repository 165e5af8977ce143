"""Read a plan and its action sheets from a Territoires en Transitions workbook (XLSX or
ODS): the template as TeT hands it out, a filled one, TeT's exports, or one Faïsse wrote.

The data sheet is the first with a header (an `Axe (x)` column and an action's title
column) in its first `HEADER_ROWS` rows, whatever its name. Columns are matched by their
folded label (tet_columns), values read strictly (tet_values), the template's furniture
skipped with a warning (tet_template), the tree built by tet_tree. Errors are collected,
up to 20, then the workbook is refused (TetImportError, a PlanImportError), each error
naming the sheet, the row and the column.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.actions.spreadsheets.faisse_sheet import (
    TET_LEVEL_NAMES,
    FaisseSheet,
    is_faisse_sheet,
    read_faisse_sheet,
)
from faisse.actions.spreadsheets.tet_columns import (
    GROUPS,
    LEVEL_ROLES,
    TEXT_ROLES,
    TREE_ROLES,
    Column,
    is_header,
    role_of,
    says_tax_included,
)
from faisse.actions.spreadsheets.tet_fields import FAISSE_ROLES, read_fields
from faisse.actions.spreadsheets.tet_model import (
    KINDS,
    TET_LEVEL_KINDS,
    UNCLASSIFIED,
    SheetFields,
    TetPlan,
    TetWarning,
)
from faisse.actions.spreadsheets.tet_report import Report
from faisse.actions.spreadsheets.tet_template import (
    is_example_row,
    is_help_row,
    is_template_text,
    is_types_row,
)
from faisse.actions.spreadsheets.tet_tree import RowPath, Step, TreeBuilder
from faisse.actions.spreadsheets.tet_values import (
    fold_label,
    line_text,
    split_number,
    strip_number,
)
from faisse.actions.spreadsheets.workbook_rows import open_sheets, workbook_kind
from faisse.core.text import text_problem
from faisse.plans.importer.errors import PlanImportError

HEADER_ROWS = 10
UNCLASSIFIED_CELLS = {"fiche non classee", "fiches non classees"}  # TeT's exports
LEVEL_NAMES = {
    "orientation": gettext_lazy("un sous-axe"),
    "objective": gettext_lazy("un sous-sous-axe"),
}
ABOVE_NAMES = {"axis": gettext_lazy("axe"), "orientation": gettext_lazy("sous-axe")}


def claims_tet_workbook(data: bytes, filename: str) -> bool:
    """Whether a sheet of the workbook has TeT's header in its first rows."""
    if workbook_kind(data, filename) is None:
        return False
    try:
        with open_sheets(data, filename) as sheets:
            return any(has_header(rows) for _name, rows in sheets)
    except PlanImportError:
        return False


def has_header(rows) -> bool:
    for number, cells in rows:
        if number > HEADER_ROWS:
            return False
        if is_header([line_text(cell) for cell in cells]):
            return True
    return False


def read_tet_workbook(data: bytes, filename: str) -> TetPlan:
    plan, faisse, others = None, None, []
    with open_sheets(data, filename) as sheets:
        for name, rows in sheets:
            if is_faisse_sheet(name):
                faisse = read_faisse_sheet(rows)
            elif plan is None:
                plan = SheetReader(name).read(rows)
            elif has_header(rows):
                others.append(name)
    if plan is None:
        raise PlanImportError(
            _(
                "aucune feuille n’a l’en-tête du modèle de Territoires en Transitions (des "
                "colonnes « Axe (x) » et « Titre de l’action ») dans ses %(count)s premières "
                "rangées."
            )
            % {"count": HEADER_ROWS}
        )
    for name in others:
        plan.warnings.append(
            TetWarning(
                0,
                "",
                _(
                    "feuille « %(name)s » non lue : seule la première feuille au format de "
                    "Territoires en Transitions l’est."
                )
                % {"name": name},
            )
        )
    faisse = faisse or FaisseSheet(level_names=TET_LEVEL_NAMES)
    plan.title = plan.title or faisse.title
    plan.level_names = {kind: list(names) for kind, names in faisse.level_names.items()}
    plan.period_start, plan.period_end = faisse.period_start, faisse.period_end
    return plan


class SheetReader:
    def __init__(self, name: str):
        self.report = Report(name)
        self.columns: list[Column] = []
        self.tax_included = False

    def read(self, rows) -> TetPlan | None:
        """The sheet's plan, None when no header comes in its first rows; a row above the
        header with one cell filled (not a group's label) is the plan's title."""
        rows, title = iter(rows), ""
        for number, cells in rows:
            if number > HEADER_ROWS:
                return None
            texts = [line_text(cell) for cell in cells]
            if is_header(texts):
                break
            filled = [text for text in texts if text]
            if len(filled) == 1 and not title and fold_label(filled[0]) not in GROUPS:
                title = filled[0]
        else:
            return None
        self.header = number
        self._match_columns(texts)
        builder = TreeBuilder(self.report, self._new_fields)
        for number, cells in rows:
            self._row(number, cells, builder)
        nodes = builder.finish()
        self.report.raise_errors()
        warnings = sorted(self.report.warnings, key=lambda w: (w.row, len(w.column), w.column))
        return TetPlan(title, nodes, warnings)

    def _new_fields(self) -> SheetFields:
        return SheetFields(amounts_include_tax=self.tax_included)

    # Columns ---------------------------------------------------------------------------

    def _match_columns(self, labels: list[str]) -> None:
        seen: set[tuple[str, int]] = set()
        financer = None
        for index, label in enumerate(labels):
            if not label:
                continue
            found = role_of(label)
            column = Column(index, label, found[0] if found else "", found[1] if found else 0)
            if found is None:
                self._warn_column(column, _("colonne inconnue, ignorée."))
                continue
            if column.role == "financer":
                financer = column.position
            elif column.role == "amount":
                if financer is None or ("amount", financer) in seen:
                    self._warn_column(column, _("montant sans « Financeur N » avant lui, ignoré."))
                    continue
                column = Column(index, label, "amount", financer)
            if (column.role, column.position) in seen and column.role not in TEXT_ROLES:
                self._warn_column(column, _("colonne en double, ignorée."))
                continue
            seen.add((column.role, column.position))
            self.columns.append(column)
            if column.role in ("amount", "budget_total") and says_tax_included(label):
                self.tax_included = True
        if self.tax_included:
            self.report.warn(
                self.header,
                None,
                _(
                    "les montants du fichier sont TTC : ils sont repris tels quels, sans être "
                    "convertis en HT."
                ),
            )

    def _warn_column(self, column: Column, message: str) -> None:
        self.report.warn(self.header, column, message)

    # Rows ------------------------------------------------------------------------------

    def _row(self, number: int, cells: list, builder: TreeBuilder) -> None:
        texts = [line_text(cell) for cell in cells]
        filled = [text for text in texts if text]
        if not filled:
            return
        skipped = None
        if is_types_row(texts):
            skipped = _("rangée des types de champ du modèle, ignorée.")
        elif is_help_row(texts):
            skipped = _("rangée d’aide du modèle, ignorée.")
        elif number == self.header + 1 and len(filled) == 1 and not self._text(cells, "action"):
            skipped = _("rangée d’une seule cellule (« %(text)s ») sous l’en-tête, ignorée.") % {
                "text": filled[0][:80]
            }
        elif is_example_row(self._text(cells, "action"), self._text(cells, "description")):
            skipped = _("rangée d’exemple du modèle (« %(text)s »), ignorée.") % {
                "text": (self._text(cells, "action") or filled[0])[:60]
            }
        if skipped:
            self.report.warn(number, None, skipped)
            return
        values = self._values(number, cells)
        if not any(column.role in TREE_ROLES for column in values):
            if values:
                self.report.warn(
                    number,
                    None,
                    _("rangée sans axe ni titre d’action, ignorée : « %(cells)s ».")
                    % {"cells": " | ".join(filled)[:80]},
                )
            return
        path = self._path(number, values)
        if path is None:
            return
        fields = None
        if path.action is not None:
            fields = read_fields(number, values, self.report, self._new_fields())
        elif any(column.role not in (*TREE_ROLES, *FAISSE_ROLES) for column in values):
            self.report.warn(
                number, None, _("rangée sans titre d’action : ses autres cellules sont ignorées.")
            )
        builder.add(number, path, fields)

    def _text(self, cells: list, role: str) -> str:
        for column in self.columns:
            if column.role == role and column.index < len(cells):
                return line_text(cells[column.index])
        return ""

    def _values(self, number: int, cells: list) -> dict[Column, object]:
        """The filled cells by column; a help or example text of the template, or a cell
        repeating its column's label, is read as empty (with a warning)."""
        values = {}
        for column in self.columns:
            value = cells[column.index] if column.index < len(cells) else None
            if value is None or (isinstance(value, str) and not line_text(value)):
                continue
            if isinstance(value, str):
                if is_template_text(value):
                    self.report.warn(
                        number,
                        column,
                        _(
                            "texte d’aide ou d’exemple du modèle laissé dans la cellule : lu comme "
                            "vide."
                        ),
                    )
                    continue
                if len(value) < 2 * len(column.label) and fold_label(value) == column.folded:
                    echo = _("la cellule répète le titre de sa colonne : lue comme vide.")
                    self.report.warn(number, column, echo)
                    continue
            values[column] = value
        return values

    # The row's place in the plan -------------------------------------------------------

    def _path(self, number: int, values: dict) -> RowPath | None:
        columns = {column.role: column for column in values}
        titles = {role: self._title(number, values, columns.get(role)) for role in TREE_ROLES}
        structure = columns.get("structure")
        if structure is not None:
            path = self._faisse_path(number, titles, columns, line_text(values[structure]))
            if path is not None:
                return path
            self.report.warn(
                number,
                structure,
                _("ne correspond pas aux colonnes de la rangée : la rangée est lue sans elle."),
            )
        levels, missing = [], None
        for role, kind in zip(LEVEL_ROLES, TET_LEVEL_KINDS, strict=True):
            text = titles[role]
            if fold_label(text) in UNCLASSIFIED_CELLS:
                text = ""
            if text and missing:
                self.report.error(
                    number,
                    columns[role],
                    _("%(level)s sans %(above)s : la colonne « %(label)s » est vide.")
                    % {
                        "level": LEVEL_NAMES[role],
                        "above": ABOVE_NAMES[missing],
                        "label": self._label(missing),
                    },
                )
                return None
            if text:
                levels.append(Step(kind, *split_number(text), columns[role]))
            elif not missing:
                missing = role
        action, sub_action = (
            Step("action", *split_number(titles[role], action=True), columns[role])
            if titles[role]
            else None
            for role in ("action", "sub_action")
        )
        if sub_action is not None and action is None:
            self.report.error(
                number,
                sub_action.column,
                _("une sous-action sans action : la colonne « %(label)s » est vide.")
                % {"label": self._label("action")},
            )
            return None
        if action is not None and not levels:
            levels = [Step("axis", "", UNCLASSIFIED)]
        return RowPath(levels, action, sub_action)

    def _label(self, role: str) -> str:
        found = [column.label for column in self.columns if column.role == role]
        return found[0] if found else role

    def _title(self, number: int, values: dict, column: Column | None) -> str:
        if column is None:
            return ""
        text = line_text(values[column])
        if problem := text_problem(text, "title"):
            self.report.error(number, column, f"{problem}.")
            return text[:100]
        return text

    def _faisse_path(self, number: int, titles: dict, columns: dict, structure: str):
        """The row's path from Faïsse's `Structure (Faïsse)` column: the kinds and the
        numbers of its levels ("axis:1 > objective:1.2 > action:1.2.3"), the titles from
        the cells (levels past the third all in the third, joined by " > "); None if
        they do not match."""
        parsed = []
        for segment in structure.split(">"):
            kind, colon, number_text = segment.strip().partition(":")
            if not colon or kind.strip() not in KINDS:
                return None
            parsed.append((kind.strip(), number_text.strip()))
        levels = [step for step in parsed if step[0] != "action"]
        actions = parsed[len(levels) :]
        if any(kind != "action" for kind, _n in actions) or len(actions) > 2:
            return None
        if len(parsed) > settings.MAX_PLAN_DEPTH:
            return None
        texts = [titles[role] for role in LEVEL_ROLES]
        if len(levels) <= 3:
            level_titles = texts[: len(levels)]
            if any(texts[len(levels) :]):
                return None
        else:
            level_titles = [*texts[:2], *texts[2].split(" > ")]
        if len(level_titles) != len(levels) or not all(level_titles):
            return None
        cells = [columns.get(role) for role in LEVEL_ROLES]
        steps = [
            Step(kind, number_text, strip_number(title, number_text), cells[min(i, 2)])
            for i, ((kind, number_text), title) in enumerate(zip(levels, level_titles, strict=True))
        ]
        found = [(columns[role], titles[role]) for role in ("action", "sub_action") if titles[role]]
        if len(found) != len(actions):
            return None
        return RowPath(
            steps,
            *(
                Step("action", n, strip_number(title, n), column)
                for (column, title), (_kind, n) in zip(found, actions, strict=True)
            ),
        )
