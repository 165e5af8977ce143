"""API endpoints of the meetings app (GET lists; see docs/meetings.md).

The meetings a caller may see are those the pages show them (faisse.meetings.audience):
the public meetings for everyone, and for a member (a token of the territory, or a
signed-in session) the meetings whose audience includes them; editors see them all,
drafts included.
"""

import re
from datetime import date, datetime, time
from typing import Annotated, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from pydantic import BeforeValidator

from faisse.api.access import access_of, api_abilities, get_territory
from faisse.api.schemas import ErrorOut, NodeKind, ValidationErrorOut
from faisse.meetings.audience import Reader
from faisse.meetings.models import Meeting
from faisse.meetings.topics import discussed_by_meeting

router = Router(tags=["réunions"])
MeetingKind = Literal[tuple(Meeting.Kind.values)]
MeetingAudience = Literal[tuple(Meeting.Audience.values)]
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


def _iso_day(value):
    """Only AAAA-MM-JJ: pydantic alone would also read a number as a Unix time."""
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return value
    raise ValueError("date attendue au format AAAA-MM-JJ")


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Day = Annotated[date, BeforeValidator(_iso_day)]


class MeetingFilters(Schema):
    from_: Day | None = Field(
        None,
        alias="from",
        description="Seulement les réunions qui finissent ce jour-là ou après (AAAA-MM-JJ, "
        "heure de Paris).",
    )
    to: Day | None = Field(
        None,
        description="Seulement les réunions qui commencent ce jour-là ou avant (AAAA-MM-JJ, "
        "heure de Paris).",
    )
    kind: MeetingKind | None = Field(
        None,
        description="Seulement les réunions de cette nature : atelier (workshop), audition "
        "(hearing), réunion publique (public_meeting), réunion des partenaires (partners), "
        "conseil communautaire (council), autre (other).",
    )


class CommuneRefOut(Schema):
    insee: str
    name: str


class StepRefOut(Schema):
    id: int
    title: str


class PlaceOut(Schema):
    commune: CommuneRefOut | None = Field(description="La commune, null pour une réunion en ligne.")
    address: str = Field(description="L'adresse dans la commune (salle, rue), ou vide.")
    online_url: str | None = Field(description="Le lien de la réunion en ligne, ou null.")


class RegistrationStateOut(Schema):
    open: bool = Field(description="Vrai tant qu'on peut s'inscrire (jusqu'au début).")
    capacity: int | None = Field(description="Nombre de places ; null : sans limite.")
    registered: int = Field(description="Personnes inscrites.")
    waiting: int = Field(description="Personnes en liste d'attente.")
    remaining: int | None = Field(description="Places restantes ; null : sans limite.")


class DiscussedNodeOut(Schema):
    id: int
    kind: NodeKind
    label: str = Field(description="L'élément tel que le site le nomme (« Orientation 1.2 : … »).")


class MeetingOut(Schema):
    id: int
    kind: MeetingKind
    title: str
    description: str
    starts_at: datetime = Field(description="Début, ISO 8601 avec le décalage de Paris.")
    ends_at: datetime = Field(description="Fin, ISO 8601 avec le décalage de Paris.")
    place: PlaceOut
    audience: MeetingAudience = Field(
        description="Public invité : public, élus (elected), une commission (commission), "
        "partenaires (partners), tous les membres du territoire (members)."
    )
    commission: str | None = Field(description="La commission invitée, ou null.")
    step: StepRefOut | None = Field(description="L'étape de la démarche, ou null.")
    is_published: bool = Field(description="Faux pour un brouillon (vu des seuls éditeurs).")
    registration: RegistrationStateOut | None = Field(
        description="L'inscription, ou null pour une réunion sans inscription."
    )
    attendance: int | None = Field(description="Personnes présentes, une fois notées.")
    minutes: str | None = Field(description="Le compte rendu, une fois publié ; sinon null.")
    nodes: list[DiscussedNodeOut] = Field(
        description="Les éléments du projet abordés que l'appelant peut voir, dans l'ordre du "
        "projet."
    )
    url: str = Field(description="La page de la réunion sur le site.")


def _payload(meeting: Meeting, nodes: list, request: HttpRequest) -> dict:
    registration = None
    if meeting.registration_enabled:
        registration = {
            "open": meeting.registration_open(),
            "capacity": meeting.capacity,
            "registered": meeting.registered_count,
            "waiting": meeting.waiting_count,
            "remaining": meeting.remaining_places(),
        }
    commune = meeting.commune
    return {
        "id": meeting.pk,
        "kind": meeting.kind,
        "title": meeting.title,
        "description": meeting.description,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "place": {
            "commune": {"insee": commune.insee, "name": commune.name} if commune else None,
            "address": meeting.address,
            "online_url": meeting.online_url or None,
        },
        "audience": meeting.audience,
        "commission": meeting.commission.name if meeting.commission else None,
        "step": {"id": meeting.step.pk, "title": meeting.step.title} if meeting.step else None,
        "is_published": meeting.is_published,
        "registration": registration,
        "attendance": meeting.attendance,
        "minutes": meeting.minutes if meeting.minutes_published else None,
        "nodes": [{"id": node.pk, "kind": node.kind, "label": node.label} for node in nodes],
        "url": request.build_absolute_uri(meeting.url_for(meeting.territory.slug)),
    }


# Dates far from any meeting are brought within these bounds, where converting a local
# time to UTC cannot leave the range of Python's dates (0001-01-01 in Paris is in year 0).
EARLIEST, LATEST = date(1900, 1, 1), date(9000, 12, 31)


def _local(day: date, moment: time) -> datetime:
    day = min(max(day, EARLIEST), LATEST)
    return timezone.make_aware(datetime.combine(day, moment))


@router.get(
    "/territories/{slug}/meetings",
    response={200: list[MeetingOut], **READ_ERRORS},
    operation_id="list_territory_meetings",
    summary="Réunions du territoire",
    description="Les réunions que l'appelant peut voir, par date de début : les réunions "
    "publiques pour tous ; avec un jeton du territoire, aussi celles dont le public "
    "comprend son titulaire (élus, sa commission, partenaires, membres) ; tout, brouillons "
    "compris, pour les éditeurs. Filtres facultatifs : `from`, `to` (dates, heure de Paris) "
    "et `kind`.",
)
def list_meetings(request: HttpRequest, slug: str, filters: Query[MeetingFilters]):
    territory = get_territory(request, slug)
    api_abilities(request, territory)  # 403 for a token of another territory
    reader = Reader.of(access_of(request).user, territory)
    meetings = Meeting.objects.of_territory(territory).visible_to(reader).for_listing()
    if filters.from_ is not None:
        meetings = meetings.filter(ends_at__gte=_local(filters.from_, time.min))
    if filters.to is not None:
        meetings = meetings.filter(starts_at__lte=_local(filters.to, time.max))
    if filters.kind is not None:
        meetings = meetings.filter(kind=filters.kind)
    meetings = list(meetings.order_by("starts_at", "id"))
    for meeting in meetings:
        meeting.territory = territory
    drafts = api_abilities(request, territory)["view_drafts"] or reader.editor
    nodes = discussed_by_meeting(meetings, drafts=drafts)
    return [_payload(meeting, nodes.get(meeting.pk, []), request) for meeting in meetings]
