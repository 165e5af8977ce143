"""Territories (EPCI) and their member communes."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from faisse.core.colors import AA_TEXT, HEX, WHITE, contrast
from faisse.core.french import collation_key

siren_validator = RegexValidator(r"^\d{9}$", _("Un SIREN compte 9 chiffres."))
insee_validator = RegexValidator(r"^(\d{5}|2[AB]\d{3})$", _("Un code INSEE compte 5 caractères."))

# A territory's pages live at /<slug>/: a slug must not be one of the site's own first
# address segments. A test checks this list against the URL configuration.
RESERVED_SLUGS = frozenset(
    {"admin", "api", "compte", "connexion", "deconnexion", "invitation", "mot-de-passe"}
    | {"oidc", "static", "media", "favicon.ico", "robots.txt"}
)


def validate_header_color(color: str) -> None:
    """A header colour under white text: a #rrggbb colour with a contrast of 4.5:1 at least."""
    if not HEX.match(color):
        raise ValidationError(
            _("Donnez une couleur au format #rrvvbb, par exemple #2c3a31."), code="format"
        )
    ratio = contrast(color, WHITE)
    if ratio < AA_TEXT:
        raise ValidationError(
            _(
                "Le texte blanc sur %(color)s n’a qu’un contraste de %(ratio)s:1 ; il en faut "
                "4,5:1 au moins pour être lu (RGAA 3.2) : choisissez une couleur plus foncée."
            ),
            params={"color": color, "ratio": f"{ratio:.1f}".replace(".", ",")},
            code="contrast",
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

    class Compliance(models.TextChoices):
        NONE = "none", _("non conforme")
        PARTIAL = "partial", _("partiellement conforme")
        FULL = "full", _("totalement conforme")

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
    # The public frame: read on every page with the territory itself (no other query);
    # the logo's bytes and the site's legal texts are in TerritorySite.
    header_color = models.CharField(
        _("couleur de l’en-tête"), max_length=7, blank=True, validators=[validate_header_color]
    )
    has_logo = models.BooleanField(_("a un logo"), default=False)
    # Said in every page's footer, as RGAA asks; its statement is in TerritorySite.
    accessibility_compliance = models.CharField(
        _("état de conformité au RGAA"),
        max_length=8,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    branding_version = models.PositiveIntegerField(default=1)  # in URLs: caches renew

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


class TerritorySite(models.Model):
    """What the territory's public site says of itself: its logo, and what the law asks
    a public site to publish (mentions légales, accessibility statement as RGAA wants it,
    personal data, contact). Empty fields get a default text worded for the public."""

    LOGO_TYPES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}
    MAX_LOGO_BYTES = 200 * 1024

    territory = models.OneToOneField(
        Territory, on_delete=models.CASCADE, related_name="site", verbose_name=_("territoire")
    )
    logo = models.BinaryField(_("logo"), blank=True, null=True, editable=True)
    logo_type = models.CharField(max_length=20, blank=True)
    website = models.URLField(_("site de la collectivité"), blank=True)
    contact_email = models.EmailField(_("adresse de contact"), blank=True)
    postal_address = models.TextField(_("adresse postale"), blank=True)
    publication_director = models.CharField(
        _("directeur·rice de la publication"), max_length=200, blank=True
    )
    host = models.TextField(_("hébergeur (nom, adresse, téléphone)"), blank=True)
    accessibility_audit = models.TextField(
        _("audit et contenus non accessibles"),
        blank=True,
        help_text=_("Date et auteur de l’audit, taux de conformité, contenus non accessibles."),
    )
    data_protection_contact = models.CharField(
        _("délégué·e à la protection des données (nom ou adresse)"), max_length=255, blank=True
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("site du territoire")
        verbose_name_plural = _("sites des territoires")

    def __str__(self) -> str:
        return str(self.territory)

    @classmethod
    def logo_problem(cls, data: bytes, content_type: str = "") -> str | None:
        """What is wrong with an uploaded logo, in French, or None. Only PNG and JPEG,
        recognised by their first bytes (never SVG: it may carry scripts)."""
        if len(data) > cls.MAX_LOGO_BYTES:
            return _("Le logo pèse plus de 200 Ko : réduisez-le.")
        if not any(data.startswith(magic) for magic in cls.LOGO_TYPES.values()):
            return _("Le logo doit être une image PNG ou JPEG.")
        return None

    @classmethod
    def logo_type_of(cls, data: bytes) -> str:
        return next(kind for kind, magic in cls.LOGO_TYPES.items() if data.startswith(magic))
