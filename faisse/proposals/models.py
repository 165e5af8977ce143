"""Élus' proposals of actions ("propositions d'actions opérationnelles et localisées"):
made during a step of the process that an editor opened to proposals, reviewed by the
editors, who accept them as a draft action, merge them into an existing action, or
decline them with a reason the author reads."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from faisse.core.text import TextValidator
from faisse.participation.models import Process, ProcessStep
from faisse.plans.models import PlanNode
from faisse.territories.models import Commune, Territory

# Ten billion euros: more than any action of an EPCI; a larger number is a typing error.
MAX_COST = 10_000_000_000


class ProposalCall(models.Model):
    """A step opened to proposals by an editor ("appel à propositions").

    A step's dates do not open it: the source's steps are months long, overlap (step 4
    and the hearings), and a questionnaire has no date at all; the editors say when the
    élus may propose, and close it when the step's work is done."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    step = models.OneToOneField(
        ProcessStep,
        on_delete=models.CASCADE,
        related_name="proposal_call",
        verbose_name=_("étape"),
    )
    is_open = models.BooleanField(_("ouverte aux propositions"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("appel à propositions")
        verbose_name_plural = _("appels à propositions")

    def __str__(self) -> str:
        return str(self.step)


class ProposalQuerySet(models.QuerySet):
    def of_territory(self, territory) -> "ProposalQuerySet":
        return self.filter(territory=territory)

    def for_list(self) -> "ProposalQuerySet":
        """What a list of proposals shows, in a constant number of queries."""
        return self.select_related(
            "author", "author_commune", "step", "objective", "action", "decided_by"
        ).prefetch_related("communes")


class Proposal(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("À examiner")
        ACCEPTED = "accepted", _("Retenue")
        MERGED = "merged", _("Intégrée à une action existante")
        DECLINED = "declined", _("Non retenue")

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="+", verbose_name=_("territoire")
    )
    # A step or a process deleted later leaves the proposal, without its step.
    process = models.ForeignKey(
        Process,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("démarche"),
    )
    step = models.ForeignKey(
        ProcessStep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("étape"),
    )
    # Emptied when the author erases their account: the proposal stays, its commune too.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("auteur·rice"),
    )
    author_commune = models.ForeignKey(
        Commune,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune de l’auteur·rice"),
    )
    on_behalf_of = models.CharField(
        _("au nom de"), max_length=255, blank=True, validators=[TextValidator()]
    )
    title = models.TextField(_("intitulé"), validators=[TextValidator("title")])
    description = models.TextField(_("description"), validators=[TextValidator("text")])
    objective = models.ForeignKey(
        PlanNode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("objectif servi"),
    )
    communes = models.ManyToManyField(
        Commune, blank=True, related_name="proposals", verbose_name=_("communes concernées")
    )
    estimated_cost = models.PositiveBigIntegerField(
        _("coût estimé (euros)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_COST)],
    )
    partners = models.TextField(_("partenaires"), blank=True, validators=[TextValidator("text")])
    state = models.CharField(
        _("état"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    # Why it was declined (the author reads it), or the editor's word on another decision.
    reason = models.TextField(_("motif"), blank=True, validators=[TextValidator("text")])
    action = models.ForeignKey(
        PlanNode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("action du projet"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidé par"),
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("déposée le"), auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposition d’action")
        verbose_name_plural = _("propositions d’actions")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["territory", "state"], name="proposal_territory_state")]

    def __str__(self) -> str:
        return self.title

    @property
    def author_label(self) -> str:
        """Who proposed, as editors read it: the person, or "Compte supprimé"."""
        if self.author is None or self.author.erased_at:
            return str(_("Compte supprimé"))
        return str(self.author)

    @property
    def is_decided(self) -> bool:
        return self.state != self.State.SUBMITTED


class ProposalEvent(models.Model):
    """One change of a proposal's state: who, when, and the reason given."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(_("état"), max_length=10, choices=Proposal.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("le"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True, validators=[TextValidator("text")])

    class Meta:
        verbose_name = _("changement d’état d’une proposition")
        verbose_name_plural = _("changements d’état des propositions")
        ordering = ["proposal", "at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal} : {self.get_state_display()}"
