"""Public pages of meetings: the list, a meeting, registering and cancelling, the .ics files.

Every page asks `Reader` which meetings the person may see; the others answer 404.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faisse.accounts.abilities import territory_abilities
from faisse.accounts.throttling import send_wait
from faisse.meetings import calendar, emails
from faisse.meetings.audience import Reader, meeting_or_404
from faisse.meetings.forms import FilterForm, RegistrationRequestForm
from faisse.meetings.models import Meeting, Registration
from faisse.meetings.registering import RegistrationRefused, cancel, cancel_member, register
from faisse.meetings.throttle import request_allowed
from faisse.meetings.tokens import (
    cancel_token,
    read_confirmation,
    registration_of_cancel_token,
)
from faisse.meetings.topics import discussed_nodes
from faisse.territories.models import Territory

PAST_PER_PAGE = 20


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _context(request, slug: str, pk: int | None = None):
    territory = get_object_or_404(Territory, slug=slug)
    reader = Reader.of(request.user, territory)
    meeting = None
    if pk is not None:
        meeting = meeting_or_404(territory, pk, reader, Meeting.objects.for_listing())
        meeting.territory = territory
    return territory, reader, meeting


def _my_statuses(request, meetings) -> dict[int, str]:
    if not request.user.is_authenticated or not meetings:
        return {}
    found = Registration.objects.filter(
        user=request.user, meeting_id__in=[meeting.pk for meeting in meetings]
    )
    return dict(found.values_list("meeting_id", "status"))


def meeting_list(request, slug):
    territory, reader, _meeting = _context(request, slug)
    filters = FilterForm(
        request.GET if request.GET.keys() - {"page"} else None, territory=territory
    )
    meetings = (
        Meeting.objects.of_territory(territory)
        .visible_to(reader)
        .for_listing()
        .filter(**filters.filters())
    )
    now = timezone.now()
    upcoming = list(meetings.upcoming(now))
    past = Paginator(meetings.past(now), PAST_PER_PAGE).get_page(request.GET.get("page"))
    shown = [*upcoming, *past.object_list]
    for meeting in shown:
        meeting.territory = territory
    statuses = _my_statuses(request, shown)
    for meeting in shown:
        meeting.my_status = statuses.get(meeting.pk)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "territory": territory,
        "reader": reader,
        "filters": filters,
        "upcoming": upcoming,
        "past": past,
        "query": query.urlencode(),
        "nav_current": "meetings",
    }
    return render(request, "meetings/list.html", context, status=400 if filters.errors else 200)


def _detail(request, territory, reader, meeting, form=None, status=200):
    drafts = territory_abilities(request.user, territory)["view_drafts"] or reader.editor
    mine = None
    if request.user.is_authenticated:
        mine = meeting.registrations.filter(user=request.user).first()
    if form is None and not request.user.is_authenticated and meeting.audience == "public":
        form = RegistrationRequestForm()
    context = {
        "territory": territory,
        "reader": reader,
        "meeting": meeting,
        "nodes": discussed_nodes(meeting, drafts=drafts),
        "mine": mine,
        "form": form,
        "nav_current": "meetings",
    }
    return render(request, "meetings/detail.html", context, status=status)


def meeting_detail(request, slug, pk):
    territory, reader, meeting = _context(request, slug, pk)
    return _detail(request, territory, reader, meeting)


def _registered_message(request, outcome) -> None:
    waiting = outcome.registration.status == Registration.Status.WAITING
    if not outcome.created:
        text = (
            _("Vous êtes déjà en liste d’attente.") if waiting else _("Vous êtes déjà inscrit·e.")
        )
        messages.info(request, text)
    elif waiting:
        messages.success(
            request,
            _(
                "La réunion est complète : vous êtes en liste d’attente. Si une place se "
                "libère, elle vous revient et un e-mail vous le dit."
            ),
        )
    else:
        messages.success(request, _("Vous êtes inscrit·e."))


@require_POST
def register_view(request, slug, pk):
    territory, reader, meeting = _context(request, slug, pk)
    if request.user.is_authenticated:
        try:
            _registered_message(request, register(meeting, user=request.user))
        except RegistrationRefused as refusal:
            messages.error(request, str(refusal))
        return redirect(meeting.url_for(slug))
    if meeting.audience != Meeting.Audience.PUBLIC:  # pragma: no cover - 404 before
        return redirect_to_login(meeting.url_for(slug))
    if not request_allowed(request):
        messages.error(
            request,
            _("Trop de demandes d’inscription depuis votre connexion : réessayez dans une heure."),
        )
        return _detail(request, territory, reader, meeting, status=429)
    form = RegistrationRequestForm(request.POST)
    if not form.is_valid():
        return _detail(request, territory, reader, meeting, form=form, status=400)
    if not meeting.registration_open():
        messages.error(request, _("Les inscriptions à cette réunion ne sont pas ouvertes."))
        return redirect(meeting.url_for(slug))
    email = form.cleaned_data["email"].strip().lower()
    wait = send_wait("meeting_registration", email)
    if wait:
        messages.error(
            request,
            _(
                "Un lien a déjà été envoyé à %(email)s il y a un instant : vérifiez votre "
                "messagerie (et les indésirables), ou réessayez dans %(seconds)s s."
            )
            % {"email": email, "seconds": wait},
        )
        return _detail(request, territory, reader, meeting, form=form, status=429)
    emails.send_confirmation_request(request, meeting, form.cleaned_data["name"], email)
    messages.success(
        request,
        _(
            "Un e-mail vient de partir à %(email)s : ouvrez le lien qu’il contient pour "
            "confirmer votre inscription."
        )
        % {"email": email},
    )
    return redirect(meeting.url_for(slug))


@require_POST
def cancel_view(request, slug, pk):
    territory, reader, meeting = _context(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(meeting.url_for(slug))
    try:
        if cancel_member(meeting, request.user, _base_url(request)):
            messages.success(request, _("Votre inscription est annulée."))
        else:
            messages.info(request, _("Vous n’étiez pas inscrit·e à cette réunion."))
    except RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(meeting.url_for(slug))


def confirm_view(request, slug, pk, token):
    """The link of the e-mail: opening it (GET) changes nothing, so that mail filters that
    follow links register nobody; the button (POST) registers."""
    territory, reader, meeting = _context(request, slug, pk)
    person = read_confirmation(token, meeting)
    context = {"territory": territory, "meeting": meeting, "person": person}
    if person is not None and request.method == "POST":
        try:
            outcome = register(meeting, name=person[0], email=person[1])
        except RegistrationRefused as refusal:
            context["refusal"] = str(refusal)
        else:
            context["outcome"] = outcome
            context["cancel_token"] = cancel_token(meeting, person[1])
    return render(request, "meetings/confirm.html", context)


def cancel_link_view(request, slug, pk, token):
    territory, reader, meeting = _context(request, slug, pk)
    registration = registration_of_cancel_token(token, meeting)
    context = {"territory": territory, "meeting": meeting, "registration": registration}
    if registration is not None and request.method == "POST":
        try:
            cancel(registration, _base_url(request))
        except RegistrationRefused as refusal:
            context["refusal"] = str(refusal)
        else:
            context["cancelled"] = True
    return render(request, "meetings/cancel_link.html", context)


def _ics(content: bytes, filename: str, request) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-cache" if request.user.is_authenticated else "no-cache"
    return response


def territory_feed(request, slug):
    """The territory's calendar: public meetings for everyone, and for a signed-in member
    the meetings whose audience includes them (drafts never)."""
    territory, reader, _meeting = _context(request, slug)
    meetings = (
        Meeting.objects.of_territory(territory)
        .visible_to(reader)
        .filter(is_published=True)
        .select_related("commune", "commission")
        .defer("commune__boundary")
        .order_by("starts_at", "id")
    )
    content = calendar.calendar(meetings, territory, _base_url(request))
    return _ics(content, f"reunions-{territory.slug}.ics", request)


def meeting_ics(request, slug, pk):
    territory, reader, meeting = _context(request, slug, pk)
    name = meeting.title
    content = calendar.calendar([meeting], territory, _base_url(request), name=name)
    return _ics(content, f"reunion-{meeting.pk}.ics", request)
