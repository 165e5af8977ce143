"""The results as plain data (JSON): the API's `/questionnaires/{id}/results` and
`faisse questionnaire_results --json`. Options are named by their labels; see
docs/questionnaires.md for each kind's shape."""

from faisse.questionnaires.models import Question
from faisse.questionnaires.results.compute import QuestionResult, Results

Kind = Question.Kind


def _round(value):
    return None if value is None else round(value, 3)


def _name_options(result: QuestionResult) -> None:
    """Options are named by their labels; two options of one question with the same label
    (a text and a plan element, say) both get their number after it, so none is lost."""
    seen: dict[str, int] = {}
    for option in result.options:
        seen[option.option.label] = seen.get(option.option.label, 0) + 1
    for option in result.options:
        label = option.option.label
        option.key = label if seen[label] == 1 else f"{label} [{option.option.pk}]"


def question_data(result: QuestionResult) -> dict:
    question = result.question
    _name_options(result)
    data = {
        "key": question.key,
        "type": question.kind,
        "label": question.label,
        "answers": result.answers,
    }
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        data["counts"] = {option.key: option.count for option in result.options}
    elif question.kind == Kind.LIKERT:
        data["counts"] = dict(zip(question.scale, result.distribution, strict=True))
        data["mean"] = _round(result.mean)
    elif question.kind == Kind.RANKING:
        data["ranking"] = [option.key for option in result.ranking]
        data["scores"] = {option.key: option.score for option in result.ranking}
        data["mean_ranks"] = {option.key: _round(option.mean) for option in result.ranking}
        data["tied"] = [option.key for option in result.ranking if option.tied]
    elif question.kind == Kind.MAJORITY_JUDGMENT:
        data["ranking"] = [option.key for option in result.ranking]
        data["scores"] = {option.key: option.majority_label for option in result.ranking}
        data["grades"] = {
            option.key: dict(zip(question.scale, option.grades, strict=True))
            for option in result.ranking
        }
        data["tied"] = [option.key for option in result.ranking if option.tied]
    elif question.kind == Kind.POINTS:
        data["ranking"] = [option.key for option in result.ranking]
        data["scores"] = {option.key: option.score for option in result.ranking}
        data["means"] = {option.key: _round(option.mean) for option in result.ranking}
        data["tied"] = [option.key for option in result.ranking if option.tied]
    elif question.kind == Kind.MATRIX:
        data["rows"] = {
            option.key: dict(zip(question.scale, option.grades, strict=True))
            for option in result.options
        }
    elif question.kind == Kind.COMMUNE:
        data["counts"] = {commune.insee: count for commune, count in result.communes}
    else:
        data["words"] = dict(result.words)
        data["texts"] = result.texts
    return data


def as_data(results: Results) -> dict:
    return {
        "questionnaire": results.questionnaire.pk,
        "title": results.questionnaire.title,
        "respondents": results.respondents,
        "questions": [question_data(result) for result in results.questions],
    }
