"""Answering a questionnaire: who answers (a personal link or a public browser), the
draft kept between pages, and the submission, which writes the response whole or not at
all.

A person of a known list is recognised by the token of their personal link; a public
browser by the secret of its signed cookie. The response is found again by the hash of
that secret (`response_key`) and, when the questionnaire is not anonymous, by its person:
changing one's answer re-opens the same response until closing, never makes a second one.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, time

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from faisse.accounts.models import Membership, hash_token
from faisse.core.errors import Refusal
from faisse.questionnaires import tallies
from faisse.questionnaires.checking import answer_rows, check_all, keep_shown, raw_from_answers
from faisse.questionnaires.models import (
    Answer,
    Draft,
    Questionnaire,
    Respondent,
    Response,
    response_key,
)
from faisse.questionnaires.outline import Outline

logger = logging.getLogger(__name__)

PUBLIC_RESPONSES_PER_HOUR = 30  # new public drafts or responses per IP address


class AnsweringRefused(Refusal):
    """The questionnaire does not take this answer now (closed, not open, answered)."""


class SubmissionInvalid(Refusal):
    """Some answers are refused; `errors` maps question keys to AnswerError."""

    def __init__(self, errors: dict):
        self.errors = errors
        super().__init__(" ".join(str(error) for error in errors.values()))


@dataclass
class Answerer:
    """Who answers: a respondent with their link's token, or a browser's secret."""

    questionnaire: Questionnaire
    secret: str
    respondent: Respondent | None = None
    user: object = None  # the signed-in person answering a public questionnaire

    @property
    def key(self) -> str:
        return response_key(self.secret)

    @property
    def keeps_person(self) -> bool:
        return not self.questionnaire.anonymous

    @property
    def person_id(self) -> int | None:
        """The person answering, when known: the respondent's, or the signed-in one's."""
        if self.respondent is not None:
            return self.respondent.user_id
        if self.user is not None and getattr(self.user, "is_authenticated", False):
            return self.user.pk
        return None


def respondent_of(questionnaire: Questionnaire, token: str) -> Respondent | None:
    return (
        Respondent.objects.select_related("user")
        .filter(questionnaire=questionnaire, token_hash=hash_token(token))
        .exclude(token_hash="")
        .first()
    )


def moment_text(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), _("j F Y à H:i"))


def ensure_open(questionnaire: Questionnaire) -> None:
    status = questionnaire.status()
    if status == Questionnaire.Status.CLOSED:
        raise AnsweringRefused(
            _("Ce questionnaire est clos depuis le %(moment)s : il ne reçoit plus de réponse.")
            % {"moment": moment_text(questionnaire.closes_on)}
        )
    if status == Questionnaire.Status.SCHEDULED:
        raise AnsweringRefused(
            _("Ce questionnaire ouvrira le %(moment)s.")
            % {"moment": moment_text(questionnaire.opens_on)}
        )
    if status != Questionnaire.Status.OPEN:
        raise AnsweringRefused(_("Ce questionnaire n’est pas publié."))


def existing_response(answerer: Answerer) -> Response | None:
    responses = Response.objects.filter(questionnaire=answerer.questionnaire)
    if answerer.keeps_person and answerer.person_id is not None:
        found = responses.filter(person_id=answerer.person_id).first()
        if found is not None:
            return found
    return responses.filter(key_hash=answerer.key).first()


def _draft_lookup(answerer: Answerer) -> dict:
    respondent = answerer.respondent
    # Once an anonymous response is submitted, the draft of a change to it is tied to the
    # link's key only, like the response: never to the person.
    if respondent is not None and not (answerer.questionnaire.anonymous and respondent.answered):
        return {"respondent": respondent}
    return {"key_hash": answerer.key}


def current_draft(answerer: Answerer, outline: Outline) -> Draft | None:
    """The draft in progress; for someone who already answered, a new draft holding their
    response, so that they change it (not saved until they move on)."""
    lookup = _draft_lookup(answerer)
    draft = Draft.objects.filter(questionnaire=answerer.questionnaire, **lookup).first()
    if draft is not None:
        return draft
    response = existing_response(answerer)
    if response is None:
        return None
    rows: dict[int, list] = {}
    for answer in response.answers.order_by("id"):
        rows.setdefault(answer.question_id, []).append(answer)
    values = {
        question.key: raw_from_answers(question, rows[question.pk], outline)
        for question in outline.questions
        if question.pk in rows
    }
    return Draft(
        questionnaire=answerer.questionnaire,
        territory_id=answerer.questionnaire.territory_id,
        values=values,
        **lookup,
    )


def public_allowed(address: str) -> bool:
    """Count a new public draft from this IP address; False past the hourly limit."""
    key = "faisse:questionnaires:public:" + hashlib.sha256(address.encode()).hexdigest()
    try:
        cache.add(key, 0, timeout=3600)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    except RedisError:
        logger.exception("The cache could not be reached; public answer not counted")
        return True
    return count <= PUBLIC_RESPONSES_PER_HOUR


def save_page(answerer: Answerer, outline: Outline, draft: Draft | None, page_values: dict):
    """Keep the answers of a page in the draft (created if needed); answers to questions
    no longer asked are dropped. Returns the draft."""
    ensure_open(answerer.questionnaire)
    if draft is None:
        draft = Draft(
            questionnaire=answerer.questionnaire,
            territory_id=answerer.questionnaire.territory_id,
            **_draft_lookup(answerer),
        )
    draft.values = keep_shown(outline, {**draft.values, **page_values})
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError:  # the same person saved a first page in another tab meanwhile
        lookup = _draft_lookup(answerer)
        existing = Draft.objects.get(questionnaire=answerer.questionnaire, **lookup)
        existing.values = draft.values
        existing.save()
        draft = existing
    return draft


def local_day(moment: datetime) -> datetime:
    """Midnight of the moment's day, Europe/Paris: all an anonymous response keeps."""
    day = timezone.localtime(moment).date()
    return timezone.make_aware(datetime.combine(day, time.min))


def _profile(answerer: Answerer, outline: Outline, typed: dict) -> dict:
    """What a response keeps about who answered: the person (not anonymous), and their
    commune, role and commissions for breakdowns."""
    questionnaire = answerer.questionnaire
    person = answerer.respondent.user if answerer.respondent else answerer.user
    membership = None
    if person is not None and getattr(person, "is_authenticated", True):
        membership = (
            Membership.objects.filter(user=person, territory_id=questionnaire.territory_id)
            .prefetch_related("commissions")
            .first()
        )
    else:
        person = None
    commune_id = membership.commune_id if membership else None
    role = membership.role if membership else ""
    if answerer.respondent is not None:
        commune_id = commune_id or answerer.respondent.commune_id
        role = role or answerer.respondent.role
    if commune_id is None:  # the public: their answer to the first commune question
        for question in outline.questions:
            if question.kind == question.Kind.COMMUNE and question.key in typed:
                commune_id = outline.communes[typed[question.key]].pk
                break
    return {
        "person": person if answerer.keeps_person else None,
        "commune_id": commune_id,
        "role": role,
        "commissions": list(membership.commissions.all()) if membership else [],
    }


def submit(answerer: Answerer, outline: Outline, draft: Draft) -> Response:
    """Write the response whole (answers replaced if it existed), mark the respondent as
    having answered and drop the draft; nothing is written when something is refused."""
    questionnaire = answerer.questionnaire
    with transaction.atomic():
        # Locked first (as an import does): the tallies of this questionnaire are written
        # by one response at a time.
        questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
        if answerer.respondent is not None:
            respondent = Respondent.objects.select_for_update().get(pk=answerer.respondent.pk)
            answerer.respondent = respondent
        ensure_open(questionnaire)
        values = keep_shown(outline, draft.values)
        typed, errors = check_all(outline, values)
        if errors:
            raise SubmissionInvalid(errors)
        response = existing_response(answerer)
        if response is None and answerer.respondent is not None and answerer.respondent.answered:
            raise AnsweringRefused(
                _(
                    "Vous avez déjà répondu à ce questionnaire : une seule réponse par "
                    "personne. Ouvrez le lien de votre premier courriel pour la modifier."
                )
            )
        profile = _profile(answerer, outline, typed)
        now = timezone.now()
        if questionnaire.anonymous:
            now = local_day(now)
        if response is None:
            response = Response(
                questionnaire=questionnaire,
                territory_id=questionnaire.territory_id,
                key_hash=answerer.key,
                submitted_at=now,
            )
        else:
            response.updated_at = now
            kinds = {question.pk: question.kind for question in outline.questions}
            tallies.forget_response(questionnaire, response, kinds)
            response.answers.all().delete()
        response.person = profile["person"]
        response.commune_id = profile["commune_id"]
        response.role = profile["role"]
        response.save()
        response.commissions.set(profile["commissions"])
        answers = Answer.objects.bulk_create(
            Answer(
                territory_id=questionnaire.territory_id,
                response=response,
                question=outline.by_key[key],
                **row,
            )
            for key, value in typed.items()
            for row in answer_rows(outline.by_key[key], value, outline)
        )
        tallies.add_answers(questionnaire, answers)
        if answerer.respondent is not None and not answerer.respondent.answered:
            Respondent.objects.filter(pk=answerer.respondent.pk).update(answered=True)
            answerer.respondent.answered = True
        if draft.pk:
            draft.delete()
    return response
