"""The actions of a territory's plan with their follow-up, and dated updates by token.

Reading costs a constant number of queries (the tree, the follow-up, commune links,
programmes; pilots for members). Writing goes through `actions.updating.record_update`,
the path of the pilots' page: the same rules, the same history.
"""

from datetime import date
from typing import Annotated, Literal

import annotated_types
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator, ConfigDict, StrictBool, StrictInt, StrictStr

from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import ActionSheet
from faisse.actions.updating import record_update
from faisse.api.access import WriteToken, access_of, api_abilities, get_territory
from faisse.api.nodes import NodeId, whole
from faisse.api.schemas import ErrorOut, ValidationErrorOut
from faisse.api.territories import current_plan
from faisse.locations.geography import PlanGeography
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree

router = Router(tags=["suivi des actions"])
StatusValue = Literal[tuple(value for value, _label in statuses.CHOICES)]
PriorityValue = Literal[tuple(ActionSheet.Priority.values)]


# A whole percentage; the bounds go before the validator that takes 3.0 as 3, so that the
# OpenAPI description states them as minimum and maximum.
Percent = Annotated[StrictInt, annotated_types.Interval(ge=0, le=100), BeforeValidator(whole)]
Version = Annotated[StrictInt, annotated_types.Ge(1), BeforeValidator(whole)]


class CommuneRef(Schema):
    insee: str
    name: str


class BudgetOut(Schema):
    planned: float = Field(description="Prévisionnel, € HT.")
    actual: float = Field(description="Réalisé, € HT.")
    funded: float = Field(description="Financements obtenus, € HT.")


class ActionOut(Schema):
    id: int
    number: str
    title: str
    status: StatusValue | Literal[""] = Field(description="Vide : sans statut.")
    status_label: str
    priority: PriorityValue | Literal[""]
    progress: float = Field(description="Avancement en %, de 0 à 100.")
    late: bool = Field(description="En retard : dit tel, ou date de fin passée et non close.")
    start_date: date | None
    end_date: date | None
    continuous: bool
    communes: list[CommuneRef] = Field(
        description="Les communes où l'action s'applique (les siennes et celles de ses parents)."
    )
    programmes: list[str]
    sdgs: list[int] = Field(description="Objectifs de développement durable (1 à 17).")
    budget: BudgetOut | None = Field(description="null pour qui ne voit pas les brouillons.")
    pilots: list[str] | None = Field(description="null pour qui ne voit pas les brouillons.")
    version: int = Field(description="Version de la fiche, à renvoyer pour la modifier.")


class ActionFilters(Schema):
    status: StatusValue | None = Field(None, description="Seulement les actions de ce statut.")
    late: bool | None = Field(None, description="Seulement les actions en retard (ou non).")


class UpdateIn(Schema):
    model_config = ConfigDict(extra="forbid", strict=True)

    version: Version | None = Field(
        None, description="La version de la fiche lue ; 409 si elle a changé depuis."
    )
    on: date | None = Field(
        None, strict=False, description="Date du point, AAAA-MM-JJ (aujourd'hui par défaut)."
    )
    status: StatusValue | None = None
    progress: Percent | None = None
    note: StrictStr = Field("", max_length=10_000)
    public: StrictBool = False
    correcting: StrictBool = Field(
        False,
        description="Correction d'un statut hors des enchaînements (éditeurs, avec une note).",
    )


def _rows(plan, drafts: bool, only: PlanNode | None = None) -> list[dict]:
    tree = PlanTree.load(plan, drafts=drafts)
    figures = PlanFollowUp.load(tree)
    geography = PlanGeography.load(plan, tree=tree)
    pilots = figures.pilots if drafts else {}
    rows = []
    for node in [only] if only else figures.actions():
        sheet = figures.sheet(node)
        budget = figures.budget(node) if drafts else None
        communes = {link.commune.insee: link.commune.name for link in geography.links_of(node)}
        rows.append(
            {
                "id": node.pk,
                "number": node.number,
                "title": node.title,
                "status": sheet.status,
                "status_label": statuses.label(sheet.status),
                "priority": sheet.priority,
                "progress": figures.progress(node),
                "late": figures.is_late(node),
                "start_date": sheet.start_date,
                "end_date": sheet.end_date,
                "continuous": sheet.continuous,
                "communes": [{"insee": k, "name": v} for k, v in sorted(communes.items())],
                "programmes": [p.name for p in figures.programmes.get(node.pk, [])],
                "sdgs": sheet.sdgs,
                "budget": budget
                and {
                    name: float(getattr(budget, name)) for name in ("planned", "actual", "funded")
                },
                "pilots": [str(p) for p in pilots.get(node.pk, [])] if drafts else None,
                "version": sheet.version,
            }
        )
    return rows


@router.get(
    "/territories/{slug}/actions",
    response={
        200: list[ActionOut],
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ValidationErrorOut,
    },
    operation_id="list_actions",
    summary="Actions du projet et leur suivi",
    description="Chaque action une fois, dans l'ordre du projet : statut, priorité, avancement, "
    "retard, dates, communes, programmes, ODD ; budget et pilotes pour les membres.",
)
def list_actions(request: HttpRequest, slug: str, filters: Query[ActionFilters]):
    territory = get_territory(request, slug)
    drafts = api_abilities(request, territory)["view_drafts"]
    rows = _rows(current_plan(territory), drafts)
    if filters.status is not None:
        rows = [row for row in rows if row["status"] == filters.status]
    if filters.late is not None:
        rows = [row for row in rows if row["late"] is filters.late]
    return rows


@router.patch(
    "/territories/{slug}/actions/{pk}",
    auth=WriteToken(),
    response={
        200: ActionOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
    },
    operation_id="update_action",
    summary="Ajouter un point de suivi à une action",
    description="Demande un jeton en lecture et écriture. Change le statut, l'avancement, ou "
    "ajoute une note, daté (aujourd'hui par défaut, jamais dans le futur). Les pilotes ne "
    "suivent que leurs actions ; les enchaînements de statuts sont ceux des pages. 409 "
    "quand l'état de l'action refuse le changement (enchaînement de statuts, date future, "
    "rien à enregistrer, correction sans note) ou quand la fiche a changé depuis `version` : "
    "le message dit pourquoi.",
)
def update_action(request: HttpRequest, slug: str, pk: NodeId, data: UpdateIn):
    territory = get_territory(request, slug)
    abilities = api_abilities(request, territory)
    if not abilities["follow_up"]:
        raise HttpError(403, "Ce jeton ne permet pas de suivre les actions.")
    node = (
        PlanNode.objects.filter(pk=pk, territory=territory, kind=PlanNode.Kind.ACTION)
        .select_related("plan")
        .first()
    )
    if node is None:
        raise HttpError(404, f"Action inconnue dans {territory.name} : {pk}.")
    try:
        record_update(
            node,
            access_of(request).user,
            on=data.on,
            status=data.status,
            progress=data.progress,
            note=data.note,
            public=data.public,
            correcting=data.correcting,
            version=data.version,
        )
    except PermissionError as error:
        raise HttpError(403, "Vous ne suivez pas cette action.") from error
    except EditError as error:
        # Well-formed, but refused by the action's state: a status move the table does
        # not allow, a date in the future, nothing to record, a sheet changed since
        # `version`. The malformed requests stopped at the schema (422).
        raise HttpError(409, str(error)) from error
    return _rows(node.plan, abilities["view_drafts"], only=node)[0]
