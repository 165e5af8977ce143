"""Builders of questionnaires for tests and benchmarks (real rows)."""

import secrets
from datetime import timedelta

from django.utils import timezone

from faisse.accounts.models import hash_token
from faisse.questionnaires.models import Option, Question, Questionnaire, Respondent, Section

LIKERT = ["Pas du tout d’accord", "Plutôt pas d’accord", "Plutôt d’accord", "Tout à fait d’accord"]
GRADES = ["Excellent", "Très bien", "Bien", "Assez bien", "Passable", "Insuffisant", "À rejeter"]


def make_questionnaire(territory, *, published=True, is_open=True, **fields) -> Questionnaire:
    now = timezone.now()
    fields.setdefault("title", "Questionnaire n°1")
    if published:
        fields.setdefault("published_at", now - timedelta(days=2))
        fields.setdefault("opens_on", now - timedelta(days=1))
        closes_on = now + timedelta(days=30) if is_open else now - timedelta(hours=1)
        fields.setdefault("closes_on", closes_on)
    return Questionnaire.objects.create(territory=territory, **fields)


def add_section(questionnaire, title: str = "Page", position: int | None = None) -> Section:
    if position is None:
        position = questionnaire.sections.count()
    return Section.objects.create(
        territory_id=questionnaire.territory_id,
        questionnaire=questionnaire,
        title=title,
        position=position,
    )


def add_question(section, key: str, kind: str, *, options=(), nodes=(), **fields) -> Question:
    """A question with its options (labels, then plan nodes) in order."""
    fields.setdefault("label", f"Question {key}")
    if kind == Question.Kind.LIKERT:
        fields.setdefault("scale", LIKERT)
    if kind == Question.Kind.MAJORITY_JUDGMENT:
        fields.setdefault("scale", GRADES)
    question = Question.objects.create(
        territory_id=section.territory_id,
        questionnaire_id=section.questionnaire_id,
        section=section,
        key=key,
        kind=kind,
        position=section.questions.count(),
        **fields,
    )
    Option.objects.bulk_create(
        [
            Option(
                territory_id=section.territory_id, question=question, position=index, label=label
            )
            for index, label in enumerate(options)
        ]
        + [
            Option(
                territory_id=section.territory_id,
                question=question,
                position=len(options) + index,
                label=node.label,
                node=node,
            )
            for index, node in enumerate(nodes)
        ]
    )
    return question


def invite(questionnaire, user, commune=None, role: str = "") -> tuple[Respondent, str]:
    """A respondent of the known list and the token of their personal link."""
    token = secrets.token_urlsafe(32)
    membership = user.memberships.filter(territory_id=questionnaire.territory_id).first()
    respondent = Respondent.objects.create(
        territory_id=questionnaire.territory_id,
        questionnaire=questionnaire,
        user=user,
        commune=commune or (membership.commune if membership else None),
        role=role or (membership.role if membership else ""),
        token_hash=hash_token(token),
        sent_at=timezone.now(),
    )
    return respondent, token


def option_id(question: Question, label: str) -> str:
    return str(question.options.get(label=label).pk)
