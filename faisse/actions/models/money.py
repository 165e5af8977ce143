"""Budget lines and fundings of an action sheet, in euros HT."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.actions.models.sheet import ActionSheet, Organisation
from faisse.plans.models import Plan
from faisse.territories.models import Territory


class BudgetLine(models.Model):
    """An amount planned or spent, for investment or operation, in one year (or none).
    One line per (kind, nature, year); the lines without a year are kept single by the
    forms and the import (a database constraint would treat their NULLs as distinct)."""

    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("Investissement")
        OPERATION = "operation", _("Fonctionnement")

    class Nature(models.TextChoices):
        PLANNED = "planned", _("Prévisionnel")
        ACTUAL = "actual", _("Réel")

    sheet = models.ForeignKey(ActionSheet, on_delete=models.CASCADE, related_name="budget_lines")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("section"), max_length=12, choices=Kind.choices)
    nature = models.CharField(_("nature"), max_length=8, choices=Nature.choices)
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True)
    amount = models.DecimalField(_("montant (€ HT)"), max_digits=14, decimal_places=2)
    history = HistoricalRecords(
        verbose_name=_("historique des lignes budgétaires"),
        verbose_name_plural=_("historique des lignes budgétaires"),
    )

    class Meta:
        verbose_name = _("ligne budgétaire")
        verbose_name_plural = _("lignes budgétaires")
        ordering = ["sheet", "year", "kind", "nature"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "kind", "nature", "year"],
                name="unique_budget_line",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_nature_display()} {self.year or ''}"


class Funding(models.Model):
    """An amount given by one or several financers together ("Métropole, Région")."""

    sheet = models.ForeignKey(ActionSheet, on_delete=models.CASCADE, related_name="fundings")
    position = models.PositiveSmallIntegerField(_("rang"), default=1)
    financers = models.ManyToManyField(Organisation, related_name="+", verbose_name=_("financeurs"))
    amount = models.DecimalField(
        _("montant (€ HT)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True)
    history = HistoricalRecords(
        m2m_fields=["financers"],
        verbose_name=_("historique des financements"),
        verbose_name_plural=_("historique des financements"),
    )

    class Meta:
        verbose_name = _("financement")
        verbose_name_plural = _("financements")
        ordering = ["sheet", "position", "id"]

    def __str__(self) -> str:
        return f"{self.amount or ''} €"
