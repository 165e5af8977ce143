"""Territories (EPCI) and their member communes."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from faisse.core.french import collation_key

siren_validator = RegexValidator(r"^\d{9}$", _("Un SIREN compte 9 chiffres."))
insee_validator = RegexValidator(r"^(\d{5}|2[AB]\d{3})$", _("Un code INSEE compte 5 caractères."))

# A territory's pages live at /<slug>/: a slug must not be one of the site's own first
# address segments. A test checks this list against the URL configuration.
RESERVED_SLUGS = frozenset(
    {"admin", "api", "compte", "connexion", "deconnexion", "invitation", "mot-de-passe"}
    | {"oidc", "static", "media", "favicon.ico", "robots.txt"}
)


def validate_unreserved_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("« %(slug)s » est réservé par le site ; choisissez un autre identifiant."),
            params={"slug": slug},
            code="reserved",
        )


class Territory(models.Model):
    """An intercommunality (EPCI) that owns a projet de territoire."""

    class Kind(models.TextChoices):
        CC = "CC", _("Communauté de communes")
        CA = "CA", _("Communauté d'agglomération")
        CU = "CU", _("Communauté urbaine")
        METRO = "METRO", _("Métropole")
        OTHER = "OTHER", _("Autre groupement")

    name = models.CharField(_("nom"), max_length=200)
    legal_name = models.CharField(_("dénomination officielle"), max_length=255, blank=True)
    siren = models.CharField(
        _("SIREN"), max_length=9, unique=True, null=True, blank=True, validators=[siren_validator]
    )
    kind = models.CharField(_("nature"), max_length=8, choices=Kind.choices, default=Kind.OTHER)
    slug = models.SlugField(
        _("identifiant d'adresse"),
        max_length=80,
        unique=True,
        validators=[validate_unreserved_slug],
    )

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:territory", args=[self.slug])


class CommuneQuerySet(models.QuerySet):
    def of_territory(self, territory: Territory) -> "CommuneQuerySet":
        return self.filter(territory=territory)

    def in_french_order(self) -> list["Commune"]:
        """The communes sorted as a French reader expects ("Générargues" before
        "Génolhac"), whatever the database's collation (SQLite compares bytes)."""
        return sorted(self, key=lambda commune: (collation_key(commune.name), commune.insee))


class Commune(models.Model):
    """A member commune of a territory, with a simplified boundary for maps.

    `boundary` is a GeoJSON geometry (Polygon or MultiPolygon, WGS84 longitude/latitude)
    simplified for drawing: no GIS extension is needed in the database.
    """

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="communes", verbose_name=_("territoire")
    )
    insee = models.CharField(_("code INSEE"), max_length=5, validators=[insee_validator])
    name = models.CharField(_("nom"), max_length=200)
    population = models.PositiveIntegerField(_("population municipale"), null=True, blank=True)
    boundary = models.JSONField(_("contour simplifié (GeoJSON)"), null=True, blank=True)
    # La Poste's codes of the commune ("30140"): people search their commune by them.
    postal_codes = models.JSONField(_("codes postaux"), default=list, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "insee"], name="unique_commune_per_territory"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.insee})"
