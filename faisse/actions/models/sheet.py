"""ActionSheet: the follow-up of one action of the plan, with Territoires en
Transitions' fields and Faïsse's own (programmes, SDGs; communes are CommuneLinks)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.actions import statuses
from faisse.core.french import fold
from faisse.core.text import TextValidator
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Commune, Territory


class SDG(models.IntegerChoices):
    """The United Nations' sustainable-development goals (objectifs de développement
    durable), with their French names."""

    NO_POVERTY = 1, _("Pas de pauvreté")
    ZERO_HUNGER = 2, _("Faim « zéro »")
    HEALTH = 3, _("Bonne santé et bien-être")
    EDUCATION = 4, _("Éducation de qualité")
    GENDER_EQUALITY = 5, _("Égalité entre les sexes")
    WATER = 6, _("Eau propre et assainissement")
    ENERGY = 7, _("Énergie propre et d’un coût abordable")
    WORK = 8, _("Travail décent et croissance économique")
    INDUSTRY = 9, _("Industrie, innovation et infrastructure")
    INEQUALITIES = 10, _("Inégalités réduites")
    CITIES = 11, _("Villes et communautés durables")
    CONSUMPTION = 12, _("Consommation et production responsables")
    CLIMATE = 13, _("Mesures relatives à la lutte contre les changements climatiques")
    SEA = 14, _("Vie aquatique")
    LAND = 15, _("Vie terrestre")
    PEACE = 16, _("Paix, justice et institutions efficaces")
    PARTNERSHIPS = 17, _("Partenariats pour la réalisation des objectifs")


class Organisation(models.Model):
    """A structure, service, partner or financer named by the sheets of a territory; one
    tag table for all four, as Territoires en Transitions keeps it."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nom"), max_length=255, validators=[TextValidator()])
    folded = models.CharField(max_length=255, editable=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "folded"], name="unique_organisation_per_territory"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class Programme(models.Model):
    """A contract or programme an action belongs to (CRTE, Petites villes de demain…)."""

    class Kind(models.TextChoices):
        CRTE = "crte", _("CRTE")
        CITY_CONTRACT = "city_contract", _("Contrat de ville")
        PVD = "pvd", _("Petites villes de demain")
        ACV = "acv", _("Action cœur de ville")
        PCAET = "pcaet", _("PCAET")
        SCOT = "scot", _("SCoT")
        PLUI = "plui", _("PLUi")
        PAT = "pat", _("Projet alimentaire territorial")
        OTHER = "other", _("Autre")

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("nature"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("nom"), max_length=255, validators=[TextValidator()])
    start_year = models.PositiveSmallIntegerField(_("première année"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("dernière année"), null=True, blank=True)
    communes = models.ManyToManyField(Commune, blank=True, verbose_name=_("communes"))
    url = models.URLField(_("adresse"), blank=True)

    class Meta:
        verbose_name = _("programme ou contrat")
        verbose_name_plural = _("programmes et contrats")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "name"], name="unique_programme_name")
        ]

    def __str__(self) -> str:
        return self.name


class ActionSheet(models.Model):
    """The sheet of one action. Created when first written: an action without one reads
    as the defaults (no status, no dates, no budget)."""

    class Priority(models.TextChoices):
        HIGH = "high", _("Élevé")
        MEDIUM = "medium", _("Moyen")
        LOW = "low", _("Bas")

    class ProgressSource(models.TextChoices):
        AUTO = "auto", _("Automatique")
        MANUAL = "manual", _("Saisi par le pilote")
        MILESTONES = "milestones", _("D’après les étapes")
        SUB_ACTIONS = "sub_actions", _("D’après les sous-actions")

    class Participation(models.TextChoices):
        NONE = "none", _("Pas de participation citoyenne")
        INFORMATION = "information", _("Information")
        CONSULTATION = "consultation", _("Consultation")
        CONCERTATION = "concertation", _("Concertation")
        CO_CONSTRUCTION = "co_construction", _("Co-construction")

    # The fields an editor writes from the sheet's form and the API (with the lists and
    # links below); a pilot of the action writes PILOT_FIELDS, through record_update.
    TEXT_FIELDS = (
        "governance",
        "objectives",
        "resources",
        "funding_notes",
        "indicator_notes",
        "schedule",
        "related_measures",
        "related_actions",
        "additional_notes",
    )
    LIST_FIELDS = (
        "expected_effects",
        "target_audiences",
        "themes",
        "sub_themes",
        "pilot_names",
        "referent_names",
    )
    PILOT_FIELDS = ("status", "progress", "progress_source")

    node = models.OneToOneField(PlanNode, on_delete=models.CASCADE, related_name="sheet")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("statut"), max_length=12, choices=statuses.CHOICES, blank=True, db_index=True
    )
    priority = models.CharField(
        _("niveau de priorité"), max_length=8, choices=Priority.choices, blank=True
    )
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    progress_source = models.CharField(
        _("calcul de l’avancement"),
        max_length=12,
        choices=ProgressSource.choices,
        default=ProgressSource.AUTO,
    )
    start_date = models.DateField(_("date de début"), null=True, blank=True)
    end_date = models.DateField(_("date de fin"), null=True, blank=True)
    continuous = models.BooleanField(_("action en amélioration continue"), default=False)
    participation = models.CharField(
        _("participation citoyenne"), max_length=16, choices=Participation.choices, blank=True
    )
    budget_total = models.DecimalField(
        _("budget prévisionnel total (€ HT)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Utilisé quand aucune ligne budgétaire prévisionnelle n’est saisie."),
    )
    governance = models.TextField(_("instances de gouvernance"), blank=True)
    objectives = models.TextField(_("objectifs"), blank=True)
    resources = models.TextField(_("moyens humains et techniques"), blank=True)
    funding_notes = models.TextField(_("financements"), blank=True)
    indicator_notes = models.TextField(_("indicateurs liés"), blank=True)
    schedule = models.TextField(_("calendrier"), blank=True)
    related_measures = models.TextField(_("mesures liées"), blank=True)
    related_actions = models.TextField(_("actions liées"), blank=True)
    additional_notes = models.TextField(_("notes"), blank=True)
    expected_effects = models.JSONField(_("effets attendus"), default=list, blank=True)
    target_audiences = models.JSONField(_("cibles"), default=list, blank=True)
    themes = models.JSONField(_("thématiques"), default=list, blank=True)
    sub_themes = models.JSONField(_("sous-thématiques"), default=list, blank=True)
    # People named by an imported file who are not members: kept as written.
    pilot_names = models.JSONField(_("autres pilotes"), default=list, blank=True)
    referent_names = models.JSONField(_("autres élu·es référent·es"), default=list, blank=True)
    sdgs = models.JSONField(_("objectifs de développement durable"), default=list, blank=True)
    lead_structures = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("structures pilotes")
    )
    lead_services = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("directions ou services pilotes")
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("partenaires")
    )
    elected_referents = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="referent_sheets",
        verbose_name=_("élu·es référent·es"),
    )
    programmes = models.ManyToManyField(
        Programme, blank=True, related_name="sheets", verbose_name=_("programmes et contrats")
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(
        m2m_fields=[
            "lead_structures",
            "lead_services",
            "partners",
            "elected_referents",
            "programmes",
        ],
        verbose_name=_("historique des fiches action"),
        verbose_name_plural=_("historique des fiches action"),
    )

    class Meta:
        verbose_name = _("fiche action")
        verbose_name_plural = _("fiches action")

    def __str__(self) -> str:
        return str(self.node)

    @classmethod
    def for_node(cls, node: PlanNode) -> "ActionSheet":
        """The node's sheet, or an unsaved one with the defaults."""
        try:
            return node.sheet
        except cls.DoesNotExist:
            return cls(node=node, plan_id=node.plan_id, territory_id=node.territory_id)

    @property
    def status_label(self) -> str:
        return statuses.label(self.status)

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La date de fin précède la date de début.")})
        unknown = [n for n in self.sdgs if n not in SDG.values]
        if unknown:
            raise ValidationError({"sdgs": _("Objectif de développement durable inconnu.")})
