"""What one import may hold, checked while the document is read, so that a file over
the limits is refused early and in little memory (docs/operations.md, "Limits").

- the file's size: before it is read (`check_size`);
- its characters: NUL and control characters are refused with their line and column;
- the number of elements: counted as the parser creates them (`counting_nodes`), so a
  file of a million list items stops at the first one over `MAX_PLAN_NODES`;
- the depth: refused at the first element deeper than `MAX_PLAN_DEPTH`;
- the lengths: a title over `MAX_TITLE_LENGTH` keeps its beginning and moves whole into
  the description, with a warning; a number over 20 characters goes back into the title,
  with a warning; a description or challenge over the limits is refused with its line.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from faisse.core.text import FORBIDDEN, describe_character, max_length, text_problem
from faisse.plans.importer.errors import PlanImportError

NUMBER_LENGTH = 20  # PlanNode.number
PLAN_FIELD_LENGTH = 255  # Plan.title, Plan.ambition_motto


def check_size(size: int) -> None:
    if size > settings.MAX_UPLOAD_BYTES:
        raise PlanImportError(
            _("le fichier pèse %(size)s, plus que les %(max)s permis.")
            % {
                "size": filesizeformat(size),
                "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
            }
        )


def check_characters(text: str) -> None:
    """Refuse the text at its first forbidden character, naming its line and column."""
    if match := FORBIDDEN.search(text):
        start = match.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise PlanImportError(
            _(
                "ligne %(line)s, colonne %(column)s : %(character)s interdit dans un texte "
                "(fichier abîmé, ou binaire ?)."
            )
            % {
                "line": line,
                "column": column,
                "character": describe_character(match.group()),
            }
        )


def iter_lines(text: str) -> Iterator[str]:
    """The lines of a text, one at a time (str.splitlines would hold them all at once)."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        yield text[start:end]
        start = end + 1


class NodeBudget:
    def __init__(self) -> None:
        self.count = 0

    def take(self, line: int) -> None:
        self.count += 1
        if self.count > settings.MAX_PLAN_NODES:
            raise PlanImportError(
                _(
                    "ligne %(line)s : le document décrit plus de %(max)s éléments (axes, "
                    "orientations, objectifs, actions), le plus qu’un projet puisse en avoir."
                )
                % {"line": line, "max": number_format(settings.MAX_PLAN_NODES, force_grouping=True)}
            )


class ReadingBudget:
    """What a reader may hand over, counted as it reads (before any tree is built): the
    elements a plan may have (headings and list items), and the lines a plan of that
    many elements could need (room left for the ambition and the descriptions)."""

    def __init__(self) -> None:
        self.nodes = NodeBudget()
        self.lines = 0

    def take_line(self, line: int, *, element: bool) -> None:
        if element:
            self.nodes.take(line)
        self.lines += 1
        if self.lines > 2 * settings.MAX_PLAN_NODES + 1000:
            raise PlanImportError(
                _(
                    "ligne %(line)s : le document a plus de lignes qu’un projet de "
                    "%(max)s éléments ne peut en demander."
                )
                % {"line": line, "max": number_format(settings.MAX_PLAN_NODES, force_grouping=True)}
            )


_budget: ContextVar[NodeBudget | None] = ContextVar("faisse_import_budget", default=None)


@contextmanager
def counting_nodes() -> Iterator[NodeBudget]:
    """Inside, every ParsedNode created counts against MAX_PLAN_NODES."""
    budget = NodeBudget()
    token = _budget.set(budget)
    try:
        yield budget
    finally:
        _budget.reset(token)


def take_node(line: int) -> None:
    budget = _budget.get()
    if budget is not None:
        budget.take(line)


def check_depth(depth: int, line: int) -> None:
    if depth > settings.MAX_PLAN_DEPTH:
        raise PlanImportError(
            _(
                "ligne %(line)s : le plan dépasse %(max)s niveaux d’imbrication (axe, "
                "orientation, objectif… jusqu’aux sous-actions)."
            )
            % {"line": line, "max": settings.MAX_PLAN_DEPTH}
        )


def fit_texts(plan) -> None:
    """Check the parsed plan against the database's limits, before anything is written:
    repair with a warning what can be repaired without losing text, refuse the rest."""
    _fit_plan_fields(plan)
    for challenge in plan.challenges:
        for text in (challenge.title, *challenge.points):
            if problem := text_problem(text, "title"):
                raise PlanImportError(
                    _("ligne %(line)s : défi %(problem)s.")
                    % {"line": challenge.line, "problem": problem}
                )
    stack = [(node, 1) for node in plan.nodes]
    while stack:
        node, depth = stack.pop()
        check_depth(depth, node.line)
        _fit_node(plan, node)
        stack.extend((child, depth + 1) for child in node.children)


def _fit_plan_fields(plan) -> None:
    if len(plan.title) > PLAN_FIELD_LENGTH:
        raise PlanImportError(
            _("titre du projet trop long (%(max)s caractères au plus) : indiquez-en un (--title).")
            % {"max": PLAN_FIELD_LENGTH}
        )
    if len(plan.motto) > PLAN_FIELD_LENGTH:
        plan.warn(1, _("devise trop longue : placée au début de l’ambition, à raccourcir."))
        plan.ambition = "\n\n".join(filter(None, [plan.motto, plan.ambition]))
        plan.motto = ""
    if problem := text_problem(plan.ambition, "text"):
        raise PlanImportError(_("ambition %(problem)s.") % {"problem": problem})


def _fit_node(plan, node) -> None:
    if len(node.number) > NUMBER_LENGTH:
        plan.warn(
            node.line,
            _("numéro de plus de %(max)s caractères : laissé dans l’intitulé, à vérifier.")
            % {"max": NUMBER_LENGTH},
        )
        node.title = f"{node.number} {node.title}".strip()
        node.number = ""
    if len(node.title) > max_length("title"):
        plan.warn(
            node.line,
            _(
                "intitulé de %(length)s caractères (%(max)s au plus) : le texte entier est "
                "placé dans la description et l’intitulé raccourci, à reprendre."
            )
            % {
                "length": number_format(len(node.title), force_grouping=True),
                "max": number_format(max_length("title"), force_grouping=True),
            },
        )
        node.description = "\n\n".join(filter(None, [node.title, node.description]))
        node.title = Truncator(node.title).chars(max_length("title"))
    if problem := text_problem(node.description, "text"):
        raise PlanImportError(
            _("ligne %(line)s : description %(problem)s.") % {"line": node.line, "problem": problem}
        )
