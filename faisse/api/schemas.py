"""Shapes of the API's answers, as they appear in the OpenAPI description."""

from datetime import date
from typing import Literal

from ninja import Field, Schema

from faisse.core.text import NON_BLANK_TEXT_PATTERN, SAFE_TEXT_PATTERN
from faisse.locations.models import CommuneLink
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Territory

# Enumerations taken from the models so that the description never drifts from them.
TerritoryKind = Literal[tuple(Territory.Kind.values)]
PlanStatus = Literal[tuple(Plan.Status.values)]
NodeKind = Literal[tuple(PlanNode.Kind.values)]


LARGEST_ID = 2**31 - 1  # see faisse.core.posted


def described_text(max_length: int, *, blank: bool = True) -> dict:
    """An optional text field of an input schema, as the server checks it.

    The server checks lengths and characters in one place (faisse.core.text, through the
    models' validators, with a message naming the field and the position); the schema
    states the same rules so that clients, and schemathesis, know them. The field may be
    left out but is never null: its JSON Schema has no `default: null`.
    """

    def extra(schema: dict) -> None:
        schema.pop("default", None)
        schema["maxLength"] = max_length
        schema["pattern"] = SAFE_TEXT_PATTERN if blank else NON_BLANK_TEXT_PATTERN

    return {"default": None, "json_schema_extra": extra}


def optional_not_null() -> dict:
    return {"default": None, "json_schema_extra": lambda schema: schema.pop("default", None)}


class ErrorOut(Schema):
    detail: str = Field(description="Ce qui ne va pas, en français.")


class FieldErrorOut(Schema):
    field: str = Field(description="Le champ en cause, ex. « title ».")
    message: str


class ValidationErrorOut(Schema):
    detail: str = Field(description="Toutes les erreurs, en une phrase.")
    errors: list[FieldErrorOut] = Field(description="Une erreur par champ.")


class TerritoryOut(Schema):
    slug: str
    name: str
    legal_name: str
    siren: str | None
    kind: TerritoryKind
    commune_count: int
    population: int | None


class CommuneOut(Schema):
    insee: str
    name: str
    postal_codes: list[str] = Field(description="Codes postaux de la commune.")
    population: int | None
    action_count: int = Field(
        description="Nombre d'actions du projet en vigueur qui s'appliquent spécifiquement à "
        "la commune (nommée par l'action ou par un élément parent)."
    )


class LinkSourceOut(Schema):
    id: int
    kind: NodeKind
    title: str


class CommuneLinkOut(Schema):
    evidence: str = Field(description="Les mots du projet qui nomment la commune.")
    origin: Literal[tuple(CommuneLink.Origin.values)]
    via: LinkSourceOut = Field(
        description="L'élément qui nomme la commune (l'action ou un parent)."
    )


class CommuneActionOut(Schema):
    id: int
    number: str
    title: str
    links: list[CommuneLinkOut]


class AmbitionOut(Schema):
    motto: str
    text: str


class ChallengeOut(Schema):
    title: str
    points: list[str]


# A node at one place of the tree: a node attached under a second parent through a
# SharedPlacement appears twice, the second time with `shared` true. Descriptions of fields
# are shown to the API's readers, hence in French.
class PlanNodeOut(Schema):
    id: int
    kind: NodeKind = Field(description="axe, orientation, objectif, sous-ensemble ou action")
    level_name: str = Field(
        description="Le nom du niveau dans ce projet (« Enjeu », « Fiche action ») ; à "
        "défaut, celui de la nature (« Axe »)."
    )
    number: str
    title: str
    description: str
    shared: bool = Field(
        description="Vrai quand l'élément est affiché ici en second rattachement (action "
        "transversale) ; il a aussi une place principale ailleurs dans l'arbre."
    )
    weight: int = Field(description="Poids dans l'avancement du parent (1 par défaut).")
    progress: float | None = Field(
        description="Avancement en %, de 0 à 100 : celui de l'action, ou la moyenne "
        "pondérée de ses enfants (null : rien à mesurer dessous)."
    )
    children: list["PlanNodeOut"]


PlanNodeOut.model_rebuild()


class PlanOut(Schema):
    id: int
    title: str
    period_start: int | None
    period_end: int | None
    status: PlanStatus
    adopted_on: date | None
    level_names: dict[str, list[str]] = Field(
        description="Pour chaque nature, le nom du niveau dans ce projet, au singulier "
        'et au pluriel : {"axis": ["Enjeu", "Enjeux"], …}.'
    )
    ambition: AmbitionOut
    challenges: list[ChallengeOut]
    nodes: list[PlanNodeOut]
