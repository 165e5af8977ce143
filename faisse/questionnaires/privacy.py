"""What the questionnaires keep about a person (registered in apps.py): their places on
known lists, their responses to questionnaires that are not anonymous, their drafts.

Erasing the account keeps the answers but not the person: a named response becomes an
unattributed one (commune, role and commissions stay, as in an anonymous response), so
that results already read and published do not change when someone leaves; a place on a
list keeps its commune and "answered" (response rates) but loses the person and the link;
drafts are deleted. Anonymous responses were never linked to anyone and stay as they are.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from faisse.accounts.privacy import PersonalDataSource
from faisse.questionnaires.checking import raw_from_answers
from faisse.questionnaires.fields import shown_value
from faisse.questionnaires.models import Draft, Respondent, Response
from faisse.questionnaires.outline import Outline


def _moment(value):
    return value.isoformat() if value else None


def _readable(outline: Outline, values: dict) -> list[dict]:
    return [
        {"question": question.label, "answer": shown_value(question, values[question.key], outline)}
        for question in outline.questions
        if question.key in values
    ]


def _export(user) -> dict:
    outlines: dict[int, Outline] = {}

    def outline_of(questionnaire) -> Outline:
        if questionnaire.pk not in outlines:
            outlines[questionnaire.pk] = Outline.load(questionnaire)
        return outlines[questionnaire.pk]

    places = Respondent.objects.filter(user=user).select_related("questionnaire__territory")
    responses = Response.objects.filter(person=user).select_related("questionnaire__territory")
    drafts = Draft.objects.filter(respondent__user=user).select_related("questionnaire")
    exported_responses = []
    for response in responses.order_by("submitted_at"):
        outline = outline_of(response.questionnaire)
        rows: dict[int, list] = {}
        for answer in response.answers.order_by("id"):
            rows.setdefault(answer.question_id, []).append(answer)
        values = {
            question.key: raw_from_answers(question, rows[question.pk], outline)
            for question in outline.questions
            if question.pk in rows
        }
        exported_responses.append(
            {
                "questionnaire": response.questionnaire.title,
                "territory": response.questionnaire.territory.name,
                "submitted": _moment(response.submitted_at),
                "changed": _moment(response.updated_at),
                "answers": _readable(outline, values),
            }
        )
    return {
        "lists": [
            {
                "questionnaire": place.questionnaire.title,
                "territory": place.questionnaire.territory.name,
                "link_sent": _moment(place.sent_at),
                "reminded": _moment(place.reminded_at),
                "answered": place.answered,
            }
            for place in places.order_by("pk")
        ],
        "responses": exported_responses,
        "drafts": [
            {
                "questionnaire": draft.questionnaire.title,
                "saved": _moment(draft.updated_at),
                "answers": _readable(outline_of(draft.questionnaire), draft.values),
            }
            for draft in drafts.order_by("pk")
        ],
    }


def _describe(data: dict) -> str:
    return _(
        "Questionnaires : %(lists)s invitation(s) à répondre, %(responses)s réponse(s) "
        "nominative(s), %(drafts)s brouillon(s) (les réponses anonymes ne sont reliées à "
        "personne)"
    ) % {
        "lists": len(data["lists"]),
        "responses": len(data["responses"]),
        "drafts": len(data["drafts"]),
    }


@transaction.atomic
def _erase(user) -> None:
    Draft.objects.filter(respondent__user=user).delete()
    Response.objects.filter(person=user).update(person=None, key_hash="")
    Respondent.objects.filter(user=user).update(user=None, token_hash="")


QUESTIONNAIRE_DATA = PersonalDataSource(
    key="questionnaires", export=_export, describe=_describe, erase=_erase
)
