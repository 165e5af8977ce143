"""Who may read a questionnaire's results, one rule for the pages and the API.

The territory's editors always (they follow the answers as they come); otherwise the
results must be published by an editor (`results_visibility`): to everyone, or to the
people who answered (a person of the known list whose answer is recorded, or the browser
that answered a public questionnaire). A draft questionnaire has no results to read.
"""

from faisse.questionnaires.models import Questionnaire, Respondent

Visibility = Questionnaire.ResultsVisibility


def has_answered(questionnaire: Questionnaire, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if Respondent.objects.filter(questionnaire=questionnaire, user=user, answered=True).exists():
        return True
    # A public questionnaire that keeps names: the signed-in person's own response.
    return not questionnaire.anonymous and questionnaire.responses.filter(person=user).exists()


def results_readable(questionnaire: Questionnaire, *, editor: bool, answered) -> bool:
    """`answered` is a boolean or a callable giving it (asked only when it matters)."""
    if editor:
        return True
    if questionnaire.published_at is None:
        return False
    if questionnaire.results_visibility == Visibility.PUBLIC:
        return True
    if questionnaire.results_visibility == Visibility.RESPONDENTS:
        return bool(answered() if callable(answered) else answered)
    return False


def published_results(questionnaires):
    """The questionnaires whose results anyone may read."""
    return questionnaires.filter(published_at__isnull=False, results_visibility=Visibility.PUBLIC)
