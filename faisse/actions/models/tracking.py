"""What happens to an action over time: milestones, dated updates, documents."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.actions import statuses
from faisse.actions.models.sheet import ActionSheet
from faisse.core.text import TextValidator
from faisse.plans.models import Plan
from faisse.territories.models import Territory


class Milestone(models.Model):
    sheet = models.ForeignKey(ActionSheet, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(_("rang"), default=0)
    title = models.CharField(_("étape"), max_length=255, validators=[TextValidator()])
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    done = models.BooleanField(_("réalisée"), default=False)
    done_on = models.DateField(_("réalisée le"), null=True, blank=True)
    history = HistoricalRecords(
        verbose_name=_("historique des étapes"), verbose_name_plural=_("historique des étapes")
    )

    class Meta:
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")
        ordering = ["sheet", "position", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ActionUpdate(models.Model):
    """A dated point on an action: a status or progress change, a note, or both. The date
    (`on`) is when it happened, chosen by its writer; `created_at` is when it was written.
    "What happened in 2025" reads these rows."""

    sheet = models.ForeignKey(ActionSheet, on_delete=models.CASCADE, related_name="updates")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    on = models.DateField(_("date"), db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    old_status = models.CharField(max_length=12, choices=statuses.CHOICES, blank=True)
    new_status = models.CharField(_("statut"), max_length=12, choices=statuses.CHOICES, blank=True)
    old_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    new_progress = models.PositiveSmallIntegerField(
        _("avancement (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("note"), blank=True, validators=[TextValidator("text")])
    is_public = models.BooleanField(_("note publique"), default=False)
    history = HistoricalRecords(
        verbose_name=_("historique des points de suivi"),
        verbose_name_plural=_("historique des points de suivi"),
    )

    class Meta:
        verbose_name = _("point de suivi")
        verbose_name_plural = _("points de suivi")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.on} {self.note[:40]}"

    @property
    def changes_status(self) -> bool:
        return self.new_status != self.old_status and bool(self.new_status)


class ActionDocument(models.Model):
    sheet = models.ForeignKey(ActionSheet, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titre"), max_length=255, validators=[TextValidator()])
    url = models.URLField(_("adresse"), max_length=1000, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ajouté par"),
    )
    added_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)
    history = HistoricalRecords(
        verbose_name=_("historique des documents"),
        verbose_name_plural=_("historique des documents"),
    )

    class Meta:
        verbose_name = _("document ou lien")
        verbose_name_plural = _("documents et liens")
        ordering = ["sheet", "title"]

    def __str__(self) -> str:
        return self.title
