"""The builder, for editors: pages, questions and options of a questionnaire, one form
each, every change a POST that redirects back (no JavaScript)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id
from faisse.plans.models import PlanNode
from faisse.questionnaires import building
from faisse.questionnaires.building import BuildError
from faisse.questionnaires.forms import NewQuestionForm, QuestionForm, SectionForm
from faisse.questionnaires.manage_views import _context, editor, questionnaire_of
from faisse.questionnaires.models import Option, Question, Section


def _back(territory, questionnaire, anchor: str = ""):
    url = reverse("questionnaires_manage:edit", args=[territory.slug, questionnaire.pk])
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _section(questionnaire, pk) -> Section:
    return get_object_or_404(Section, pk=pk, questionnaire=questionnaire)


def _question(questionnaire, pk) -> Question:
    return get_object_or_404(
        Question.objects.select_related("section", "questionnaire__territory"),
        pk=pk,
        questionnaire=questionnaire,
    )


def _refused(request, error: BuildError) -> None:
    messages.error(request, str(error))


@require_POST
@editor
def section_add(request, territory, pk):
    questionnaire = questionnaire_of(territory, pk)
    form = SectionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, _("Nouvelle page : %s") % " ".join(errors))
        return _back(territory, questionnaire)
    try:
        section = building.add_section(
            questionnaire, form.cleaned_data["title"], form.cleaned_data["description"]
        )
    except BuildError as error:
        _refused(request, error)
        return _back(territory, questionnaire)
    messages.success(request, _("Page « %s » ajoutée.") % section.title)
    return _back(territory, questionnaire, f"page-{section.pk}")


@editor
def section_edit(request, territory, pk, section):
    questionnaire = questionnaire_of(territory, pk)
    section = _section(questionnaire, section)
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Page enregistrée."))
        return _back(territory, questionnaire, f"page-{section.pk}")
    context = _context(territory, questionnaire=questionnaire, section=section, form=form)
    status = 400 if form.errors else 200
    return render(request, "questionnaires/manage/section.html", context, status=status)


@require_POST
@editor
def section_move(request, territory, pk, section):
    questionnaire = questionnaire_of(territory, pk)
    section = _section(questionnaire, section)
    try:
        building.move_section(section, request.POST.get("direction", ""))
    except BuildError as error:
        _refused(request, error)
    return _back(territory, questionnaire, f"page-{section.pk}")


@require_POST
@editor
def section_delete(request, territory, pk, section):
    questionnaire = questionnaire_of(territory, pk)
    section = _section(questionnaire, section)
    try:
        if section.questions.exists():
            building.ensure_unlocked(questionnaire)
    except BuildError as error:
        _refused(request, error)
        return _back(territory, questionnaire)
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Supprimer la page « %s » ?") % section.title,
                question=_("Ses %(count)s question(s) seront supprimées avec elle.")
                % {"count": section.questions.count()},
                button=_("Supprimer la page"),
                action=request.path,
                cancel=reverse("questionnaires_manage:edit", args=[territory.slug, pk]),
            ),
            territory,
        )
    section.delete()
    messages.success(request, _("Page « %s » supprimée.") % section.title)
    return _back(territory, questionnaire)


@require_POST
@editor
def question_add(request, territory, pk, section):
    questionnaire = questionnaire_of(territory, pk)
    section = _section(questionnaire, section)
    form = NewQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nouvelle question : donnez son type et son libellé."))
        return _back(territory, questionnaire, f"page-{section.pk}")
    try:
        building.ensure_unlocked(questionnaire)
    except BuildError as error:
        _refused(request, error)
        return _back(territory, questionnaire, f"page-{section.pk}")
    kind = form.cleaned_data["kind"]
    defaults = {}
    if kind == Question.Kind.POINTS:
        defaults["total"] = 100
    if kind == Question.Kind.LIKERT:
        defaults["scale"] = building.default_likert()
    if kind == Question.Kind.MAJORITY_JUDGMENT:
        defaults["scale"] = building.default_grades()
    question = Question(
        territory=territory,
        questionnaire=questionnaire,
        section=section,
        key=building.free_key(questionnaire),
        kind=kind,
        label=" ".join(form.cleaned_data["label"].split()),
        position=building.next_position(section.questions),
        **defaults,
    )
    question.full_clean(exclude=["territory", "questionnaire", "section"])
    question.save()
    messages.success(request, _("Question ajoutée : complétez-la."))
    return redirect("questionnaires_manage:question", territory.slug, questionnaire.pk, question.pk)


@editor
def question_edit(request, territory, pk, question):
    questionnaire = questionnaire_of(territory, pk)
    question = _question(questionnaire, question)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Question enregistrée."))
        return _back(territory, questionnaire, f"question-{question.pk}")
    nodes = building.node_choices(questionnaire) if question.kind in Question.WITH_OPTIONS else []
    context = _context(
        territory,
        questionnaire=questionnaire,
        question=question,
        form=form,
        options=list(question.options.select_related("node")),
        nodes=nodes,
        sections=list(questionnaire.sections.order_by("position", "id")),
        locked=form.locked,
    )
    status = 400 if form.errors else 200
    return render(request, "questionnaires/manage/question.html", context, status=status)


@require_POST
@editor
def question_move(request, territory, pk, question):
    questionnaire = questionnaire_of(territory, pk)
    question = _question(questionnaire, question)
    target = None
    if section_id := posted_id(request.POST.get("section", "")):
        target = _section(questionnaire, section_id)
    try:
        building.move_question(question, request.POST.get("direction", ""), target)
    except BuildError as error:
        _refused(request, error)
    return _back(territory, questionnaire, f"question-{question.pk}")


@require_POST
@editor
def question_delete(request, territory, pk, question):
    questionnaire = questionnaire_of(territory, pk)
    question = _question(questionnaire, question)
    try:
        building.ensure_unlocked(questionnaire)
    except BuildError as error:
        _refused(request, error)
        return _back(territory, questionnaire)
    if not confirmed(request):
        dependents = [q.label for q in question.dependents.all()]
        return ask(
            request,
            Confirmation(
                title=_("Supprimer la question « %s » ?") % question.label,
                question=_("La question et ses choix seront supprimés."),
                details=[_("Ces questions ne dépendront plus d’elle : %s") % ", ".join(dependents)]
                if dependents
                else [],
                button=_("Supprimer la question"),
                action=request.path,
                cancel=reverse("questionnaires_manage:edit", args=[territory.slug, pk]),
            ),
            territory,
        )
    question.delete()
    messages.success(request, _("Question supprimée."))
    return _back(territory, questionnaire)


@require_POST
@editor
def option_add(request, territory, pk, question):
    """New options: lines of text, and nodes of the plan ticked in the tree."""
    questionnaire = questionnaire_of(territory, pk)
    question = _question(questionnaire, question)
    labels = request.POST.get("labels", "").splitlines()
    node_ids = [posted_id(value) for value in request.POST.getlist("nodes")]
    plan = building.plan_of(questionnaire)
    nodes = list(PlanNode.objects.filter(plan=plan, pk__in=[n for n in node_ids if n]))
    order = {pk: index for index, pk in enumerate(node_ids)}
    nodes.sort(key=lambda node: order[node.pk])
    try:
        with transaction.atomic():
            added = building.add_options(question, labels, nodes)
    except BuildError as error:
        _refused(request, error)
    except ValidationError as error:  # a label the text check refuses
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)s choix ajouté(s).") % {"count": added})
    return redirect("questionnaires_manage:question", territory.slug, pk, question.pk)


@require_POST
@editor
def option_change(request, territory, pk, question, option):
    """Rename, move up or down, or delete one option."""
    questionnaire = questionnaire_of(territory, pk)
    question = _question(questionnaire, question)
    option = get_object_or_404(Option, pk=option, question=question)
    action = request.POST.get("action")
    back = redirect("questionnaires_manage:question", territory.slug, pk, question.pk)
    if action in ("up", "down"):
        building.move_option(option, action)
    elif action == "rename":
        label = " ".join(request.POST.get("label", "").split())
        option.label = label
        try:
            option.full_clean(exclude=["question", "territory", "node"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return back
        option.save(update_fields=["label"])
        messages.success(request, _("Choix renommé."))
    elif action == "delete":
        try:
            building.ensure_unlocked(questionnaire)
        except BuildError as error:
            _refused(request, error)
            return back
        option.delete()
        messages.success(request, _("Choix « %s » supprimé.") % option.label)
    return back
