"""Where the plan applies: links from plan nodes to member communes, and commune roles.

An action applies to the whole territory unless it, or one of its ancestors (objective,
sub-group, orientation), is linked to communes: then it applies to those communes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Commune, Territory


class CommuneRole(models.Model):
    """A role a commune carries in the plan (ville-centre, pôle de centralité…)."""

    class Role(models.TextChoices):
        CENTRAL_TOWN = "central_town", _("Ville-centre")
        SECONDARY_HUB = "secondary_hub", _("Pôle de centralité secondaire")
        LOCAL_HUB = "local_hub", _("Pôle de proximité")

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="roles", verbose_name=_("commune")
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    evidence = models.CharField(_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("rôle d'une commune")
        verbose_name_plural = _("rôles des communes")
        ordering = ["commune__name", "role"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "role"], name="unique_commune_role")
        ]

    def __str__(self) -> str:
        return f"{self.commune.name} : {self.get_role_display()}"


class CommuneLinkQuerySet(models.QuerySet):
    def applying(self) -> "CommuneLinkQuerySet":
        """Links that make a node apply to a commune (a rejected proposal does not)."""
        return self.exclude(origin=CommuneLink.Origin.REJECTED)


class CommuneLink(models.Model):
    """A plan node that applies to a member commune, with the words that say so."""

    class Origin(models.TextChoices):
        DETECTED = "detected", _("Détecté")
        CONFIRMED = "confirmed", _("Confirmé")
        MANUAL = "manual", _("Ajouté à la main")
        # Kept so that running the detection again does not propose it again.
        REJECTED = "rejected", _("Écarté")

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="commune_links")
    node = models.ForeignKey(
        PlanNode, on_delete=models.CASCADE, related_name="commune_links", verbose_name=_("élément")
    )
    commune = models.ForeignKey(
        Commune, on_delete=models.CASCADE, related_name="plan_links", verbose_name=_("commune")
    )
    origin = models.CharField(_("origine"), max_length=10, choices=Origin.choices)
    evidence = models.CharField(_("mots trouvés"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = CommuneLinkQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("historique des liens avec les communes"),
        verbose_name_plural=_("historique des liens avec les communes"),
    )

    class Meta:
        verbose_name = _("lien avec une commune")
        verbose_name_plural = _("liens avec les communes")
        ordering = ["node_id", "commune__name"]
        constraints = [
            models.UniqueConstraint(fields=["node", "commune"], name="unique_commune_link")
        ]

    def __str__(self) -> str:
        return f"{self.node} → {self.commune.name}"


class OutsidePlace(models.Model):
    """A place a node names that is not a member commune: recorded, never a link."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outside_places")
    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="outside_places")
    name = models.CharField(_("lieu"), max_length=200)
    insee = models.CharField(_("code INSEE"), max_length=5, blank=True)
    evidence = models.CharField(_("mots trouvés"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("lieu hors du territoire")
        verbose_name_plural = _("lieux hors du territoire")
        ordering = ["node_id", "name"]
        constraints = [
            models.UniqueConstraint(fields=["node", "name"], name="unique_outside_place")
        ]

    def __str__(self) -> str:
        return self.name
