"""The answering pages: one page of the questionnaire at a time, a summary, a thank-you.

Two ways in: a personal link (`/<slug>/questionnaires/<pk>/lien/<token>/…`), whose token
is the only credential (no account needed), and the public way
(`/<slug>/questionnaires/<pk>/repondre/…`) for public questionnaires, where a signed
cookie holds the browser's secret. Without JavaScript: conditions are evaluated on the
server when a page is sent, and the next page asks only what applies.
"""

import secrets
from dataclasses import dataclass

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from faisse.questionnaires.answering import (
    Answerer,
    AnsweringRefused,
    SubmissionInvalid,
    current_draft,
    ensure_open,
    existing_response,
    public_allowed,
    respondent_of,
    save_page,
    submit,
)
from faisse.questionnaires.checking import check_all, keep_shown, shown
from faisse.questionnaires.fields import question_field, read_page, shown_value
from faisse.questionnaires.models import Draft, Questionnaire
from faisse.questionnaires.outline import Outline
from faisse.territories.models import Territory

COOKIE_SALT = "faisse-questionnaire"


def cookie_name(questionnaire: Questionnaire) -> str:
    return f"faisse_q{questionnaire.pk}"


@dataclass
class Visit:
    """One request on the answering pages: who answers, where the pages are."""

    territory: Territory
    questionnaire: Questionnaire
    outline: Outline
    answerer: Answerer | None
    token: str | None = None
    new_secret: str | None = None  # a public browser's first answer: the cookie to set

    def url(self, name: str, *extra) -> str:
        args = [self.territory.slug, self.questionnaire.pk]
        if self.token:
            return reverse(f"questionnaires:link_{name}", args=[*args, self.token, *extra])
        return reverse(f"questionnaires:answer_{name}", args=[*args, *extra])

    @property
    def url_start(self) -> str:
        return self.url("start")

    @property
    def url_first(self) -> str:
        return self.url("page", 1)

    def draft(self) -> Draft | None:
        if self.answerer is None:
            return None
        return current_draft(self.answerer, self.outline)

    def context(self, **extra) -> dict:
        return {
            "territory": self.territory,
            "questionnaire": self.questionnaire,
            "visit": self,
            "pages": self.outline.pages,
            **extra,
        }

    def finish(self, response):
        """Set the public browser's cookie when this request gave it a secret."""
        if self.new_secret:
            response.set_signed_cookie(
                cookie_name(self.questionnaire),
                self.new_secret,
                salt=COOKIE_SALT,
                max_age=400 * 24 * 3600,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


def _visit(request, slug, pk, token=None) -> Visit:
    territory = get_object_or_404(Territory, slug=slug)
    questionnaire = get_object_or_404(Questionnaire.objects.published(), pk=pk, territory=territory)
    if token is not None:
        respondent = respondent_of(questionnaire, token)
        if respondent is None:
            raise Http404(_("Ce lien personnel n’est pas (ou plus) valable."))
        answerer = Answerer(questionnaire, token, respondent)
    else:
        if not questionnaire.is_public:
            raise Http404(_("Ce questionnaire se remplit avec un lien personnel."))
        secret = request.get_signed_cookie(cookie_name(questionnaire), None, salt=COOKIE_SALT)
        answerer = Answerer(questionnaire, secret, user=request.user) if secret else None
    visit = Visit(territory, questionnaire, Outline.load(questionnaire), answerer, token)
    return visit


def _ensure_answerer(request, visit: Visit) -> None:
    """A public browser answering for the first time gets its secret (throttled by IP)."""
    if visit.answerer is not None:
        return
    if not public_allowed(get_client_ip_address(request) or "unknown"):
        raise AnsweringRefused(
            _(
                "Trop de réponses viennent de votre adresse réseau en ce moment : "
                "réessayez dans une heure."
            )
        )
    visit.new_secret = secrets.token_urlsafe(32)
    visit.answerer = Answerer(visit.questionnaire, visit.new_secret, user=request.user)


def _unavailable(request, visit: Visit, message: str, status: int = 200):
    context = visit.context(message=message)
    return render(request, "questionnaires/answer/unavailable.html", context, status=status)


def _asked_pages(outline: Outline, values: dict) -> list[int]:
    asked = shown(outline, values)
    return [
        index
        for index, page in enumerate(outline.pages)
        if any(question.pk in asked for question in page.questions)
    ]


def _next_url(visit: Visit, values: dict, index: int, step: int) -> str:
    pages = _asked_pages(visit.outline, values)
    later = [page for page in pages if page > index] if step > 0 else None
    earlier = [page for page in pages if page < index] if step < 0 else None
    if step > 0:
        return visit.url("page", later[0] + 1) if later else visit.url("summary")
    return visit.url("page", earlier[-1] + 1) if earlier else visit.url("start")


@never_cache
def start(request, slug, pk, token=None):
    """A personal link's first page: what the questionnaire is, where one stands."""
    visit = _visit(request, slug, pk, token)
    response = existing_response(visit.answerer) if visit.answerer else None
    draft = visit.draft()
    first = _asked_pages(visit.outline, draft.values if draft else {})
    context = visit.context(
        response=response,
        has_draft=draft is not None and draft.pk is not None,
        first_url=visit.url("page", first[0] + 1) if first else visit.url("summary"),
        status=visit.questionnaire.status(),
    )
    return render(request, "questionnaires/answer/start.html", context)


@never_cache
def page(request, slug, pk, number, token=None):
    visit = _visit(request, slug, pk, token)
    outline = visit.outline
    index = number - 1
    if not 0 <= index < len(outline.pages):
        raise Http404
    try:
        ensure_open(visit.questionnaire)
    except AnsweringRefused as refusal:
        return _unavailable(request, visit, str(refusal), 400 if request.method == "POST" else 200)
    draft = visit.draft()
    values = dict(draft.values) if draft else {}
    errors = {}
    if request.method == "POST":
        asked = shown(outline, values)
        questions = [q for q in outline.pages[index].questions if q.pk in asked]
        posted = read_page(questions, request.POST)
        merged = keep_shown(outline, {**values, **posted})
        going_back = request.POST.get("go") == "previous"
        if not going_back:
            _typed, errors = check_all(outline, merged, only=questions)
        if not errors:
            try:
                _ensure_answerer(request, visit)
                save_page(visit.answerer, outline, draft, posted)
            except AnsweringRefused as refusal:
                return _unavailable(request, visit, str(refusal), 400)
            target = _next_url(visit, merged, index, -1 if going_back else 1)
            return visit.finish(redirect(target))
        values = {**values, **posted}
    asked_pages = _asked_pages(outline, values)
    if index not in asked_pages:  # nothing to ask here given the answers so far
        return redirect(_next_url(visit, values, index, 1))
    asked = shown(outline, values)
    fields = [
        question_field(
            question, values.get(question.key), str(errors.get(question.key, "")), outline
        )
        for question in outline.pages[index].questions
        if question.pk in asked
    ]
    context = visit.context(
        page=outline.pages[index],
        fields=fields,
        errors=errors,
        position=asked_pages.index(index) + 1,
        count=len(asked_pages),
        previous_exists=asked_pages[0] < index,
        action=visit.url("page", number),
    )
    status = 400 if errors else 200
    return render(request, "questionnaires/answer/page.html", context, status=status)


@never_cache
def summary(request, slug, pk, token=None):
    visit = _visit(request, slug, pk, token)
    outline = visit.outline
    try:
        ensure_open(visit.questionnaire)
    except AnsweringRefused as refusal:
        return _unavailable(request, visit, str(refusal), 400 if request.method == "POST" else 200)
    draft = visit.draft()
    values = keep_shown(outline, draft.values if draft else {})
    refusal = None
    if request.method == "POST" and visit.answerer is not None:
        draft = draft or Draft(values={})
        try:
            submit(visit.answerer, outline, draft)
        except SubmissionInvalid:
            pass  # shown below, question by question
        except AnsweringRefused as error:
            refusal = str(error)
        else:
            return redirect(visit.url("thanks"))
    _typed, errors = check_all(outline, values)
    asked = shown(outline, values)
    lines = [
        {
            "question": question,
            "answer": shown_value(question, values.get(question.key), outline),
            "error": errors.get(question.key),
            "page_url": visit.url("page", outline.page_index[question.pk] + 1),
        }
        for question in outline.questions
        if question.pk in asked
    ]
    context = visit.context(
        lines=lines,
        errors=errors,
        refusal=refusal,
        started=visit.answerer is not None,
        editing=visit.answerer is not None and existing_response(visit.answerer) is not None,
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "questionnaires/answer/summary.html", context, status=status)


@never_cache
def thanks(request, slug, pk, token=None):
    visit = _visit(request, slug, pk, token)
    response = existing_response(visit.answerer) if visit.answerer else None
    if response is None:
        return redirect(visit.url("start"))
    return render(request, "questionnaires/answer/thanks.html", visit.context(response=response))
