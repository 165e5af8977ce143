"""Editors prepare the meetings (/<slug>/gestion/reunions/): create, edit, delete, the
registrations and waiting list, attendance, minutes, the plan's elements discussed."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from faisse.accounts.decorators import ability_required
from faisse.core.confirmation import Confirmation, ask, confirmed
from faisse.core.posted import posted_id
from faisse.meetings import emails
from faisse.meetings.forms import AttendanceForm, MeetingForm, MinutesForm
from faisse.meetings.models import Meeting, Registration
from faisse.meetings.registering import capacity_changed
from faisse.meetings.topics import node_choices
from faisse.plans.models import PlanNode

editor_required = ability_required("edit_plan")
PAST_PER_PAGE = 30


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _meeting(territory, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.for_listing(), pk=pk, territory=territory)
    meeting.territory = territory
    return meeting


def _render(request, template: str, territory, context: dict, status: int = 200):
    context = {"territory": territory, "nav_current": "manage", **context}
    return render(request, f"meetings/manage/{template}.html", context, status=status)


@editor_required
def meeting_list(request, territory):
    meetings = Meeting.objects.of_territory(territory).for_listing()
    now = timezone.now()
    past = Paginator(meetings.past(now), PAST_PER_PAGE).get_page(request.GET.get("page"))
    context = {"upcoming": list(meetings.upcoming(now)), "past": past}
    return _render(request, "list", territory, context)


@editor_required
def meeting_create(request, territory):
    form = MeetingForm(request.POST or None, territory=territory)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        messages.success(request, _("Réunion « %s » créée.") % meeting.title)
        return redirect("meetings_manage:list", territory.slug)
    status = 400 if form.errors else 200
    return _render(request, "form", territory, {"form": form}, status)


@editor_required
def meeting_edit(request, territory, pk):
    meeting = _meeting(territory, pk)
    capacity_before = meeting.capacity
    form = MeetingForm(request.POST or None, instance=meeting, territory=territory)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            meeting = form.save()
            if meeting.registration_enabled and meeting.capacity != capacity_before:
                promoted = capacity_changed(meeting, _base_url(request))
                if promoted:
                    messages.info(
                        request,
                        ngettext(
                            "%(count)s personne de la liste d’attente a reçu une place, et un "
                            "e-mail le lui dit.",
                            "%(count)s personnes de la liste d’attente ont reçu une place, et un "
                            "e-mail le leur dit.",
                            len(promoted),
                        )
                        % {"count": len(promoted)},
                    )
        messages.success(request, _("Réunion « %s » enregistrée.") % meeting.title)
        return redirect("meetings_manage:list", territory.slug)
    context = {"form": form, "meeting": meeting}
    return _render(request, "form", territory, context, 400 if form.errors else 200)


@require_POST
@editor_required
def meeting_delete(request, territory, pk):
    meeting = _meeting(territory, pk)
    people = list(meeting.registrations.select_related("user"))
    upcoming = not meeting.has_started()
    if not confirmed(request):
        details = []
        if people:
            details.append(
                ngettext(
                    "%(count)s inscription est effacée avec elle%(notice)s.",
                    "%(count)s inscriptions sont effacées avec elle%(notice)s.",
                    len(people),
                )
                % {
                    "count": len(people),
                    "notice": _(" ; chaque personne en est prévenue par e-mail")
                    if upcoming
                    else "",
                }
            )
        return ask(
            request,
            Confirmation(
                title=_("Supprimer la réunion « %s » ?") % meeting.title,
                question=_("Elle disparaît du site et des calendriers abonnés."),
                details=details,
                button=_("Supprimer la réunion"),
                action=request.path,
                cancel=reverse("meetings_manage:list", args=[territory.slug]),
            ),
            territory,
        )
    with transaction.atomic():
        if upcoming and people:
            addresses = [registration.person_email for registration in people]
            transaction.on_commit(lambda: emails.send_cancelled(meeting, addresses))
        Meeting.objects.filter(pk=meeting.pk).delete()
    messages.success(request, _("Réunion « %s » supprimée.") % meeting.title)
    return redirect("meetings_manage:list", territory.slug)


@editor_required
def registrations(request, territory, pk):
    meeting = _meeting(territory, pk)
    rows = list(meeting.registrations.select_related("user").order_by("created_at", "id"))
    context = {
        "meeting": meeting,
        "registered": [row for row in rows if row.status == Registration.Status.REGISTERED],
        "waiting": [row for row in rows if row.status == Registration.Status.WAITING],
    }
    return _render(request, "registrations", territory, context)


@editor_required
def attendance(request, territory, pk):
    meeting = _meeting(territory, pk)
    form = AttendanceForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Participation enregistrée : « %s ».") % meeting.title)
        return redirect("meetings_manage:list", territory.slug)
    context = {"form": form, "meeting": meeting}
    return _render(request, "attendance", territory, context, 400 if form.errors else 200)


@editor_required
def minutes(request, territory, pk):
    meeting = _meeting(territory, pk)
    form = MinutesForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        if meeting.minutes_published:
            messages.success(request, _("Compte rendu publié : « %s ».") % meeting.title)
        else:
            messages.success(request, _("Compte rendu enregistré en brouillon."))
        return redirect("meetings_manage:list", territory.slug)
    context = {"form": form, "meeting": meeting}
    return _render(request, "minutes", territory, context, 400 if form.errors else 200)


@editor_required
def nodes(request, territory, pk):
    """The elements discussed: checkboxes in the plan's order, narrowed by a search; the
    elements chosen but not shown by the search are kept (hidden fields)."""
    meeting = _meeting(territory, pk)
    query = request.GET.get("q", "")[:200]
    selected = set(meeting.nodes.values_list("pk", flat=True))
    error = ""
    if request.method == "POST":
        values = request.POST.getlist("nodes")
        ids = {posted_id(value) for value in values}
        chosen = PlanNode.objects.filter(territory=territory, pk__in=ids - {None})
        chosen_ids = set(chosen.values_list("pk", flat=True))
        if None in ids or len(chosen_ids) != len(ids):
            error = _(
                "Un des éléments cochés n’existe pas (ou plus) dans ce territoire : rien n’a "
                "été enregistré. Rechargez la page et cochez de nouveau."
            )
        else:
            meeting.nodes.set(chosen_ids)
            Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
            messages.success(
                request,
                ngettext(
                    "%(count)s élément du projet abordé pendant « %(title)s ».",
                    "%(count)s éléments du projet abordés pendant « %(title)s ».",
                    len(chosen_ids),
                )
                % {"count": len(chosen_ids), "title": meeting.title},
            )
            return redirect("meetings_manage:list", territory.slug)
    plan, choices = node_choices(territory, selected, query)
    shown = {choice.node.pk for choice in choices}
    context = {
        "meeting": meeting,
        "plan": plan,
        "choices": choices,
        "hidden": sorted(selected - shown),
        "query": query,
        "error": error,
        "selected_count": len(selected),
    }
    return _render(request, "nodes", territory, context, 400 if error else 200)
