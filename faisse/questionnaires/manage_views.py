"""The questionnaires in the management space (/<slug>/gestion/questionnaires/), for
editors: the list, a questionnaire's settings and pages, preview, publication, the known
list and its e-mails, the export of answers."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.questionnaires.building import publication_problems, response_count
from faisse.questionnaires.exporting import download
from faisse.questionnaires.fields import question_field
from faisse.questionnaires.forms import (
    NewQuestionForm,
    QuestionnaireForm,
    ResultsVisibilityForm,
    SectionForm,
)
from faisse.questionnaires.models import Questionnaire, Respondent
from faisse.questionnaires.outline import Outline
from faisse.questionnaires.respondents import REMINDER_GAP, build_list, due, send_links

editor = ability_required("edit_plan")


def questionnaire_of(territory, pk: int) -> Questionnaire:
    return get_object_or_404(
        Questionnaire.objects.select_related("territory", "step", "commission"),
        pk=pk,
        territory=territory,
    )


def _context(territory, **extra) -> dict:
    return {"territory": territory, "nav_current": "manage", **extra}


@editor
def questionnaire_list(request, territory):
    questionnaires = Questionnaire.objects.of_territory(territory).select_related("step")
    return render(
        request,
        "questionnaires/manage/list.html",
        _context(territory, questionnaires=questionnaires.order_by("-created_at", "-pk")),
    )


@editor
def questionnaire_create(request, territory):
    form = QuestionnaireForm(request.POST or None, territory=territory)
    if request.method == "POST" and form.is_valid():
        questionnaire = form.save()
        messages.success(request, _("Questionnaire créé : ajoutez ses pages et ses questions."))
        return redirect("questionnaires_manage:edit", territory.slug, questionnaire.pk)
    status = 400 if form.errors else 200
    context = _context(territory, form=form)
    return render(request, "questionnaires/manage/create.html", context, status=status)


@editor
def questionnaire_edit(request, territory, pk):
    questionnaire = questionnaire_of(territory, pk)
    form = QuestionnaireForm(request.POST or None, instance=questionnaire, territory=territory)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Questionnaire enregistré."))
        return redirect("questionnaires_manage:edit", territory.slug, questionnaire.pk)
    outline = Outline.load(questionnaire)
    context = _context(
        territory,
        questionnaire=questionnaire,
        form=form,
        outline=outline,
        section_form=SectionForm(auto_id="id_section_%s"),  # beside the settings form
        question_form=NewQuestionForm(),
        responses=response_count(questionnaire),
        respondents=questionnaire.respondents.count(),
        problems=publication_problems(questionnaire),
        status=questionnaire.status(),
        visibility_form=ResultsVisibilityForm(instance=questionnaire, auto_id="id_results_%s"),
    )
    status = 400 if form.errors else 200
    return render(request, "questionnaires/manage/edit.html", context, status=status)


@require_POST
@editor
def results_visibility(request, territory, pk):
    """Publish the results to the respondents or to everyone, or keep them to the team."""
    questionnaire = questionnaire_of(territory, pk)
    form = ResultsVisibilityForm(request.POST, instance=questionnaire)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("Résultats : %(visibility)s.")
            % {"visibility": questionnaire.get_results_visibility_display().lower()},
        )
    else:
        messages.error(
            request,
            _("Choisissez qui voit les résultats : l’équipe, ceux qui ont répondu ou tous."),
        )
    url = reverse("questionnaires_manage:edit", args=[territory.slug, questionnaire.pk])
    return redirect(url + "#resultats")


@editor
def questionnaire_preview(request, territory, pk):
    """Every page as the person answering will see it (inputs inert: no form)."""
    questionnaire = questionnaire_of(territory, pk)
    outline = Outline.load(questionnaire)
    pages = [
        (page, [question_field(question, None, "", outline) for question in page.questions])
        for page in outline.pages
    ]
    context = _context(territory, questionnaire=questionnaire, pages=pages, outline=outline)
    return render(request, "questionnaires/manage/preview.html", context)


@require_POST
@editor
def questionnaire_publish(request, territory, pk):
    questionnaire = questionnaire_of(territory, pk)
    problems = publication_problems(questionnaire)
    if problems:
        for problem in problems:
            messages.error(request, problem)
        return redirect("questionnaires_manage:edit", territory.slug, questionnaire.pk)
    with transaction.atomic():
        if questionnaire.published_at is None:
            questionnaire.published_at = timezone.now()
            questionnaire.save(update_fields=["published_at"])
        added = build_list(questionnaire)
    text = _("Questionnaire publié.")
    if not questionnaire.is_public:
        text += " " + _(
            "%(count)s personne(s) sur la liste : envoyez-leur leur lien depuis la page des "
            "personnes interrogées."
        ) % {"count": questionnaire.respondents.count() if added else 0}
    messages.success(request, text)
    return redirect("questionnaires_manage:edit", territory.slug, questionnaire.pk)


@require_POST
@editor
def questionnaire_unpublish(request, territory, pk):
    questionnaire = questionnaire_of(territory, pk)
    if response_count(questionnaire):
        messages.error(
            request, _("Ce questionnaire a des réponses : changez plutôt sa date de clôture.")
        )
    else:
        questionnaire.published_at = None
        questionnaire.save(update_fields=["published_at"])
        messages.success(request, _("Questionnaire revenu au brouillon."))
    return redirect("questionnaires_manage:edit", territory.slug, questionnaire.pk)


@require_POST
@editor
def questionnaire_delete(request, territory, pk):
    questionnaire = questionnaire_of(territory, pk)
    count = response_count(questionnaire)
    if not confirmed(request):
        return ask(
            request,
            Confirmation(
                title=_("Supprimer le questionnaire « %s » ?") % questionnaire.title,
                question=_("Ses questions et ses %(count)s réponse(s) seront effacées.")
                % {"count": count},
                button=_("Supprimer le questionnaire"),
                action=request.path,
                cancel=reverse("questionnaires_manage:edit", args=[territory.slug, pk]),
            ),
            territory,
        )
    questionnaire.delete()
    messages.success(request, _("Questionnaire « %s » supprimé.") % questionnaire.title)
    return redirect("questionnaires_manage:list", territory.slug)


@editor
def respondent_list(request, territory, pk):
    """The known list: who got a link, who was reminded, who answered; and the buttons
    that add newcomers, send the first links and the reminders."""
    questionnaire = questionnaire_of(territory, pk)
    if questionnaire.is_public:
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        base_url = request.build_absolute_uri("/")
        if action == "build":
            added = build_list(questionnaire)
            messages.success(request, _("%(count)s personne(s) ajoutée(s).") % {"count": added})
        elif action in ("send", "remind"):
            if questionnaire.published_at is None:
                messages.error(request, _("Publiez d’abord le questionnaire."))
            else:
                report = send_links(questionnaire, base_url, reminder=action == "remind")
                (messages.warning if report.failed else messages.success)(
                    request, report.message(action == "remind")
                )
        return redirect("questionnaires_manage:respondents", territory.slug, questionnaire.pk)
    respondents = (
        Respondent.objects.filter(questionnaire=questionnaire)
        .select_related("user", "commune")
        .order_by("commune__name", "user__last_name", "user__email")
    )
    context = _context(
        territory,
        questionnaire=questionnaire,
        respondents=respondents,
        unsent=due(questionnaire, reminder=False).count(),
        to_remind=due(questionnaire, reminder=True).count() if questionnaire.is_open() else 0,
        answered=respondents.filter(answered=True).count(),
        gap_days=REMINDER_GAP.days,
    )
    return render(request, "questionnaires/manage/respondents.html", context)


@editor
def answers_export(request, territory, pk, fmt):
    questionnaire = questionnaire_of(territory, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return download(questionnaire, fmt)
