"""Read-only endpoints of territories: list, current plan, member communes."""

from django.db.models import Count, Sum
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from faisse.api.access import get_territory, visible_territories
from faisse.api.plans import plan_payload
from faisse.api.schemas import CommuneOut, ErrorOut, PlanOut, TerritoryOut
from faisse.plans.models import Plan
from faisse.territories.models import Commune

router = Router(tags=["territoires"])


@router.get(
    "",
    response=list[TerritoryOut],
    operation_id="list_territories",
    summary="Liste des territoires",
    description="Chaque territoire, avec son nombre de communes et sa population municipale.",
)
def list_territories(request: HttpRequest):
    return (
        visible_territories(request)
        .annotate(commune_count=Count("communes"), population=Sum("communes__population"))
        .order_by("name", "slug")
    )


@router.get(
    "/{slug}/plan",
    response={200: PlanOut, 404: ErrorOut},
    operation_id="get_territory_plan",
    summary="Projet de territoire en vigueur",
    description="Le dernier projet adopté, à défaut le plus récent, avec son ambition, ses "
    "défis et l'arbre complet de ses éléments (axes, orientations, objectifs, actions).",
)
def territory_plan(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        raise HttpError(
            404, f"Le territoire « {territory.name} » n'a encore aucun projet de territoire."
        )
    return plan_payload(plan)


@router.get(
    "/{slug}/communes",
    response={200: list[CommuneOut], 404: ErrorOut},
    operation_id="list_territory_communes",
    summary="Communes membres",
    description="Les communes membres du territoire, par ordre alphabétique.",
)
def territory_communes(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    return Commune.objects.of_territory(territory).order_by("name", "insee")
