"""Read-only endpoints of territories: list, current plan, member communes."""

from django.db.models import Count, Sum
from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError

from faisse.actions.follow_up import PlanFollowUp
from faisse.api.access import api_abilities, get_territory, visible_territories
from faisse.api.schemas import CommuneActionOut, CommuneOut, ErrorOut, PlanOut, TerritoryOut
from faisse.locations.geography import PlanGeography
from faisse.plans.exporting.payload import plan_payload
from faisse.plans.models import Plan
from faisse.plans.tree import PlanTree
from faisse.territories.models import Commune
from faisse.territories.validation import INSEE_PATTERN

router = Router(tags=["territoires"])
# A token that is unknown or revoked (401), or of another territory (403); an unknown
# territory, commune or plan (404).
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "",
    response={200: list[TerritoryOut], 401: ErrorOut},
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
    response={200: PlanOut, **READ_ERRORS},
    operation_id="get_territory_plan",
    summary="Projet de territoire en vigueur",
    description="Le dernier projet adopté, à défaut le plus récent, avec son ambition, ses "
    "défis et l'arbre complet de ses éléments (axes, orientations, objectifs, actions).",
)
def territory_plan(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    drafts = api_abilities(request, territory)["view_drafts"]
    plan = current_plan(territory)
    tree = PlanTree.load(plan, drafts=drafts)
    figures = PlanFollowUp.load(tree)
    return plan_payload(
        plan, drafts=drafts, tree=tree, extra=lambda node: {"progress": figures.progress(node)}
    )


def current_plan(territory) -> Plan:
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        raise HttpError(
            404, f"Le territoire « {territory.name} » n'a encore aucun projet de territoire."
        )
    return plan


@router.get(
    "/{slug}/communes",
    response={200: list[CommuneOut], **READ_ERRORS},
    operation_id="list_territory_communes",
    summary="Communes membres",
    description="Les communes membres du territoire, par ordre alphabétique, avec le nombre "
    "d'actions du projet en vigueur qui les concernent spécifiquement.",
)
def territory_communes(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    communes = Commune.objects.of_territory(territory).in_french_order()
    plan = Plan.objects.of_territory(territory).current()
    drafts = api_abilities(request, territory)["view_drafts"]
    counts = PlanGeography.load(plan, drafts=drafts).specific_action_counts() if plan else {}
    for commune in communes:
        commune.action_count = counts.get(commune.pk, 0)
    return communes


@router.get(
    "/{slug}/communes/{insee}/actions",
    response={200: list[CommuneActionOut], **READ_ERRORS},
    operation_id="list_commune_actions",
    summary="Actions propres à une commune",
    description="Les actions du projet en vigueur qui s'appliquent spécifiquement à la "
    "commune, dans l'ordre du projet, avec les mots qui la nomment et l'élément qui les "
    "porte. Les actions de tout le territoire ne sont pas listées.",
)
def commune_actions(request: HttpRequest, slug: str, insee: str):
    territory = get_territory(request, slug)
    commune = None
    if INSEE_PATTERN.match(insee):
        commune = Commune.objects.of_territory(territory).filter(insee=insee).first()
    if commune is None:
        shown = insee if insee.isprintable() else repr(insee)
        raise HttpError(404, f"Commune inconnue dans {territory.name} : « {shown} ».")
    drafts = api_abilities(request, territory)["view_drafts"]
    geography = PlanGeography.load(current_plan(territory), drafts=drafts)
    nodes = geography.tree.by_id
    return [
        {
            "id": action.pk,
            "number": action.number,
            "title": action.title,
            "links": [
                {"evidence": link.evidence, "origin": link.origin, "via": nodes[link.node_id]}
                for link in links
            ],
        }
        for action, links in geography.specific_actions(commune.pk)
    ]
