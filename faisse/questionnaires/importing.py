"""A questionnaire from a JSON description (`faisse import_questionnaire`, docs/questionnaires.md):

    {"title", "description", "audience": "members"|"public", "anonymous": bool,
     "opens_on", "closes_on", "questions": [{"key", "type", "label", "required", "options",
     "max_choices", "grades", "total", "scale", "rows", "columns",
     "show_if": {"question", "equals"}}]}

and, optionally, "group" (all, elected, partners, commission), "commission" (its name),
"results_visibility", "number"; per question "help" and "section" (the title of its page:
consecutive questions with the same section share a page). An option is a text or
{"node": id} (a node of the territory's plans). A question whose condition is on its own
page starts a new page, since a condition is evaluated when a page is sent.

Everything is checked before anything is written; an error names the question.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from faisse.accounts.models import Commission
from faisse.core.errors import Refusal
from faisse.plans.models import PlanNode
from faisse.questionnaires.building import (
    BuildError,
    default_grades,
    question_problems,
    resolve_condition,
)
from faisse.questionnaires.models import Option, Question, Questionnaire, Section

Kind = Question.Kind
QUESTIONNAIRE_KEYS = {
    "title", "description", "audience", "anonymous", "opens_on", "closes_on", "questions",
    "group", "commission", "results_visibility", "number",
}  # fmt: skip
QUESTION_KEYS = {
    "key", "type", "label", "required", "options", "max_choices", "grades", "total", "scale",
    "rows", "columns", "show_if", "help", "section", "multiple",
}  # fmt: skip


class QuestionnaireImportError(Refusal):
    """The file is refused; the message says where."""


def _moment(value, name: str, end_of_day: bool = False):
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise QuestionnaireImportError(
            _("« %(name)s » : une date ISO 8601 est attendue.") % {"name": name}
        )
    day = parse_date(value) if len(value) == 10 else None  # a day alone: its start or end
    if day is not None:
        moment = datetime.combine(day, time(23, 59) if end_of_day else time.min)
    else:
        moment = parse_datetime(value)
    if moment is None:
        raise QuestionnaireImportError(
            _("« %(name)s » : « %(value)s » n’est pas une date ISO 8601 (2018-01-15T09:00).")
            % {"name": name, "value": value[:40]}
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _labels(value, where: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise QuestionnaireImportError(
            _("%(where)s : « %(what)s » doit être une liste de textes.")
            % {"where": where, "what": what}
        )
    return [" ".join(item.split()) for item in value]


def _where(index: int, spec: dict) -> str:
    key = spec.get("key") if isinstance(spec, dict) else None
    return _("question %(number)s (clé « %(key)s »)") % {"number": index + 1, "key": key or "?"}


def _settings(data: dict, territory) -> Questionnaire:
    unknown = set(data) - QUESTIONNAIRE_KEYS
    if unknown:
        raise QuestionnaireImportError(
            _("Clés inconnues : %(keys)s.") % {"keys": ", ".join(sorted(unknown))}
        )
    audience = data.get("audience", "members")
    if audience not in Questionnaire.Audience.values:
        raise QuestionnaireImportError(_("« audience » vaut « members » ou « public »."))
    group = "" if audience == "public" else data.get("group", Questionnaire.Group.ELECTED)
    if audience != "public" and group not in Questionnaire.Group.values:
        raise QuestionnaireImportError(_("« group » vaut all, elected, partners ou commission."))
    commission = None
    if group == Questionnaire.Group.COMMISSION:
        commission = Commission.objects.filter(
            territory=territory, name__iexact=str(data.get("commission", ""))
        ).first()
        if commission is None:
            raise QuestionnaireImportError(_("« commission » : aucune commission de ce nom."))
    visibility = data.get("results_visibility", Questionnaire.ResultsVisibility.NONE)
    if visibility not in Questionnaire.ResultsVisibility.values:
        raise QuestionnaireImportError(
            _("« results_visibility » vaut none, respondents ou public.")
        )
    if not isinstance(data.get("anonymous", False), bool):
        raise QuestionnaireImportError(_("« anonymous » vaut true ou false."))
    questionnaire = Questionnaire(
        territory=territory,
        title=" ".join(str(data.get("title", "")).split()),
        description=str(data.get("description", "")),
        number=data.get("number"),
        audience=audience,
        group=group,
        commission=commission,
        anonymous=data.get("anonymous", False),
        opens_on=_moment(data.get("opens_on"), "opens_on"),
        closes_on=_moment(data.get("closes_on"), "closes_on", end_of_day=True),
        results_visibility=visibility,
    )
    try:
        questionnaire.full_clean(exclude=["territory", "step", "commission"])
    except ValidationError as error:
        raise QuestionnaireImportError(_describe(error)) from error
    opens_on, closes_on = questionnaire.opens_on, questionnaire.closes_on
    if opens_on and closes_on and closes_on <= opens_on:
        raise QuestionnaireImportError(_("« closes_on » doit suivre « opens_on »."))
    return questionnaire


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(
            f"« {name} » : {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _options(spec: dict, kind: str, where: str, nodes: dict) -> list[tuple[str, object]]:
    raw = spec.get("rows") if kind == Kind.MATRIX else spec.get("options")
    name = "rows" if kind == Kind.MATRIX else "options"
    if kind not in Question.WITH_OPTIONS:
        if raw:
            raise QuestionnaireImportError(
                _("%(where)s : ce type de question n’a pas d’« options ».") % {"where": where}
            )
        return []
    if not isinstance(raw, list) or len(raw) < 2:
        raise QuestionnaireImportError(
            _("%(where)s : « %(name)s » doit donner au moins deux choix.")
            % {"where": where, "name": name}
        )
    found = []
    for item in raw:
        if isinstance(item, str) and item.strip():
            found.append((" ".join(item.split()), None))
        elif isinstance(item, dict) and isinstance(item.get("node"), int):
            node = nodes.get(item["node"])
            if node is None:
                raise QuestionnaireImportError(
                    _("%(where)s : l’élément de projet n° %(id)s n’est pas de ce territoire.")
                    % {"where": where, "id": item["node"]}
                )
            found.append((str(item.get("label") or node.label), node))
        else:
            raise QuestionnaireImportError(
                _('%(where)s : un choix est un texte ou {"node": id}.') % {"where": where}
            )
    labels = [label.casefold() for label, _node in found]
    if len(set(labels)) != len(labels):
        raise QuestionnaireImportError(
            _("%(where)s : deux choix ont le même libellé.") % {"where": where}
        )
    return found


def _scale(spec: dict, kind: str, where: str) -> list[str]:
    if kind == Kind.LIKERT:
        scale = spec.get("scale", 5)
        if isinstance(scale, int) and not isinstance(scale, bool) and 2 <= scale <= 11:
            return [str(point) for point in range(1, scale + 1)]
        return _labels(scale, where, "scale")
    if kind == Kind.MAJORITY_JUDGMENT:
        return _labels(spec.get("grades") or default_grades(), where, "grades")
    if kind == Kind.MATRIX:
        return _labels(spec.get("columns"), where, "columns")
    return []


def _number(spec: dict, name: str, where: str) -> int | None:
    value = spec.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise QuestionnaireImportError(
            _("%(where)s : « %(name)s » doit être un nombre entier positif.")
            % {"where": where, "name": name}
        )
    return value


def _question(spec, index: int, nodes: dict) -> tuple[Question, list]:
    where = _where(index, spec)
    if not isinstance(spec, dict):
        raise QuestionnaireImportError(_("%(where)s : un objet est attendu.") % {"where": where})
    unknown = set(spec) - QUESTION_KEYS
    if unknown:
        raise QuestionnaireImportError(
            _("%(where)s : clés inconnues : %(keys)s.")
            % {"where": where, "keys": ", ".join(sorted(unknown))}
        )
    kind = spec.get("type")
    if kind not in Kind.values:
        raise QuestionnaireImportError(
            _("%(where)s : « type » vaut %(kinds)s.")
            % {"where": where, "kinds": ", ".join(Kind.values)}
        )
    max_choices = _number(spec, "max_choices", where)
    if kind == Kind.MATRIX and spec.get("multiple") is True and max_choices is None:
        max_choices = len(spec.get("columns") or [])
    question = Question(
        key=str(spec.get("key", "")),
        kind=kind,
        label=" ".join(str(spec.get("label", "")).split()),
        help_text=str(spec.get("help", "")),
        required=spec.get("required") is True,
        max_choices=max_choices,
        total=_number(spec, "total", where) or (100 if kind == Kind.POINTS else None),
        scale=_scale(spec, kind, where),
    )
    try:
        question.full_clean(exclude=["territory", "questionnaire", "section"])
    except ValidationError as error:
        raise QuestionnaireImportError(f"{where} : {_describe(error)}") from error
    return question, _options(spec, kind, where, nodes)


def _pages(questions: list, specs: list) -> list[tuple[str, list[int]]]:
    """(title, question indexes) per page: a new page when the section changes, or when a
    question's condition points to a question of the page being filled."""
    pages: list[tuple[str, list[int]]] = []
    current_title = None
    keys_on_page: set[str] = set()
    for index, spec in enumerate(specs):
        title = spec.get("section")
        condition = spec.get("show_if") or {}
        source = condition.get("question") if isinstance(condition, dict) else None
        new_title = title is not None and title != current_title
        if not pages or new_title or (source in keys_on_page):
            if title is None:
                title = _("Questions") if not pages else _("Suite")
            pages.append((str(title), []))
            current_title = title
            keys_on_page = set()
        pages[-1][1].append(index)
        keys_on_page.add(questions[index][0].key)
    return pages


@transaction.atomic
def import_questionnaire(data, territory) -> Questionnaire:
    """Create the questionnaire (a draft, to publish from the builder); all or nothing."""
    if not isinstance(data, dict):
        raise QuestionnaireImportError(_("Le fichier doit contenir un objet JSON."))
    questionnaire = _settings(data, territory)
    specs = data.get("questions")
    if not isinstance(specs, list) or not specs:
        raise QuestionnaireImportError(_("« questions » doit être une liste non vide."))
    nodes = {node.pk: node for node in PlanNode.objects.filter(territory=territory)}
    questions = [_question(spec, index, nodes) for index, spec in enumerate(specs)]
    keys = [question.key for question, _options in questions]
    duplicate = next((key for key in keys if keys.count(key) > 1), None)
    if duplicate:
        raise QuestionnaireImportError(
            _("Deux questions ont la clé « %(key)s ».") % {"key": duplicate}
        )
    questionnaire.save()
    by_key = {}
    for position, (title, indexes) in enumerate(_pages(questions, specs)):
        section = Section.objects.create(
            territory=territory, questionnaire=questionnaire, title=title[:255], position=position
        )
        for order, index in enumerate(indexes):
            question, options = questions[index]
            question.territory = territory
            question.questionnaire = questionnaire
            question.section = section
            question.position = order
            question.save()
            Option.objects.bulk_create(
                Option(
                    territory=territory, question=question, position=rank, label=label, node=node
                )
                for rank, (label, node) in enumerate(options)
            )
            by_key[question.key] = question
    for index, spec in enumerate(specs):
        condition = spec.get("show_if")
        if not condition:
            continue
        question = by_key[spec["key"]]
        where = _where(index, spec)
        if not isinstance(condition, dict) or condition.get("question") not in by_key:
            raise QuestionnaireImportError(
                _(
                    '%(where)s : « show_if » nomme une question précédente : {"question": clé, '
                    '"equals": valeur}.'
                )
                % {"where": where}
            )
        try:
            resolve_condition(
                question, by_key[condition["question"]], str(condition.get("equals", ""))
            )
        except BuildError as error:
            raise QuestionnaireImportError(f"{where} : {error}") from error
        question.save()
    for index, spec in enumerate(specs):
        problems = question_problems(by_key[spec["key"]])
        if problems:
            raise QuestionnaireImportError(f"{_where(index, spec)} : {' '.join(problems)}")
    return questionnaire
