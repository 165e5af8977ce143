"""What reading a TeT sheet finds wrong: errors (the import is refused, with up to
`MAX_ERRORS` of them) and warnings, each naming the sheet, the row and the column."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.actions.spreadsheets.tet_columns import Column
from faisse.actions.spreadsheets.tet_model import TetWarning
from faisse.plans.importer.errors import PlanImportError

MAX_ERRORS = 20


class TetImportError(PlanImportError):
    """A TeT workbook refused; `problems` lists each error's message."""

    def __init__(self, problems: list[str], *, stopped: bool = False):
        self.problems = problems
        if len(problems) == 1:
            message = problems[0]
        else:
            message = ngettext(
                "%(count)s erreur dans le fichier :",
                "%(count)s erreurs dans le fichier :",
                len(problems),
            ) % {"count": len(problems)}
            message += "".join(f"\n– {problem}" for problem in problems)
            if stopped:
                message += "\n" + _("(la lecture s’arrête aux %(max)s premières.)") % {
                    "max": MAX_ERRORS
                }
        super().__init__(message)


class Report:
    def __init__(self, sheet: str = ""):
        self.sheet = sheet
        self.errors: list[str] = []
        self.warnings: list[TetWarning] = []

    def where(self, row: int, column: Column | None = None) -> str:
        if column is None:
            return _("feuille « %(sheet)s », rangée %(row)s") % {"sheet": self.sheet, "row": row}
        return _("feuille « %(sheet)s », rangée %(row)s, colonne %(letter)s (« %(label)s »)") % {
            "sheet": self.sheet,
            "row": row,
            "letter": column.letter,
            "label": column.label,
        }

    def error(self, row: int, column: Column | None, message: str) -> None:
        self.errors.append(f"{self.where(row, column)} : {message}")
        if len(self.errors) >= MAX_ERRORS:
            raise TetImportError(self.errors, stopped=True)

    def warn(self, row: int, column: Column | None, message: str) -> None:
        where = (
            self.where(row, column) if row else _("feuille « %(sheet)s »") % {"sheet": self.sheet}
        )
        letter = column.letter if column is not None else ""
        self.warnings.append(TetWarning(row, letter, f"{where} : {message}"))

    def raise_errors(self) -> None:
        if self.errors:
            raise TetImportError(self.errors)
