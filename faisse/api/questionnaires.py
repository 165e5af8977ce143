"""API endpoints of the questionnaires app: a territory's questionnaires and a
questionnaire's results (see docs/questionnaire-results.md for the shapes).

The questionnaires a caller sees are those the pages show them: the published public ones
for everyone, those for a list of members to the territory's members (a token of the
territory, or a signed-in session), drafts to its editors. Results follow
`faisse.questionnaires.results.access`: editors always, others once published to them.
"""

from datetime import datetime
from typing import Literal

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from faisse.accounts.abilities import territory_abilities
from faisse.api.access import access_of, api_abilities, get_territory
from faisse.api.schemas import ErrorOut, ValidationErrorOut
from faisse.questionnaires.models import Question, Questionnaire
from faisse.questionnaires.results import as_data, compute_results
from faisse.questionnaires.results.access import has_answered, results_readable

router = Router(tags=["questionnaires"])
READ_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
QuestionKind = Literal[tuple(Question.Kind.values)]


class StepRefOut(Schema):
    id: int
    title: str


class QuestionnaireOut(Schema):
    id: int
    number: int | None = Field(description="Le numéro (« questionnaire n°2 »), ou null.")
    title: str
    description: str
    audience: Literal[tuple(Questionnaire.Audience.values)] = Field(
        description="members : une liste de membres (lien personnel) ; public : tout le monde."
    )
    anonymous: bool = Field(description="Vrai : les réponses ne gardent aucun lien à la personne.")
    status: Literal[tuple(Questionnaire.Status.values)] = Field(
        description="draft (brouillon, vu des seuls éditeurs), scheduled (à venir), open, closed."
    )
    opens_on: datetime | None = Field(description="Ouverture, ISO 8601 avec le décalage de Paris.")
    closes_on: datetime | None = Field(description="Clôture, ISO 8601 avec le décalage de Paris.")
    step: StepRefOut | None = Field(description="L'étape de la démarche, ou null.")
    questions: int = Field(description="Nombre de questions.")
    results: str | None = Field(
        description="L'adresse API des résultats quand l'appelant peut les lire, sinon null."
    )
    url: str | None = Field(description="La page du questionnaire sur le site (null : brouillon).")


class QuestionResultOut(Schema):
    key: str
    type: QuestionKind
    label: str
    answers: int = Field(description="Réponses à cette question (sautée ou non affichée : exclue).")
    counts: dict[str, int] | None = Field(
        None,
        description="Choix, Likert : nombre de réponses par option (chaque option comptée "
        "une fois par réponse) ; commune : par code INSEE.",
    )
    mean: float | None = Field(None, description="Likert : moyenne des points (1 = le premier).")
    ranking: list[str] | None = Field(
        None,
        description="Classement, jugement majoritaire, points : les options, la meilleure en "
        "premier.",
    )
    scores: dict[str, int | str] | None = Field(
        None,
        description="Classement : score de Borda ; jugement majoritaire : mention majoritaire ; "
        "points : total.",
    )
    mean_ranks: dict[str, float | None] | None = Field(None, description="Classement : rang moyen.")
    means: dict[str, float | None] | None = Field(None, description="Points : moyenne par réponse.")
    grades: dict[str, dict[str, int]] | None = Field(
        None, description="Jugement majoritaire : nombre de chaque mention, par option."
    )
    tied: list[str] | None = Field(None, description="Options ex æquo avec une autre.")
    rows: dict[str, dict[str, int]] | None = Field(
        None, description="Tableau : par ligne, le nombre de réponses par colonne."
    )
    words: dict[str, int] | None = Field(
        None, description="Textes : mots fréquents (réponses qui les emploient)."
    )
    texts: list[str] | None = Field(None, description="Textes : les 200 plus récents.")


class ResultsOut(Schema):
    questionnaire: int
    title: str
    respondents: int = Field(description="Nombre de réponses envoyées.")
    questions: list[QuestionResultOut]


def _editor(request: HttpRequest, territory) -> bool:
    api_abilities(request, territory)  # 403 for a token of another territory
    return territory_abilities(access_of(request).user, territory)["edit_plan"]


def _payload(questionnaire: Questionnaire, request: HttpRequest, readable: bool) -> dict:
    local = timezone.localtime
    step = questionnaire.step
    published = questionnaire.published_at is not None
    results = reverse("api:questionnaire_results", args=[questionnaire.pk])
    return {
        "id": questionnaire.pk,
        "number": questionnaire.number,
        "title": questionnaire.title,
        "description": questionnaire.description,
        "audience": questionnaire.audience,
        "anonymous": questionnaire.anonymous,
        "status": questionnaire.status(),
        "opens_on": local(questionnaire.opens_on) if questionnaire.opens_on else None,
        "closes_on": local(questionnaire.closes_on) if questionnaire.closes_on else None,
        "step": {"id": step.pk, "title": step.title} if step else None,
        "questions": questionnaire.question_count,
        "results": request.build_absolute_uri(results) if readable else None,
        "url": request.build_absolute_uri(questionnaire.get_absolute_url()) if published else None,
    }


@router.get(
    "/territories/{slug}/questionnaires",
    response={200: list[QuestionnaireOut], **READ_ERRORS},
    operation_id="list_territory_questionnaires",
    summary="Questionnaires du territoire",
    description="Les questionnaires publiés que l'appelant peut voir : les questionnaires "
    "publics pour tous ; avec un jeton du territoire (ou une session), aussi ceux d'une liste "
    "de membres ; les brouillons pour les éditeurs. Du plus récent au plus ancien.",
)
def list_questionnaires(request: HttpRequest, slug: str):
    territory = get_territory(request, slug)
    editor = _editor(request, territory)
    user = access_of(request).user
    questionnaires = Questionnaire.objects.of_territory(territory)
    if not editor:
        questionnaires = questionnaires.published()
        if not territory_abilities(user, territory)["comment"]:
            questionnaires = questionnaires.filter(audience=Questionnaire.Audience.PUBLIC)
    questionnaires = questionnaires.select_related("step").annotate(
        question_count=Count("questions")
    )
    answered = set()
    if getattr(user, "is_authenticated", False):
        answered = set(
            Questionnaire.objects.filter(
                territory=territory, respondents__user=user, respondents__answered=True
            ).values_list("pk", flat=True)
        )
    rows = []
    for questionnaire in questionnaires.order_by("-opens_on", "-pk"):
        questionnaire.territory = territory
        readable = results_readable(
            questionnaire, editor=editor, answered=questionnaire.pk in answered
        )
        rows.append(_payload(questionnaire, request, readable))
    return rows


@router.get(
    "/questionnaires/{pk}/results",
    response={200: ResultsOut, **READ_ERRORS},
    exclude_none=True,
    url_name="questionnaire_results",
    operation_id="get_questionnaire_results",
    summary="Résultats d'un questionnaire",
    description="Les résultats publiés (à tous, ou aux personnes qui ont répondu), ou tous "
    "pour les éditeurs du territoire. Chaque question donne `answers` et, selon son type, "
    "`counts`, `mean`, `ranking`, `scores`, `mean_ranks`, `means`, `grades`, `tied`, `rows`, "
    "`words`, `texts`.",
)
def questionnaire_results(request: HttpRequest, pk: int):
    questionnaire = Questionnaire.objects.select_related("territory").filter(pk=pk).first()
    if questionnaire is None:
        raise HttpError(404, f"Questionnaire inconnu : {pk}.")
    if questionnaire.published_at is None:  # a draft is unknown but to its editors
        access = access_of(request)
        mine = access.token is None or access.token.territory_id == questionnaire.territory_id
        if not (mine and territory_abilities(access.user, questionnaire.territory)["edit_plan"]):
            raise HttpError(404, f"Questionnaire inconnu : {pk}.")
    editor = _editor(request, questionnaire.territory)
    user = access_of(request).user
    if not results_readable(
        questionnaire, editor=editor, answered=lambda: has_answered(questionnaire, user)
    ):
        raise HttpError(403, "Les résultats de ce questionnaire ne sont pas publiés pour vous.")
    return as_data(compute_results(questionnaire))
