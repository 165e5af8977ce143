"""What editors do to a questionnaire's structure, and the rules they meet.

Once a questionnaire has a response, its structure is locked (questions and options can be
neither added nor removed, nor their kind, key or scale changed): a response must keep
meaning what it meant. Texts, order, dates and audience stay editable. A condition points
to a question of an earlier page, so that a page never depends on itself.
"""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.core.errors import Refusal
from faisse.plans.models import Plan, PlanNode
from faisse.questionnaires.models import Option, Question, Questionnaire, Section


class BuildError(Refusal):
    """A change of structure refused; the message says why."""


def default_likert() -> list[str]:
    return [
        _("Pas du tout d’accord"),
        _("Plutôt pas d’accord"),
        _("Plutôt d’accord"),
        _("Tout à fait d’accord"),
    ]


def default_grades() -> list[str]:
    """The grades of a majority judgment, best first."""
    return [
        _("Excellent"),
        _("Très bien"),
        _("Bien"),
        _("Assez bien"),
        _("Passable"),
        _("Insuffisant"),
        _("À rejeter"),
    ]


def response_count(questionnaire: Questionnaire) -> int:
    return questionnaire.responses.count()


def ensure_unlocked(questionnaire: Questionnaire) -> None:
    count = response_count(questionnaire)
    if count:
        raise BuildError(
            ngettext(
                "Ce questionnaire a déjà %(count)s réponse : ses questions et leurs choix ne "
                "peuvent plus être ajoutés, supprimés ni changés de nature (les textes, oui).",
                "Ce questionnaire a déjà %(count)s réponses : ses questions et leurs choix ne "
                "peuvent plus être ajoutés, supprimés ni changés de nature (les textes, oui).",
                count,
            )
            % {"count": count}
        )


def plan_of(questionnaire: Questionnaire) -> Plan | None:
    """The plan whose nodes options may name: the process's, else the territory's."""
    step = questionnaire.step
    if step is not None and step.process_id and step.process.plan_id:
        return step.process.plan
    return Plan.objects.of_territory(questionnaire.territory).current()


def next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def add_section(questionnaire: Questionnaire, title: str, description: str = "") -> Section:
    ensure_unlocked(questionnaire)
    return Section.objects.create(
        territory_id=questionnaire.territory_id,
        questionnaire=questionnaire,
        title=title,
        description=description,
        position=next_position(questionnaire.sections),
    )


def free_key(questionnaire: Questionnaire) -> str:
    """A key not used yet in the questionnaire: q1, q2…"""
    used = set(questionnaire.questions.values_list("key", flat=True))
    number = len(used) + 1
    while f"q{number}" in used:
        number += 1
    return f"q{number}"


def _swap(items: list, item, direction: str) -> list:
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    return items


def _renumber(model, items: list) -> None:
    for position, item in enumerate(items):
        item.position = position
    model.objects.bulk_update(items, ["position"])


@transaction.atomic
def move_section(section: Section, direction: str) -> None:
    sections = list(section.questionnaire.sections.select_for_update().order_by("position", "id"))
    moved = _swap(sections, next(s for s in sections if s.pk == section.pk), direction)
    _renumber(Section, moved)
    check_conditions(section.questionnaire)


@transaction.atomic
def move_question(question: Question, direction: str = "", section: Section | None = None):
    """Up or down in its page, or to the end of another page of the questionnaire."""
    if section is not None and section.pk != question.section_id:
        question.section = section
        question.position = next_position(section.questions)
        question.save(update_fields=["section", "position"])
    elif direction:
        questions = list(question.section.questions.order_by("position", "id"))
        moved = _swap(questions, next(q for q in questions if q.pk == question.pk), direction)
        _renumber(Question, moved)
    check_conditions(question.questionnaire)


@transaction.atomic
def move_option(option: Option, direction: str) -> None:
    options = list(option.question.options.order_by("position", "id"))
    _renumber(Option, _swap(options, next(o for o in options if o.pk == option.pk), direction))


def add_options(question: Question, labels=(), nodes=()) -> int:
    """Text options (one per label) then plan nodes, after the existing ones."""
    ensure_unlocked(question.questionnaire)
    if question.kind not in Question.WITH_OPTIONS:
        raise BuildError(_("Une question de ce type n’a pas de choix."))
    existing = {label.casefold() for label in question.options.values_list("label", flat=True)}
    position = next_position(question.options)
    new = []
    for label in labels:
        label = " ".join(str(label).split())
        if label and label.casefold() not in existing:
            existing.add(label.casefold())
            new.append(Option(label=label))
    taken = set(question.options.exclude(node=None).values_list("node_id", flat=True))
    for node in nodes:
        if node.pk not in taken:
            taken.add(node.pk)
            new.append(Option(label=node.label, node=node))
    for offset, option in enumerate(new):
        option.territory_id = question.territory_id
        option.question = question
        option.position = position + offset
        option.full_clean(exclude=["question", "territory", "node"])
    Option.objects.bulk_create(new)
    return len(new)


def condition_problem(question: Question) -> str:
    """Why the question's condition is not valid, or "" (see the module's docstring)."""
    source = question.show_if_question
    if source is None:
        return ""
    if source.questionnaire_id != question.questionnaire_id or source.pk == question.pk:
        return _("La condition doit porter sur une autre question de ce questionnaire.")
    if source.kind not in Question.CONDITION_SOURCES:
        return _("Une condition porte sur une question à texte, à choix, à échelle ou commune.")
    if source.section.position >= question.section.position:
        return _(
            "La condition doit porter sur une question d’une page précédente : la page suivante "
            "n’est choisie qu’une fois la page envoyée."
        )
    if source.kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE):
        if question.show_if_option_id is None or question.show_if_option.question_id != source.pk:
            return _("Choisissez la réponse attendue parmi les choix de « %(label)s ».") % {
                "label": source.label
            }
    elif not question.show_if_value.strip():
        return _("Donnez la réponse attendue à « %(label)s ».") % {"label": source.label}
    return ""


def resolve_condition(question: Question, source: Question | None, value: str) -> None:
    """Set the condition from a question and an expected answer as typed (a choice's
    label, a point of the scale or its number, a commune's INSEE code or name)."""
    question.show_if_question = source
    question.show_if_option = None
    question.show_if_value = ""
    if source is None:
        return
    value = " ".join(value.split())
    if source.kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE):
        question.show_if_option = next(
            (o for o in source.options.all() if o.label.casefold() == value.casefold()), None
        )
        if question.show_if_option is None:
            choices = ", ".join(f"« {o.label} »" for o in source.options.all())
            raise BuildError(
                _("« %(value)s » n’est pas un choix de « %(label)s » (choix : %(choices)s).")
                % {"value": value, "label": source.label, "choices": choices or "—"}
            )
    elif source.kind == Question.Kind.COMMUNE:
        commune = source.territory.communes.filter(insee=value).first() or (
            source.territory.communes.filter(name__iexact=value).first()
        )
        if commune is None:
            raise BuildError(
                _("« %(value)s » n’est pas une commune du territoire.") % {"value": value}
            )
        question.show_if_value = commune.insee
    elif source.kind == Question.Kind.LIKERT:
        labels = [label.casefold() for label in source.scale]
        if value.casefold() in labels:
            question.show_if_value = str(labels.index(value.casefold()) + 1)
        elif value.isdecimal() and 1 <= int(value) <= len(labels):
            question.show_if_value = value
        else:
            raise BuildError(
                _("« %(value)s » n’est pas un point de l’échelle de « %(label)s ».")
                % {
                    "value": value,
                    "label": source.label,
                }
            )
    else:
        question.show_if_value = value
    problem = condition_problem(question)
    if problem:
        raise BuildError(problem)


def check_conditions(questionnaire: Questionnaire) -> None:
    """After a move: every condition still points to an earlier page (else refused and
    rolled back by the caller's transaction)."""
    for question in questionnaire.questions.exclude(show_if_question=None).select_related(
        "section", "show_if_question__section", "show_if_option"
    ):
        problem = condition_problem(question)
        if problem:
            raise BuildError(
                _("« %(label)s » : %(problem)s")
                % {
                    "label": question.label,
                    "problem": problem,
                }
            )


def publication_problems(questionnaire: Questionnaire) -> list[str]:
    """What keeps the questionnaire from being published, in French ([] when ready)."""
    problems = []
    if questionnaire.opens_on is None or questionnaire.closes_on is None:
        problems.append(_("Donnez une date d’ouverture et une date de clôture."))
    elif questionnaire.closes_on <= questionnaire.opens_on:
        problems.append(_("La clôture doit suivre l’ouverture."))
    if (
        not questionnaire.is_public
        and questionnaire.group == Questionnaire.Group.COMMISSION
        and questionnaire.commission_id is None
    ):
        problems.append(_("Choisissez la commission interrogée."))
    questions = list(
        questionnaire.questions.select_related(
            "section", "show_if_question__section", "show_if_option"
        ).prefetch_related("options")
    )
    if not questions:
        problems.append(_("Ajoutez au moins une question."))
    for question in questions:
        for problem in question_problems(question):
            problems.append(f"« {question.label} » : {problem}")
    return problems


def question_problems(question: Question) -> list[str]:
    kind = question.kind
    options = list(question.options.all())
    problems = []
    if kind in Question.WITH_OPTIONS and len(options) < 2:
        problems.append(_("donnez au moins deux choix."))
    if kind in Question.WITH_SCALE and len(question.scale) < 2:
        problems.append(_("donnez au moins deux points d’échelle (mentions, colonnes)."))
    if kind == Question.Kind.POINTS and not question.total:
        problems.append(_("donnez le nombre de points à répartir."))
    if condition := condition_problem(question):
        problems.append(condition)
    return problems


def node_choices(questionnaire: Questionnaire) -> list[PlanNode]:
    """The plan's nodes that an option may name, in the tree's order, with `depth`."""
    from faisse.plans.tree import PlanTree

    plan = plan_of(questionnaire)
    if plan is None:
        return []
    tree = PlanTree.load(plan, drafts=True)
    nodes = []
    for entry in tree.walk():
        if entry.shared:
            continue
        entry.node.depth = entry.depth
        nodes.append(entry.node)
    return nodes
