"""The participatory process that builds and updates a plan (steps, for now as plain data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from faisse.plans.models import Plan
from faisse.territories.models import Territory


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

    territory = models.ForeignKey(
        Territory,
        on_delete=models.CASCADE,
        related_name="process_steps",
        verbose_name=_("territoire"),
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
    title = models.CharField(_("intitulé"), max_length=255)
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
    position = models.PositiveIntegerField(_("rang"), default=0)
    source_line = models.PositiveIntegerField(_("ligne du document source"), null=True, blank=True)

    class Meta:
        verbose_name = _("étape de la démarche")
        verbose_name_plural = _("étapes de la démarche")
        ordering = ["territory", "position", "id"]

    def __str__(self) -> str:
        return self.title
