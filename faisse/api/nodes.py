"""One node of a plan: read it, and change it with a read-write token."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from faisse.api.access import access_of, api_abilities, get_territory
from faisse.api.schemas import ErrorOut, NodeKind
from faisse.plans.editing import EditConflict, EditError, update_node
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree

router = Router(tags=["éléments du projet"])


class NodeOut(Schema):
    id: int
    kind: NodeKind
    number: str
    title: str
    description: str
    is_published: bool
    follow_up: str
    internal_notes: str | None = None
    version: int


class NodeIn(Schema):
    version: int
    title: str | None = None
    number: str | None = None
    description: str | None = None
    is_published: bool | None = None
    internal_notes: str | None = None
    follow_up: str | None = None


def _payload(node: PlanNode, drafts: bool) -> dict:
    data = {field: getattr(node, field) for field in NodeOut.model_fields if field != "id"}
    data["id"] = node.pk
    data["internal_notes"] = node.internal_notes if drafts else None
    return data


def _node(territory, pk: int, drafts: bool) -> PlanNode:
    node = PlanNode.objects.filter(pk=pk, territory=territory).select_related("plan").first()
    if node is not None and not drafts:
        node = PlanTree.load(node.plan).by_id.get(node.pk)  # published and reachable
    if node is None:
        raise HttpError(404, f"Élément inconnu dans {territory.name} : {pk}.")
    return node


@router.get(
    "/{slug}/nodes/{pk}",
    response={200: NodeOut, 404: ErrorOut},
    operation_id="get_node",
    summary="Un élément du projet",
)
def get_node(request: HttpRequest, slug: str, pk: int):
    territory = get_territory(request, slug)
    drafts = api_abilities(request, territory)["view_drafts"]
    return _payload(_node(territory, pk, drafts), drafts)


@router.patch(
    "/{slug}/nodes/{pk}",
    response={
        200: NodeOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
    },
    operation_id="update_node",
    summary="Modifier un élément du projet",
    description="Demande un jeton en lecture et écriture. `version` est celle de l'élément lu : "
    "si quelqu'un l'a modifié depuis, la réponse est 409 et rien n'est écrit. Un pilote ne "
    "peut modifier que `follow_up` des actions qu'il pilote.",
)
def patch_node(request: HttpRequest, slug: str, pk: int, data: NodeIn):
    territory = get_territory(request, slug)
    access = access_of(request)
    if access.token is None:
        raise HttpError(401, "Écrire par l'API demande un jeton (Authorization: Bearer …).")
    abilities = api_abilities(request, territory)
    if not (abilities["edit_plan"] or abilities["follow_up"]):
        raise HttpError(403, "Ce jeton ne permet pas de modifier le projet.")
    node = _node(territory, pk, abilities["view_drafts"])
    changes = data.dict(exclude_unset=True, exclude={"version"})
    try:
        node = update_node(node, access.user, changes, data.version)
    except PermissionError as error:
        fields = error.args[0] if isinstance(error.args[0], list) else ["élément"]
        raise HttpError(403, f"Vous ne pouvez pas modifier : {', '.join(fields)}.") from error
    except EditConflict as conflict:
        raise HttpError(
            409,
            f"L'élément a été modifié depuis la version {data.version} : la version actuelle "
            f"est {conflict.current.version}. Relisez-le avant de le modifier.",
        ) from conflict
    except EditError as error:
        raise HttpError(422, str(error)) from error
    return _payload(node, abilities["view_drafts"])
