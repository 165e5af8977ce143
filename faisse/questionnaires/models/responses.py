"""Who is asked and what they answered: respondents of a known list, responses, their
answers, and drafts in progress. See the package's docstring on anonymity."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from faisse.accounts.models import Commission, Role
from faisse.core.text import TextValidator
from faisse.questionnaires.models.structure import Option, Question, Questionnaire
from faisse.territories.models import Commune, Territory


def response_key(token: str) -> str:
    """The hash kept on an anonymous response: derived from the personal link's token
    (or a public browser's secret) by another function than the respondent's own hash, so
    that nothing in the database ties the two rows; whoever holds the link finds it."""
    return hashlib.sha256(f"faisse-response:{token}".encode()).hexdigest()


class Respondent(models.Model):
    """A person on the known list of a questionnaire, with their personal link (only the
    hash of its token is stored, as for account invitations).

    `answered` is the only place saying that this person answered (never when, so that
    the time of an anonymous response cannot point back to them). `commune` and `role`
    are those of the person when the list was made: they give response rates per commune
    even after the person's account is erased (`user` then empty).
    """

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="respondents"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaire_invitations",
    )
    commune = models.ForeignKey(Commune, on_delete=models.SET_NULL, null=True, blank=True)
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("lien envoyé le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("relancé·e le"), null=True, blank=True)
    answered = models.BooleanField(_("a répondu"), default=False)

    class Meta:
        verbose_name = _("personne interrogée")
        verbose_name_plural = _("personnes interrogées")
        ordering = ["questionnaire", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "user"],
                condition=Q(user__isnull=False),
                name="unique_respondent_per_questionnaire",
            ),
            models.UniqueConstraint(
                fields=["token_hash"], condition=~Q(token_hash=""), name="unique_respondent_token"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.questionnaire}"


class Response(models.Model):
    """One submitted response: one per person of a known list, one per browser for the
    public (`key_hash`: see `response_key`), re-opened and changed until closing.

    `person` is set only when the questionnaire is not anonymous (and emptied when that
    person erases their account: the answers stay, unattributed). `commune`, `role` and
    `commissions` are the respondent's at submission, for breakdowns; for the public,
    `commune` is the answer to the first commune question. `label` names a public or
    imported response in exports. In anonymous mode `submitted_at` and `updated_at` keep
    the day only.
    """

    class Origin(models.TextChoices):
        WEB = "web", _("en ligne")
        IMPORT = "import", _("importée")

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaire_responses",
    )
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    label = models.CharField(_("répondant·e"), max_length=255, blank=True)
    commune = models.ForeignKey(Commune, on_delete=models.SET_NULL, null=True, blank=True)
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, blank=True)
    commissions = models.ManyToManyField(Commission, blank=True, related_name="+")
    origin = models.CharField(max_length=6, choices=Origin.choices, default=Origin.WEB)
    submitted_at = models.DateTimeField(_("envoyée le"))
    updated_at = models.DateTimeField(_("modifiée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["questionnaire", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "person"],
                condition=Q(person__isnull=False),
                name="one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "key_hash"],
                condition=~Q(key_hash=""),
                name="one_response_per_key",
            ),
        ]
        indexes = [models.Index(fields=["questionnaire", "commune"], name="response_commune")]

    def __str__(self) -> str:
        return f"{self.questionnaire} #{self.pk}"


class Answer(models.Model):
    """One value of a response to a question: see `Question` for what each kind puts in
    `option`, `number`, `commune` and `text`. A question not answered (optional, or not
    shown because of its condition) has no row."""

    # No index of its own on `territory` (every query goes through the question or the
    # response) nor on `question` (the first column of `answer_aggregate`).
    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    option = models.ForeignKey(
        Option, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    number = models.IntegerField(null=True, blank=True)
    commune = models.ForeignKey(
        Commune, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True, validators=[TextValidator("text")])

    class Meta:
        verbose_name = _("valeur de réponse")
        verbose_name_plural = _("valeurs de réponse")
        indexes = [
            models.Index(fields=["question", "option", "number"], name="answer_aggregate"),
        ]

    def __str__(self) -> str:
        return f"{self.question.key}: {self.option_id or self.number or self.text}"


class Draft(models.Model):
    """Answers in progress, kept on the server between pages until submitted (then
    deleted). A known list's draft belongs to the `respondent` — but once an anonymous
    response is submitted, the draft of a change to it is kept by `key_hash` only, like
    the response; a public draft by the browser's `key_hash`. `values` maps a question's
    key to what was entered (the form's raw values)."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="drafts"
    )
    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, null=True, blank=True, related_name="drafts"
    )
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    values = models.JSONField(default=dict)
    page = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("brouillon de réponse")
        verbose_name_plural = _("brouillons de réponse")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "respondent"],
                condition=Q(respondent__isnull=False),
                name="one_draft_per_respondent",
            ),
            models.UniqueConstraint(
                fields=["questionnaire", "key_hash"],
                condition=~Q(key_hash=""),
                name="one_draft_per_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} (brouillon)"
