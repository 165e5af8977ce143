"""Who is reading a questionnaire's results, as seen from a request: whether this person
or this browser answered it (see `results.access` for the rule itself).

A person of a known list is recognised by their `Respondent` row once signed in; a public
questionnaire's browser by the signed cookie it got when answering (the same secret that
finds its response again, see `answer_views`), or a signed-in person by their response
when the questionnaire keeps names.
"""

from django.db.models import Q

from faisse.questionnaires.answer_views import COOKIE_SALT, cookie_name
from faisse.questionnaires.models import Questionnaire, Respondent, Response, response_key
from faisse.questionnaires.results.access import has_answered, results_readable

Visibility = Questionnaire.ResultsVisibility


def _signed_in(request) -> bool:
    return bool(getattr(request.user, "is_authenticated", False))


def _public_lookup(request, questionnaire: Questionnaire) -> Q | None:
    """The responses of this browser (or signed-in person) to a public questionnaire."""
    lookup = Q()
    secret = request.get_signed_cookie(cookie_name(questionnaire), None, salt=COOKIE_SALT)
    if secret:
        lookup |= Q(questionnaire=questionnaire, key_hash=response_key(secret))
    if _signed_in(request) and not questionnaire.anonymous:
        lookup |= Q(questionnaire=questionnaire, person=request.user)
    return lookup or None


def _answered(request, questionnaire: Questionnaire) -> bool:
    if not questionnaire.is_public:
        return has_answered(questionnaire, request.user)
    lookup = _public_lookup(request, questionnaire)
    return lookup is not None and Response.objects.filter(lookup).exists()


def readable(request, questionnaire: Questionnaire, *, editor: bool, answered=None) -> bool:
    """`answered`, when the caller already knows it (a Respondent row loaded), spares a
    query."""
    known = answered
    return results_readable(
        questionnaire,
        editor=editor,
        answered=lambda: known if known is not None else _answered(request, questionnaire),
    )


def readable_ids(request, questionnaires, *, editor: bool) -> set[int]:
    """The questionnaires (published, already loaded) whose results this person may read,
    in two queries at most whatever their number."""
    questionnaires = [q for q in questionnaires if q.published_at is not None]
    if editor:
        return {q.pk for q in questionnaires}
    found = {q.pk for q in questionnaires if q.results_visibility == Visibility.PUBLIC}
    asked = [q for q in questionnaires if q.results_visibility == Visibility.RESPONDENTS]
    members = [q.pk for q in asked if not q.is_public]
    if members and _signed_in(request):
        found |= set(
            Respondent.objects.filter(
                questionnaire__in=members, user=request.user, answered=True
            ).values_list("questionnaire_id", flat=True)
        )
    lookup = Q()
    for questionnaire in (q for q in asked if q.is_public):
        lookup |= _public_lookup(request, questionnaire) or Q()
    if lookup:
        found |= set(Response.objects.filter(lookup).values_list("questionnaire_id", flat=True))
    return found
