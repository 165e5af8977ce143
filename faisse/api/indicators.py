"""The indicators of a territory with their targets, values and status, and measured
values entered by token.

Reading costs a constant number of queries whatever the number of indicators (the
indicators, their targets and values through `load_series`, their links; for the public,
the trees that say which linked elements it may see). Writing goes through
`indicators.editing.record_value`, the path of the values page: the same rules (editors,
the indicator's pilots, the pilots of a linked action), the same history.
"""

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

import annotated_types
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from pydantic import AfterValidator, BeforeValidator, ConfigDict, StrictBool, StrictInt, StrictStr

from faisse.api.access import WriteToken, access_of, api_abilities, get_territory
from faisse.api.errors import InvalidInput
from faisse.api.nodes import whole
from faisse.api.schemas import LARGEST_ID, ErrorOut, ValidationErrorOut
from faisse.core.text import SAFE_TEXT_PATTERN, text_problem
from faisse.indicators.abilities import indicator_abilities
from faisse.indicators.display import format_exact
from faisse.indicators.editing import IndicatorError, record_value
from faisse.indicators.models import (
    FIRST_YEAR,
    MAX_DECIMALS,
    Indicator,
    IndicatorLink,
    IndicatorValue,
)
from faisse.indicators.targets import Series, load_series
from faisse.plans.models import Plan, PlanNode, SharedPlacement
from faisse.plans.tree import PlanTree

router = Router(tags=["indicateurs"])
IndicatorId = Annotated[int, Path(ge=1, le=LARGEST_ID, description="Numéro de l'indicateur.")]
KindValue = Literal[tuple(Indicator.Kind.values)]
DirectionValue = Literal[tuple(Indicator.Direction.values)]

# Values keep 4 decimals and 20 digits; a JSON number is a binary float, exact up to
# 2^53: values are taken up to a million billion, where every integer is exact.
LARGEST_VALUE = 10**15
STEP = Decimal(1).scaleb(-MAX_DECIMALS)
SOURCE_LENGTH = IndicatorValue._meta.get_field("source").max_length


def measured(number: float) -> Decimal:
    """A JSON number as the values keep it: its shortest decimal writing (0.1 stays 0.1,
    not the binary 0.1000000000000000055…), rounded to 4 decimals."""
    value = Decimal(repr(number))
    if value.as_tuple().exponent < -MAX_DECIMALS:
        value = value.quantize(STEP)
    return value + 0  # no "-0"


# The bounds go before the validator, so that the OpenAPI description states them.
MeasuredValue = Annotated[
    float,
    annotated_types.Interval(ge=-LARGEST_VALUE, le=LARGEST_VALUE),
    AfterValidator(measured),
]
Version = Annotated[StrictInt, annotated_types.Ge(1), BeforeValidator(whole)]


class BaselineOut(Schema):
    value: float
    on: date


class ValueOut(Schema):
    on: date
    value: float
    source: str
    comment: str


class StatusOut(Schema):
    year: int = Field(description="L'année de la dernière valeur (à défaut, l'année en cours).")
    expected: float | None = Field(
        description="La valeur attendue cette année-là : sa cible, ou la trajectoire entre "
        "deux cibles (la référence comptant comme cible de son année), ou la dernière "
        "cible après elle ; null sans cible."
    )
    latest: float | None = Field(description="La dernière valeur mesurée cette année-là.")
    latest_on: date | None
    off_target: bool | None = Field(
        description="Hors cible : sous la valeur attendue pour un indicateur à augmenter, "
        "au-dessus pour un indicateur à diminuer ; null sans valeur ou sans cible."
    )
    gap: float | None = Field(description="Dernière valeur − valeur attendue, dans l'unité.")
    gap_percent: float | None = Field(
        description="L'écart en % de la valeur attendue (null quand elle vaut 0)."
    )


class IndicatorOut(Schema):
    id: int
    title: str
    kind: KindValue = Field(description="realisation, result ou impact.")
    kind_label: str
    unit: str
    description: str
    direction: DirectionValue = Field(description="Le sens souhaité : increase ou decrease.")
    decimals: int = Field(description="Chiffres montrés après la virgule sur le site.")
    is_published: bool
    baseline: BaselineOut | None = Field(description="La valeur de référence et sa date.")
    targets: dict[int, float] = Field(description='Les cibles par année : {"2030": 200}.')
    values: list[ValueOut] = Field(description="Les valeurs mesurées, par date.")
    nodes: list[int] = Field(
        description="Les éléments du projet que l'indicateur mesure (ceux que le lecteur "
        "peut voir)."
    )
    status: StatusOut
    version: int = Field(
        description="Version de l'indicateur (sa définition et ses cibles), à renvoyer avec "
        "une valeur pour s'assurer qu'il n'a pas changé depuis."
    )


class ValueIn(Schema):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    on: date = Field(
        strict=False, description="Date de la mesure, AAAA-MM-JJ ; ni future, ni avant 1900."
    )
    value: MeasuredValue = Field(
        description="La valeur mesurée, arrondie à 4 chiffres après la virgule."
    )
    source: StrictStr = Field(
        None,
        max_length=SOURCE_LENGTH,
        pattern=SAFE_TEXT_PATTERN,
        description="D'où vient la valeur ; omise : la source habituelle de l'indicateur.",
        json_schema_extra=lambda schema: schema.pop("default", None),
    )
    comment: StrictStr = Field("", max_length=settings.MAX_TEXT_LENGTH, pattern=SAFE_TEXT_PATTERN)
    replace: StrictBool = Field(
        False, description="Remplacer la valeur déjà saisie à cette date (sinon : 409)."
    )
    version: Version | None = Field(
        None, description="La version de l'indicateur lue ; 409 s'il a changé depuis."
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _payload(series: Series, nodes: list[int]) -> dict:
    indicator = series.indicator
    status = series.status()
    baseline = series.baseline
    return {
        "id": indicator.pk,
        "title": indicator.title,
        "kind": indicator.kind,
        "kind_label": indicator.get_kind_display(),
        "unit": indicator.unit,
        "description": indicator.description,
        "direction": indicator.direction,
        "decimals": indicator.decimals,
        "is_published": indicator.is_published,
        "baseline": baseline
        and {"value": float(indicator.baseline_value), "on": indicator.baseline_on},
        "targets": {year: float(value) for year, value in series.targets.items()},
        "values": [
            {
                "on": value.on,
                "value": float(value.value),
                "source": value.source,
                "comment": value.comment,
            }
            for value in series.values
        ],
        "nodes": nodes,
        "status": {
            "year": status.year,
            "expected": _number(status.expected),
            "latest": _number(status.latest),
            "latest_on": status.latest_on,
            "off_target": status.off_target,
            "gap": _number(status.gap),
            "gap_percent": _number(status.gap_percent),
        },
        "version": indicator.version,
    }


def _linked_nodes(indicators: list[Indicator], drafts: bool) -> dict[int, list[int]]:
    """{indicator pk: [node pk]} in the order of the plan, the elements the reader may see
    (the public: published, under published parents): one query for the links, and for
    the public two for the trees of the plans concerned, whatever their number."""
    links = list(
        IndicatorLink.objects.filter(indicator__in=indicators)
        .order_by("node__plan_id", "node__position", "node_id")
        .values_list("indicator_id", "node_id", "node__plan_id")
    )
    visible = None
    if not drafts and links:
        plan_ids = {plan_id for _indicator, _node, plan_id in links}
        nodes = PlanNode.objects.filter(plan_id__in=plan_ids).only(
            "id", "plan_id", "parent_id", "position", "is_published"
        )
        by_plan: dict[int, list] = {plan_id: [] for plan_id in plan_ids}
        for node in nodes:
            by_plan[node.plan_id].append(node)
        placements: dict[int, list] = {plan_id: [] for plan_id in plan_ids}
        for placement in SharedPlacement.objects.filter(plan_id__in=plan_ids):
            placements[placement.plan_id].append(placement)
        visible = set()
        for plan_id, plan_nodes in by_plan.items():
            tree = PlanTree(Plan(pk=plan_id), plan_nodes, placements[plan_id], drafts=False)
            visible.update(tree.by_id)
    linked: dict[int, list[int]] = {indicator.pk: [] for indicator in indicators}
    for indicator_id, node_id, _plan_id in links:
        if visible is None or node_id in visible:
            linked[indicator_id].append(node_id)
    return linked


def _rows(indicators: list[Indicator], drafts: bool) -> list[dict]:
    series = load_series(indicators)
    nodes = _linked_nodes(indicators, drafts)
    return [_payload(series[indicator.pk], nodes[indicator.pk]) for indicator in indicators]


@router.get(
    "/territories/{slug}/indicators",
    response={200: list[IndicatorOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    operation_id="list_indicators",
    summary="Indicateurs du territoire",
    description="Chaque indicateur publié (tous pour les membres qui voient les brouillons), "
    "par intitulé : nature, unité, sens souhaité, référence, cibles par année, valeurs "
    "mesurées, éléments du projet mesurés, et où il en est l'année de sa dernière valeur "
    "(valeur attendue, écart, hors cible ou non).",
)
def list_indicators(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    drafts = api_abilities(request, territory)["view_drafts"]
    indicators = list(
        Indicator.objects.of_territory(territory).visible(drafts=drafts).order_by("title", "pk")
    )
    return _rows(indicators, drafts)


def _check_texts(data: ValueIn) -> None:
    """What the schema's pattern cannot say (half of a character), as the pages say it."""
    errors = [
        {"field": name, "message": problem}
        for name in ("source", "comment")
        if (problem := text_problem(getattr(data, name) or "", "text"))
    ]
    if errors:
        said = " ; ".join(f"{error['field']} : {error['message']}" for error in errors)
        raise InvalidInput(f"Requête invalide : {said}.", errors)


def _check_date(on: date) -> None:
    if on > timezone.localdate():
        raise HttpError(409, "Une valeur mesurée ne peut pas être datée du futur.")
    if on.year < FIRST_YEAR:
        raise HttpError(409, f"Cette date n'est pas plausible : avant {FIRST_YEAR}.")


@router.post(
    "/territories/{slug}/indicators/{pk}/values",
    auth=WriteToken(),
    response={
        200: IndicatorOut,
        400: ErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
    },
    operation_id="add_indicator_value",
    summary="Saisir une valeur mesurée",
    description="Demande un jeton en lecture et écriture. Enregistre la valeur mesurée à une "
    "date, avec sa source et un commentaire ; la réponse est l'indicateur à jour. Les "
    "éditeurs saisissent les valeurs de tout indicateur, les pilotes celles des indicateurs "
    "qu'ils pilotent ou liés à une action qu'ils pilotent. 409 quand l'état refuse la "
    "valeur : une valeur déjà saisie à cette date sans `replace`, une date future ou avant "
    "1900, un indicateur changé depuis `version` ; le message dit pourquoi.",
)
def add_indicator_value(request: HttpRequest, slug: str, pk: IndicatorId, data: ValueIn):
    territory = get_territory(request, slug)
    abilities = api_abilities(request, territory)
    if not (abilities["edit_plan"] or abilities["follow_up"]):
        raise HttpError(403, "Ce jeton ne permet pas de saisir des valeurs.")
    visible = Indicator.objects.of_territory(territory).visible(drafts=abilities["view_drafts"])
    indicator = visible.filter(pk=pk).first()
    if indicator is None:
        raise HttpError(404, f"Indicateur inconnu dans {territory.name} : {pk}.")
    user = access_of(request).user
    rights = indicator_abilities(user, indicator, abilities)
    if not (rights["edit_plan"] or rights["follow_up"]):
        raise HttpError(403, "Vous ne pilotez pas cet indicateur.")
    _check_texts(data)
    _check_date(data.on)
    source = indicator.default_source if data.source is None else data.source
    with transaction.atomic():
        current = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if data.version is not None and data.version != current.version:
            raise HttpError(
                409,
                f"L'indicateur a été modifié depuis la version {data.version} : la version "
                f"actuelle est {current.version}. Relisez-le avant de saisir une valeur.",
            )
        existing = IndicatorValue.objects.filter(indicator=current, on=data.on).first()
        if existing is not None and not data.replace:
            raise HttpError(
                409,
                f"Une valeur est déjà saisie au {data.on:%d/%m/%Y} "
                f'({format_exact(existing.value, current)}) : envoyez "replace": true '
                "pour la remplacer.",
            )
        try:
            record_value(
                current,
                user,
                on=data.on,
                value=data.value,
                source=source,
                comment=data.comment,
                replace=data.replace,
            )
        except IndicatorError as error:
            # Well-formed, but refused by the indicator's state: a value written at that
            # date meanwhile. The malformed requests stopped at the schema (422).
            raise HttpError(409, str(error)) from error
    return _rows([current], abilities["view_drafts"])[0]
