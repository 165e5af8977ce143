"""The participatory process that builds or updates a plan: its dated steps, their
deliverables; meetings, questionnaires and proposals hang on a step (their own apps)."""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faisse.core.text import TextValidator
from faisse.plans.models import Plan
from faisse.territories.models import Territory


class Process(models.Model):
    """The process that produces or updates a plan ("actualisation du projet de
    territoire 2017-2018"); a territory runs one at each update."""

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="processes", verbose_name=_("territoire")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        related_name="processes",
        null=True,
        blank=True,
        verbose_name=_("projet de territoire produit ou actualisé"),
    )
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    description = models.TextField(_("description"), blank=True, validators=[TextValidator("text")])
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("démarche")
        verbose_name_plural = _("démarches")
        ordering = ["territory", "-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ProcessStep(models.Model):
    """A dated step of the process: workshop step, questionnaire, hearing, meeting, vote."""

    class Phase(models.TextChoices):
        PREPARATION = "preparation", _("Préparation")
        CO_CONSTRUCTION = "co_construction", _("Co-construction avec les élus")
        SHARING = "sharing", _("Partage du projet")

    class Kind(models.TextChoices):
        PREPARATION = "preparation", _("Préparation")
        WORKSHOP = "workshop", _("Étape de travail")
        QUESTIONNAIRE = "questionnaire", _("Questionnaire")
        HEARING = "hearing", _("Auditions")
        MEETING = "meeting", _("Réunion")
        COUNCIL = "council", _("Conseil communautaire")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("jour")
        MONTH = "month", _("mois")

    class State(models.TextChoices):
        PAST = "past", _("passée")
        CURRENT = "current", _("en cours")
        UPCOMING = "upcoming", _("à venir")

    territory = models.ForeignKey(
        Territory,
        on_delete=models.CASCADE,
        related_name="process_steps",
        verbose_name=_("territoire"),
    )
    process = models.ForeignKey(
        Process,
        on_delete=models.CASCADE,
        related_name="steps",
        null=True,
        blank=True,
        verbose_name=_("démarche"),
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        related_name="process_steps",
        null=True,
        blank=True,
        verbose_name=_("projet de territoire"),
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("numéro"), null=True, blank=True)
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    description = models.TextField(_("description"), blank=True, validators=[TextValidator("text")])
    # A step the source names without a date (a questionnaire "between two steps") keeps
    # its place through `position` and leaves its dates empty rather than guessed.
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    date_precision = models.CharField(
        _("précision des dates"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    # Empty: the state follows today's date; set by hand when the calendar slipped.
    state_override = models.CharField(
        _("état choisi"), max_length=10, choices=State.choices, blank=True
    )
    position = models.PositiveIntegerField(_("rang"), default=0)
    source_line = models.PositiveIntegerField(_("ligne du document source"), null=True, blank=True)

    class Meta:
        verbose_name = _("étape de la démarche")
        verbose_name_plural = _("étapes de la démarche")
        ordering = ["territory", "position", "id"]

    def __str__(self) -> str:
        return self.title

    def state(self, today: date | None = None) -> str | None:
        """Past, current or upcoming: as set by hand, else from its dates (a month-precise
        end runs to the end of that month, as stored). None for a step without dates."""
        if self.state_override:
            return self.state_override
        if self.starts_on is None and self.ends_on is None:
            return None
        today = today or timezone.localdate()
        start, end = self.starts_on or self.ends_on, self.ends_on or self.starts_on
        if end < today:
            return self.State.PAST
        if start > today:
            return self.State.UPCOMING
        return self.State.CURRENT


class Deliverable(models.Model):
    """What a step produced or gives to read: a document or a page, by its address."""

    step = models.ForeignKey(ProcessStep, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    url = models.URLField(_("adresse"), max_length=500)
    position = models.PositiveIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("livrable")
        verbose_name_plural = _("livrables")
        ordering = ["step", "position", "id"]

    def __str__(self) -> str:
        return self.title
