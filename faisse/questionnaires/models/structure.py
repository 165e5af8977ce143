"""What editors ask: a questionnaire, its pages (sections), questions and options."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faisse.accounts.models import Commission, Role
from faisse.core.text import TextValidator
from faisse.participation.models import ProcessStep
from faisse.plans.models import PlanNode
from faisse.territories.models import Territory

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
key_validator = RegexValidator(
    KEY_PATTERN,
    _(
        "Une clé compte 1 à 64 caractères : lettres sans accent, chiffres, « _ » ou « - » "
        "(elle nomme la colonne de l’export)."
    ),
)


class QuestionnaireQuerySet(models.QuerySet):
    def of_territory(self, territory: Territory) -> "QuestionnaireQuerySet":
        return self.filter(territory=territory)

    def published(self) -> "QuestionnaireQuerySet":
        return self.filter(published_at__isnull=False)


class Questionnaire(models.Model):
    """A questionnaire of a territory, optionally tied to a step of its process.

    Audience: the public (anyone, one response per browser) or members, then a known list
    drawn from `group` (all members, élus, partners, or one commission): each person on it
    gets a `Respondent` row and a personal link. `status()` is "draft" until published,
    then follows the dates: "scheduled" before `opens_on`, "open", "closed" from
    `closes_on`. `results_visibility` says who may read the results (the results pages).
    """

    class Audience(models.TextChoices):
        MEMBERS = "members", _("Une liste de membres (lien personnel)")
        PUBLIC = "public", _("Le public (ouvert à tous)")

    class Group(models.TextChoices):
        ALL = "all", _("Tous les membres du territoire")
        ELECTED = "elected", _("Les élu·e·s")
        PARTNERS = "partners", _("Les partenaires")
        COMMISSION = "commission", _("Une commission")

    class Status(models.TextChoices):
        DRAFT = "draft", _("brouillon")
        SCHEDULED = "scheduled", _("à venir")
        OPEN = "open", _("ouvert")
        CLOSED = "closed", _("clos")

    class ResultsVisibility(models.TextChoices):
        NONE = "none", _("Réservés à l’équipe du projet")
        RESPONDENTS = "respondents", _("Publiés aux personnes qui ont répondu")
        PUBLIC = "public", _("Publiés à tous")

    # Roles a group draws its list from (ALL: every role; COMMISSION: its members).
    GROUP_ROLES = {Group.ELECTED: (Role.ELECTED,), Group.PARTNERS: (Role.PARTNER,)}

    territory = models.ForeignKey(
        Territory,
        on_delete=models.CASCADE,
        related_name="questionnaires",
        verbose_name=_("territoire"),
    )
    step = models.ForeignKey(
        ProcessStep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaires",
        verbose_name=_("étape de la démarche"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"), null=True, blank=True)
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    description = models.TextField(
        _("présentation"), blank=True, validators=[TextValidator("text")]
    )
    audience = models.CharField(
        _("qui répond"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    group = models.CharField(
        _("liste"), max_length=12, choices=Group.choices, default=Group.ELECTED, blank=True
    )
    commission = models.ForeignKey(
        Commission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaires",
        verbose_name=_("commission"),
    )
    anonymous = models.BooleanField(_("réponses anonymes"), default=False)
    opens_on = models.DateTimeField(_("ouverture"), null=True, blank=True)
    closes_on = models.DateTimeField(_("clôture"), null=True, blank=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    results_visibility = models.CharField(
        _("résultats"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.NONE,
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["territory", "-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("questionnaires:detail", args=[self.territory.slug, self.pk])

    @property
    def is_public(self) -> bool:
        return self.audience == self.Audience.PUBLIC

    def status(self, now=None) -> str:
        if self.published_at is None:
            return self.Status.DRAFT
        now = now or timezone.now()
        if self.closes_on is not None and now >= self.closes_on:
            return self.Status.CLOSED
        if self.opens_on is not None and now < self.opens_on:
            return self.Status.SCHEDULED
        return self.Status.OPEN

    def get_status_display(self) -> str:
        return self.Status(self.status()).label

    def is_open(self, now=None) -> bool:
        return self.status(now) == self.Status.OPEN


class Section(models.Model):
    """A page of the questionnaire: its questions are answered together, pages in order."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("titre de la page"), max_length=255, validators=[TextValidator()])
    description = models.TextField(
        _("présentation"), blank=True, validators=[TextValidator("text")]
    )
    position = models.PositiveIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("page du questionnaire")
        verbose_name_plural = _("pages du questionnaire")
        ordering = ["questionnaire", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """A question, on a page; `key` names it (unique in its questionnaire, column of the
    export). What each kind uses, and what its answers hold (`Answer`):

    - short_text, long_text: one row, `text`;
    - single_choice (options): one row, `option`;
    - multiple_choice (options, `max_choices`): one row per option chosen, `option`;
    - ranking (options, `max_choices`: ranks to give, all when empty): one row per option
      ranked, `option` and `number` = rank (1 = first);
    - likert (`scale`: labels of the N points, lowest first): one row, `number` = 1…N;
    - majority_judgment (options, `scale`: grades best first): one row per option graded,
      `option` and `number` = grade (1 = best);
    - points (options, `total`): one row per option, `option` and `number` = points (0 kept);
    - commune (the territory's communes): one row, `commune`;
    - matrix (options = rows, `scale` = columns, `max_choices` per row, 1 when empty): one
      row per cell ticked, `option` = row and `number` = column (1 = first).

    `show_if_question` with `show_if_option` (a choice) or `show_if_value` (a text, a
    likert label or number, a commune's INSEE code) makes the question conditional: it is
    asked only when that earlier question (on an earlier page) got that answer.
    """

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Réponse courte")
        LONG_TEXT = "long_text", _("Réponse longue")
        SINGLE_CHOICE = "single_choice", _("Choix unique")
        MULTIPLE_CHOICE = "multiple_choice", _("Choix multiples")
        RANKING = "ranking", _("Classement")
        LIKERT = "likert", _("Échelle d’accord (Likert)")
        MAJORITY_JUDGMENT = "majority_judgment", _("Jugement majoritaire")
        POINTS = "points", _("Répartition de points")
        COMMUNE = "commune", _("Commune")
        MATRIX = "matrix", _("Tableau (lignes × colonnes)")

    WITH_OPTIONS = frozenset(
        {
            Kind.SINGLE_CHOICE,
            Kind.MULTIPLE_CHOICE,
            Kind.RANKING,
            Kind.MAJORITY_JUDGMENT,
            Kind.POINTS,
            Kind.MATRIX,
        }
    )
    WITH_SCALE = frozenset({Kind.LIKERT, Kind.MAJORITY_JUDGMENT, Kind.MATRIX})
    TEXTS = frozenset({Kind.SHORT_TEXT, Kind.LONG_TEXT})
    # Kinds whose answer can be the condition of another question.
    CONDITION_SOURCES = frozenset(
        {
            Kind.SHORT_TEXT,
            Kind.LONG_TEXT,
            Kind.SINGLE_CHOICE,
            Kind.MULTIPLE_CHOICE,
            Kind.LIKERT,
            Kind.COMMUNE,
        }
    )

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("rang"), default=0)
    key = models.CharField(_("clé"), max_length=64, validators=[key_validator])
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    label = models.TextField(_("question"), validators=[TextValidator("title")])
    help_text = models.TextField(_("aide"), blank=True, validators=[TextValidator("text")])
    required = models.BooleanField(_("réponse obligatoire"), default=False)
    max_choices = models.PositiveSmallIntegerField(_("nombre maximal"), null=True, blank=True)
    total = models.PositiveIntegerField(_("points à répartir"), null=True, blank=True)
    scale = models.JSONField(_("échelle"), default=list, blank=True)
    show_if_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependents",
        verbose_name=_("affichée si la question"),
    )
    show_if_option = models.ForeignKey(
        "Option",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("a pour réponse le choix"),
    )
    show_if_value = models.CharField(
        _("a pour réponse"), max_length=255, blank=True, validators=[TextValidator()]
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "section__position", "section_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "key"], name="unique_question_key_per_questionnaire"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_conditional(self) -> bool:
        return self.show_if_question_id is not None

    @property
    def grades(self) -> list[str]:
        """Majority judgment: the grades, best first."""
        return list(self.scale)

    @property
    def columns(self) -> list[str]:
        """Matrix: the columns' labels."""
        return list(self.scale)

    def per_row(self) -> int:
        """Matrix: how many columns may be ticked in one row."""
        return self.max_choices or 1


class Option(models.Model):
    """A choice of a question (a row of a matrix): a free text, or a node of the plan so
    that élus rank or grade the plan's own orientations or actions. `label` is always
    filled (the node's label when chosen), so the option stays readable if the node goes."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(_("rang"), default=0)
    label = models.TextField(_("libellé"), validators=[TextValidator("title")])
    node = models.ForeignKey(
        PlanNode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaire_options",
        verbose_name=_("élément du projet"),
    )

    class Meta:
        verbose_name = _("choix")
        verbose_name_plural = _("choix")
        ordering = ["question", "position", "id"]

    def __str__(self) -> str:
        return self.label
