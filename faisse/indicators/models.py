"""Indicators of the plan: what is measured, the yearly targets, the measured values.

An indicator belongs to a territory (and, usually, to one of its plans) and is linked to
any element of the plan (`IndicatorLink`): an action, an objective, an axis. Whether it
is on target is computed on read (faisse/indicators/targets.py), never stored.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.core.text import TextValidator
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Territory

VALUE_DIGITS = {"max_digits": 20, "decimal_places": 4}
MAX_DECIMALS = 4  # shown after the comma at most: what the values keep
FIRST_YEAR, LAST_YEAR = 1900, 2200


class IndicatorQuerySet(models.QuerySet):
    def of_territory(self, territory: Territory) -> "IndicatorQuerySet":
        return self.filter(territory=territory)

    def visible(self, *, drafts: bool) -> "IndicatorQuerySet":
        """Published indicators; every one for those who read drafts (`view_drafts`)."""
        return self if drafts else self.filter(is_published=True)

    def for_listing(self) -> "IndicatorQuerySet":
        return self.select_related("territory", "plan").order_by("title", "pk")


class Indicator(models.Model):
    class Kind(models.TextChoices):
        REALISATION = "realisation", _("Réalisation")
        RESULT = "result", _("Résultat")
        IMPACT = "impact", _("Impact")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("À augmenter")
        DECREASE = "decrease", _("À diminuer")

    # What an editor changes from the edit form (targets, pilots and links apart).
    EDITABLE_FIELDS = (
        "title",
        "kind",
        "unit",
        "description",
        "direction",
        "decimals",
        "baseline_value",
        "baseline_on",
        "default_source",
        "is_published",
    )

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="+", verbose_name=_("territoire")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("projet de territoire"),
    )
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    kind = models.CharField(_("nature"), max_length=12, choices=Kind.choices, default=Kind.RESULT)
    unit = models.CharField(_("unité"), max_length=40, blank=True, validators=[TextValidator()])
    description = models.TextField(_("description"), blank=True, validators=[TextValidator("text")])
    direction = models.CharField(
        _("sens souhaité"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    decimals = models.PositiveSmallIntegerField(_("décimales affichées"), default=0)
    baseline_value = models.DecimalField(
        _("valeur de référence"), null=True, blank=True, **VALUE_DIGITS
    )
    baseline_on = models.DateField(_("date de la valeur de référence"), null=True, blank=True)
    default_source = models.CharField(
        _("source habituelle"), max_length=255, blank=True, validators=[TextValidator()]
    )
    is_published = models.BooleanField(_("publié"), default=True)
    pilots = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="piloted_indicators",
        verbose_name=_("pilotes"),
    )
    nodes = models.ManyToManyField(
        PlanNode,
        through="IndicatorLink",
        blank=True,
        related_name="indicators",
        verbose_name=_("éléments du projet"),
    )
    # Raised by every save from the site: a form opened before cannot write over a change.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = IndicatorQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=["pilots"],
        verbose_name=_("historique des indicateurs"),
        verbose_name_plural=_("historique des indicateurs"),
    )

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["territory", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decimals__lte=MAX_DECIMALS), name="indicator_decimals_at_most_4"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url_for(self.territory.slug)

    def url_for(self, territory_slug: str) -> str:
        return reverse("indicators_public:detail", args=[territory_slug, self.pk])

    @property
    def baseline_year(self) -> int | None:
        if self.baseline_value is None or self.baseline_on is None:
            return None
        return self.baseline_on.year

    def clean(self) -> None:
        if (self.baseline_value is None) != (self.baseline_on is None):
            message = _("La valeur de référence et sa date vont ensemble : donnez les deux.")
            field = "baseline_on" if self.baseline_on is None else "baseline_value"
            raise ValidationError({field: message})
        if self.plan_id and self.territory_id and self.plan.territory_id != self.territory_id:
            raise ValidationError({"plan": _("Le projet appartient à un autre territoire.")})


class IndicatorLink(models.Model):
    """An indicator measures (part of) an element of the plan, of any kind."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links")
    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="indicator_links")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    history = HistoricalRecords(
        verbose_name=_("historique des liens d’indicateurs"),
        verbose_name_plural=_("historique des liens d’indicateurs"),
    )

    class Meta:
        verbose_name = _("lien d’un indicateur")
        verbose_name_plural = _("liens des indicateurs")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "node"], name="unique_indicator_link")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} → {self.node}"


class IndicatorTarget(models.Model):
    """The value the indicator should reach in a year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("année"))
    value = models.DecimalField(_("cible"), **VALUE_DIGITS)
    history = HistoricalRecords(
        verbose_name=_("historique des cibles"), verbose_name_plural=_("historique des cibles")
    )

    class Meta:
        verbose_name = _("cible")
        verbose_name_plural = _("cibles")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="unique_target_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} : {self.year}"


class IndicatorValue(models.Model):
    """A value measured at a date, with where it comes from."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    on = models.DateField(_("date de la mesure"))
    value = models.DecimalField(_("valeur"), **VALUE_DIGITS)
    source = models.CharField(_("source"), max_length=255, blank=True, validators=[TextValidator()])
    comment = models.TextField(_("commentaire"), blank=True, validators=[TextValidator("text")])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saisie par"),
    )
    created_at = models.DateTimeField(_("saisie le"), auto_now_add=True)
    history = HistoricalRecords(
        verbose_name=_("historique des valeurs mesurées"),
        verbose_name_plural=_("historique des valeurs mesurées"),
    )

    class Meta:
        verbose_name = _("valeur mesurée")
        verbose_name_plural = _("valeurs mesurées")
        ordering = ["indicator", "on"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "on"], name="unique_value_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} : {self.on}"
