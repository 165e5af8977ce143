"""/<slug>/demarche/: the process as the public reads it — its purpose, its phases and
dated steps with their state (passée, en cours, à venir) and deliverables, and under each
step its meetings, questionnaires and the number of proposals made during it; then the
proposals per commune. The territory home shows the next meetings and the open
questionnaires with the same rules of who sees what.

A constant number of queries: process, steps, deliverables, meetings, questionnaires,
the reader's role and commissions, and the proposal counts (proposals.public).
"""

from django.db.models import Q, Value
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from faisse.accounts.abilities import territory_abilities
from faisse.meetings.audience import Reader
from faisse.meetings.models import Meeting
from faisse.participation.models import Process, ProcessStep
from faisse.participation.process import group_by_phase
from faisse.proposals.public import proposal_counts
from faisse.questionnaires.models import Questionnaire
from faisse.territories.models import Territory

HOME_MEETINGS = 3  # the next meetings the territory home lists


def visible_meetings(request, territory):
    """The meetings the person may see (the meetings app's rule), place and step loaded."""
    meetings = Meeting.objects.of_territory(territory).visible_to(
        Reader.of(request.user, territory)
    )
    return meetings.select_related("commune").defer("commune__boundary")


def visible_questionnaires(request, territory, *, public_results: bool = False):
    """The published questionnaires the person may read (the questionnaires' list rule:
    members read them all, the others the public ones) — with `public_results`, also
    those whose results are published to everyone (the process page links the results).
    Each carries `readable`: whether its own page opens for this person."""
    questionnaires = Questionnaire.objects.of_territory(territory).published()
    member = territory_abilities(request.user, territory)["comment"]
    if not member:
        shown = Q(audience=Questionnaire.Audience.PUBLIC)
        if public_results:
            shown |= Q(results_visibility=Questionnaire.ResultsVisibility.PUBLIC)
        questionnaires = questionnaires.filter(shown)
    return questionnaires.annotate(
        readable=Value(True) if member else Q(audience=Questionnaire.Audience.PUBLIC)
    )


def open_questionnaires(request, territory, now=None) -> list[Questionnaire]:
    now = now or timezone.now()
    questionnaires = visible_questionnaires(request, territory).filter(
        Q(opens_on__isnull=True) | Q(opens_on__lte=now),
        Q(closes_on__isnull=True) | Q(closes_on__gt=now),
    )
    return _with_territory(questionnaires.order_by("closes_on", "pk"), territory)


def next_meetings(request, territory, now=None) -> list[Meeting]:
    meetings = visible_meetings(request, territory).upcoming(now)[:HOME_MEETINGS]
    return _with_territory(meetings, territory)


def _with_territory(rows, territory) -> list:
    """The rows, their territory set (their URLs need its slug) without a query each."""
    rows = list(rows)
    for row in rows:
        row.territory = territory
    return rows


def _attach(request, territory, steps, proposals_by_step: dict) -> None:
    """Each step's meetings, questionnaires and proposal count, in two queries whatever
    their numbers."""
    by_step = {step.pk: step for step in steps}
    for step in steps:
        step.meeting_list, step.questionnaire_list, step.proposal_count = [], [], 0
    meetings = visible_meetings(request, territory).filter(step__in=list(by_step))
    for meeting in _with_territory(meetings.order_by("starts_at", "pk"), territory):
        by_step[meeting.step_id].meeting_list.append(meeting)
    questionnaires = visible_questionnaires(request, territory, public_results=True)
    questionnaires = questionnaires.filter(step__in=list(by_step))
    for questionnaire in _with_territory(questionnaires.order_by("number", "pk"), territory):
        by_step[questionnaire.step_id].questionnaire_list.append(questionnaire)
    for step, count in proposals_by_step.items():
        if step.pk in by_step:
            by_step[step.pk].proposal_count = count


@require_safe
def process_page(request, slug):
    territory = get_object_or_404(Territory, slug=slug)
    process = Process.objects.filter(territory=territory).first()
    steps = []
    by_commune = {}
    if process is not None:
        steps = list(
            ProcessStep.objects.filter(process=process)
            .order_by("position", "starts_on", "id")
            .prefetch_related("deliverables")
        )
        counts = proposal_counts(process)
        _attach(request, territory, steps, counts.by_step)
        by_commune = counts.by_commune
    today = timezone.localdate()
    for step in steps:
        step.current_state = step.state(today)
    context = {
        "territory": territory,
        "process": process,
        "phases": group_by_phase(steps),
        "current": next((s for s in steps if s.current_state == "current"), None),
        "proposals_by_commune": by_commune,
        "nav_current": "process",
    }
    return render(request, "portal/process.html", context)
