"""One node of a plan: read it, and change it with a read-write token."""

from typing import Annotated

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator, ConfigDict, StrictBool, StrictInt, StrictStr, create_model

from faisse.api.access import WriteToken, access_of, api_abilities, get_territory
from faisse.api.errors import InvalidInput
from faisse.api.schemas import (
    LARGEST_ID,
    ErrorOut,
    NodeKind,
    ValidationErrorOut,
    described_text,
    optional_not_null,
)
from faisse.plans.editing import EditConflict, EditError, update_node
from faisse.plans.models import PlanNode
from faisse.plans.tree import find_node

router = Router(tags=["éléments du projet"])
NodeId = Annotated[int, Path(ge=1, le=LARGEST_ID, description="Numéro de l'élément.")]


def whole(value):
    """JSON Schema counts 3.0 as an integer: take it as 3 (strict mode would refuse it);
    true, "3" or 3.5 stay refused."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[StrictInt, BeforeValidator(whole)]
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


class NodeOut(Schema):
    id: int
    kind: NodeKind
    level_name: str = Field(
        description="Le nom du niveau dans ce projet (« Enjeu ») ; à défaut, celui de la "
        "nature (« Axe »)."
    )
    number: str
    title: str
    description: str
    is_published: bool
    follow_up: str | None = Field(
        description="Note de suivi : null pour qui ne voit pas les brouillons, quand elle "
        "est réservée aux membres (`follow_up_is_public` faux)."
    )
    follow_up_is_public: bool
    internal_notes: str | None = Field(
        description="Notes internes : null pour qui ne voit pas les brouillons."
    )
    weight: int = Field(description="Poids dans l'avancement du parent (1 par défaut).")
    version: int


class _NodeInBase(Schema):
    model_config = ConfigDict(extra="forbid", strict=True)

    version: WholeNumber = Field(
        ge=1, description="La version de l'élément lue avant de le modifier (`version`)."
    )


# Each field of PlanNode.EDITABLE_FIELDS as the API reads it: strict type, description,
# and the limits the server applies (a field added to that list needs its line here).
EDITABLE = {
    "title": (
        StrictStr,
        Field(
            description="Intitulé ; ne peut pas être vide.",
            **described_text(settings.MAX_TITLE_LENGTH, blank=False),
        ),
    ),
    "number": (
        StrictStr,
        Field(
            description="Numéro, ex. « 1.2 ».",
            **described_text(PlanNode._meta.get_field("number").max_length),
        ),
    ),
    "description": (
        StrictStr,
        Field(description="Description.", **described_text(settings.MAX_TEXT_LENGTH)),
    ),
    "is_published": (
        StrictBool,
        Field(description="Publié : visible du public.", **optional_not_null()),
    ),
    "internal_notes": (
        StrictStr,
        Field(
            description="Notes visibles des seuls membres.",
            **described_text(settings.MAX_TEXT_LENGTH),
        ),
    ),
    "follow_up": (
        StrictStr,
        Field(description="Note de suivi.", **described_text(settings.MAX_TEXT_LENGTH)),
    ),
    "follow_up_is_public": (
        StrictBool,
        Field(
            description="La note de suivi est lue par tous (vrai) ou par les seuls membres "
            "du territoire (faux).",
            **optional_not_null(),
        ),
    ),
    "weight": (
        WholeNumber,
        Field(
            description="Poids dans l'avancement du parent : 1 par défaut, 0 pour ne pas "
            "compter, au plus 100.",
            ge=0,
            le=100,
            **optional_not_null(),
        ),
    ),
}
NodeIn = create_model(
    "NodeIn",
    __base__=_NodeInBase,
    __doc__="The fields to change; those left out keep their value. Types are strict (no "
    '"yes" for true, no true for 1) and an unknown field is refused: a typo must not pass '
    "for a change that was made.",
    **{name: EDITABLE[name] for name in PlanNode.EDITABLE_FIELDS},
)


def _payload(node: PlanNode, drafts: bool) -> dict:
    data = {field: getattr(node, field) for field in NodeOut.model_fields if field != "id"}
    data["id"] = node.pk
    data["level_name"] = node.kind_label
    data["internal_notes"] = node.internal_notes if drafts else None
    if not (drafts or node.follow_up_is_public):
        data["follow_up"] = None
    return data


def _node(territory, pk: int, drafts: bool) -> PlanNode:
    node = find_node(territory, pk, drafts=drafts)
    if node is None:
        raise HttpError(404, f"Élément inconnu dans {territory.name} : {pk}.")
    return node


@router.get(
    "/{slug}/nodes/{pk}",
    response={200: NodeOut, **READ_ERRORS},
    operation_id="get_node",
    summary="Un élément du projet",
)
def get_node(request: HttpRequest, slug: str, pk: NodeId):
    territory = get_territory(request, slug)
    drafts = api_abilities(request, territory)["view_drafts"]
    return _payload(_node(territory, pk, drafts), drafts)


@router.patch(
    "/{slug}/nodes/{pk}",
    auth=WriteToken(),
    response={
        200: NodeOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
    },
    operation_id="update_node",
    summary="Modifier un élément du projet",
    description="Demande un jeton en lecture et écriture. `version` est celle de l'élément lu : "
    "si quelqu'un l'a modifié depuis, la réponse est 409 et rien n'est écrit. Un champ absent "
    "garde sa valeur ; une requête qui ne change rien n'écrit rien (ni version ni historique). "
    "Un pilote ne peut modifier que `follow_up` des actions qu'il pilote.",
)
def patch_node(request: HttpRequest, slug: str, pk: NodeId, data: NodeIn):
    territory = get_territory(request, slug)
    access = access_of(request)
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
        raise InvalidInput(str(error), error.field_errors) from error
    return _payload(node, abilities["view_drafts"])
