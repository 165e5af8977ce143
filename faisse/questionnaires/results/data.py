"""The results as plain data (JSON): the API's `/questionnaires/{id}/results` and
`faisse questionnaire_results --json`. Options are named by their labels; see
docs/questionnaires.md for each kind's shape."""

from faisse.questionnaires.models import Question
from faisse.questionnaires.results.compute import QuestionResult, Results

Kind = Question.Kind


def _round(value):
    return None if value is None else round(value, 3)


def question_data(result: QuestionResult) -> dict:
    question = result.question
    data = {
        "key": question.key,
        "type": question.kind,
        "label": question.label,
        "answers": result.answers,
    }
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        data["counts"] = {option.label: option.count for option in result.options}
    elif question.kind == Kind.LIKERT:
        data["counts"] = dict(zip(question.scale, result.distribution, strict=True))
        data["mean"] = _round(result.mean)
    elif question.kind == Kind.RANKING:
        data["ranking"] = [option.label for option in result.ranking]
        data["scores"] = {option.label: option.score for option in result.ranking}
        data["mean_ranks"] = {option.label: _round(option.mean) for option in result.ranking}
        data["tied"] = [option.label for option in result.ranking if option.tied]
    elif question.kind == Kind.MAJORITY_JUDGMENT:
        data["ranking"] = [option.label for option in result.ranking]
        data["scores"] = {option.label: option.majority_label for option in result.ranking}
        data["grades"] = {
            option.label: dict(zip(question.scale, option.grades, strict=True))
            for option in result.ranking
        }
        data["tied"] = [option.label for option in result.ranking if option.tied]
    elif question.kind == Kind.POINTS:
        data["ranking"] = [option.label for option in result.ranking]
        data["scores"] = {option.label: option.score for option in result.ranking}
        data["means"] = {option.label: _round(option.mean) for option in result.ranking}
        data["tied"] = [option.label for option in result.ranking if option.tied]
    elif question.kind == Kind.MATRIX:
        data["rows"] = {
            option.label: dict(zip(question.scale, option.grades, strict=True))
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
