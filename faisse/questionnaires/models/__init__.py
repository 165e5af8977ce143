"""Questionnaires: what editors ask (questionnaire → sections → questions → options), who is
asked (respondents of a known list, or the public), and what they answered (responses →
answers).

Anonymity is a property of the questionnaire. In anonymous mode a `Response` never points
to a person: it keeps only what breakdowns need (commune, role, commissions, at the time
of answering) and the moment of submission to the day; whether a person has answered
lives only on their `Respondent` row (`answered`, without a date). The person finds their
own anonymous response again with their personal link: the response stores the hash of a
key derived from the link's token (`response_key`), which the database alone cannot tie
to the respondent's own hash.

Values are typed columns of `Answer` (one row per option chosen, ranked, graded…), so that
results are SQL aggregations over an index (question, option, number), and an export reads
answers response by response.
"""

from faisse.questionnaires.models.responses import (
    Answer,
    Draft,
    Respondent,
    Response,
    response_key,
)
from faisse.questionnaires.models.structure import (
    KEY_PATTERN,
    Option,
    Question,
    Questionnaire,
    QuestionnaireQuerySet,
    Section,
    key_validator,
)
from faisse.questionnaires.models.tallies import AnswerTally

__all__ = [
    "KEY_PATTERN",
    "Answer",
    "AnswerTally",
    "Draft",
    "Option",
    "Question",
    "Questionnaire",
    "QuestionnaireQuerySet",
    "Respondent",
    "Response",
    "Section",
    "key_validator",
    "response_key",
]
