"""Public pages of the questionnaires: the territory's list and each one's presentation.

A public questionnaire is presented to everyone; a questionnaire for a list of members to
the territory's members (the `comment` ability: every role), who answer it with the
personal link they received by e-mail. Drafts are shown to editors in the management
space only (preview).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from faisse.accounts.abilities import territory_abilities
from faisse.accounts.decorators import ability_required
from faisse.questionnaires.models import Questionnaire, Respondent
from faisse.questionnaires.readers import readable, readable_ids
from faisse.questionnaires.respondents import resend_own_link
from faisse.territories.models import Territory


def _visible(questionnaires, abilities):
    if abilities["comment"]:
        return questionnaires
    return questionnaires.filter(audience=Questionnaire.Audience.PUBLIC)


@ability_required("view_public")
def questionnaire_list(request, territory):
    abilities = territory_abilities(request.user, territory)
    questionnaires = _visible(
        Questionnaire.objects.of_territory(territory).published().select_related("step"),
        abilities,
    ).order_by("-opens_on", "-pk")
    questionnaires = list(questionnaires)
    context = {
        "territory": territory,
        "questionnaires": questionnaires,
        "with_results": readable_ids(request, questionnaires, editor=abilities["edit_plan"]),
        "abilities": abilities,
        "nav_current": "process",
    }
    return render(request, "questionnaires/list.html", context)


def _readable(request, territory: Territory, pk: int) -> Questionnaire:
    """A published questionnaire the person may read (404 / login / 403 otherwise)."""
    questionnaire = get_object_or_404(
        Questionnaire.objects.published().select_related("step", "commission"),
        pk=pk,
        territory=territory,
    )
    if not questionnaire.is_public and not territory_abilities(request.user, territory)["comment"]:
        raise PermissionDenied
    return questionnaire


def questionnaire_detail(request, slug, pk):
    territory = get_object_or_404(Territory, slug=slug)
    if not request.user.is_authenticated:
        questionnaire = get_object_or_404(
            Questionnaire.objects.published(), pk=pk, territory=territory
        )
        if not questionnaire.is_public:
            return redirect_to_login(request.get_full_path())
    questionnaire = _readable(request, territory, pk)
    respondent = None
    if request.user.is_authenticated and not questionnaire.is_public:
        respondent = Respondent.objects.filter(
            questionnaire=questionnaire, user=request.user
        ).first()
    abilities = territory_abilities(request.user, territory)
    answered = respondent.answered if respondent is not None else None
    context = {
        "territory": territory,
        "questionnaire": questionnaire,
        "respondent": respondent,
        "status": questionnaire.status(),
        "results_readable": readable(
            request, questionnaire, editor=abilities["edit_plan"], answered=answered
        ),
        "abilities": abilities,
        "nav_current": "process",
    }
    return render(request, "questionnaires/detail.html", context)


@require_POST
@ability_required("comment")
def link_resend(request, territory, pk):
    """A person of the list who lost their e-mail asks for their link again."""
    questionnaire = _readable(request, territory, pk)
    respondent = get_object_or_404(Respondent, questionnaire=questionnaire, user=request.user)
    outcome = resend_own_link(request, respondent)
    if outcome.sent:
        messages.success(request, outcome.message)
    else:
        messages.error(request, outcome.message)
    return redirect("questionnaires:detail", territory.slug, questionnaire.pk)
