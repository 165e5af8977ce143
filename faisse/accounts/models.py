"""People, their role in each territory, and invitations.

One person can hold a role in several territories; what a role allows is decided in one
place, `faisse.accounts.abilities`.
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import OperationalError, models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from simple_history.models import HistoricalRecords

from faisse.core.db import write_without_waiting
from faisse.core.text import TextValidator
from faisse.territories.models import Commune, Territory

logger = logging.getLogger(__name__)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)


class User(AbstractUser):
    """A person, who signs in with an e-mail address."""

    username = None
    email = models.EmailField(_("adresse électronique"), unique=True)
    # Set when the person erased their account: the row stays, emptied of personal data,
    # so that the history still tells one person's changes apart from another's.
    erased_at = models.DateTimeField(_("compte supprimé le"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["email"]

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("Compte supprimé n° %(number)s") % {"number": self.pk})
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrateur·rice")
    EDITOR = "editor", _("Éditeur·rice")
    PILOT = "pilot", _("Pilote d'action")
    ELECTED = "elected", _("Élu·e")
    PARTNER = "partner", _("Partenaire")


# Who represents a commune of the territory: an élu·e must name theirs, nobody else has one.
ROLES_WITH_COMMUNE = frozenset({Role.ELECTED})


def commune_error(role: str, commune) -> str:
    """Why a role and a commune do not go together, or "" when they do: the rule of the
    invitation and member forms, and of accepting an invitation."""
    if role in ROLES_WITH_COMMUNE and commune is None:
        return gettext("Un·e élu·e représente sa commune : choisissez laquelle.")
    if role not in ROLES_WITH_COMMUNE and commune is not None:
        return gettext(
            "Seul·e·s les élu·e·s représentent une commune : choisissez « — aucune — », ou le "
            "rôle Élu·e."
        )
    return ""


class Membership(models.Model):
    """A person's role in a territory."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices)
    commune = models.ForeignKey(
        Commune,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune (élu·e)"),
    )
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)
    # Who got, changed or lost a role, when and by whom: the members' journal.
    history = HistoricalRecords(
        excluded_fields=["created_at"],
        verbose_name=_("historique des rôles"),
        verbose_name_plural=_("historique des rôles"),
    )

    class Meta:
        verbose_name = _("rôle dans un territoire")
        verbose_name_plural = _("rôles dans les territoires")
        constraints = [
            models.UniqueConstraint(fields=["user", "territory"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.territory})"

    def is_last_admin(self) -> bool:
        """Whether this is the territory's only administrator (who must stay one)."""
        return (
            self.role == Role.ADMIN
            and not Membership.objects.filter(territory_id=self.territory_id, role=Role.ADMIN)
            .exclude(pk=self.pk)
            .exists()
        )


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Commission(models.Model):
    """A thematic commission of the territory's council: its name, its president, and the
    élus who sit in it (several each). Hearings, questionnaire breakdowns and proposals
    refer to it."""

    territory = models.ForeignKey(
        Territory,
        on_delete=models.CASCADE,
        related_name="commissions",
        verbose_name=_("territoire"),
    )
    name = models.CharField(_("nom"), max_length=200, validators=[TextValidator()])
    president = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presided_commissions",
        verbose_name=_("président·e"),
    )
    members = models.ManyToManyField(
        Membership, blank=True, related_name="commissions", verbose_name=_("membres")
    )
    position = models.PositiveIntegerField(_("rang"), default=0)

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        ordering = ["territory", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "name"], name="unique_commission_name_per_territory"
            )
        ]

    def __str__(self) -> str:
        return self.name


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation sent by e-mail; only the hash of its token is stored."""

    VALIDITY = timedelta(days=14)

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices)
    commune = models.ForeignKey(Commune, on_delete=models.SET_NULL, null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valable jusqu'au"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.territory} ({self.get_role_display()})"

    @classmethod
    def create(cls, territory, email, role, invited_by=None, commune=None):
        """A new invitation and its token (to put in the link; it is not stored)."""
        invitation = cls(territory=territory, email=email.lower(), role=role, commune=commune)
        return invitation, invitation.renew(invited_by)

    def renew(self, invited_by) -> str:
        """A new token and the full validity again; the old link stops working. Saves,
        and returns the token: only its hash is stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + self.VALIDITY
        self.invited_by = invited_by
        self.save()
        return token


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        """Not revoked, of an active person: expired or not."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def usable(self) -> "ApiTokenQuerySet":
        """Tokens that open the API now."""
        return self.active().filter(expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A personal API token for one territory; only its hash is stored."""

    PREFIX = "faisse_"
    USE_RESOLUTION = 3600  # seconds: the last use is recorded once an hour at most
    # Every token expires (docs/operations.md, "API tokens for scripts"): a secret copied
    # into a script, a spreadsheet or a CI setting is easily forgotten, and an end date
    # bounds what a leaked one can do. The page offers these lifetimes in days; the command
    # takes any number of days up to MAX_DAYS.
    LIFETIMES = (30, 90, 365)
    DEFAULT_DAYS = 90
    MAX_DAYS = 365

    class Scope(models.TextChoices):
        READ = "read", _("Lecture")
        READ_WRITE = "read_write", _("Lecture et écriture")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nom"), max_length=100, validators=[TextValidator()])
    scope = models.CharField(_("portée"), max_length=10, choices=Scope.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("début du jeton"), max_length=16, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expire le"))
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def create(
        cls, user, territory, name: str, scope: str, days: int = DEFAULT_DAYS
    ) -> tuple["ApiToken", str]:
        """A new token and its secret, shown once to its owner and never stored; it works
        for `days` days.

        The rules of the tokens page and of `faisse api_token create`: a role in the
        territory, a known scope, a name, a lifetime of 1 to MAX_DAYS days. Raises
        ValidationError with a French message.
        """
        name = " ".join(str(name).split())
        if (
            territory is None
            or not Membership.objects.filter(user=user, territory=territory).exists()
        ):
            raise ValidationError(_("Choisissez un territoire où vous avez un rôle."))
        if scope not in cls.Scope.values:
            raise ValidationError(_("Choisissez la portée du jeton."))
        if not name:
            raise ValidationError(_("Donnez un nom au jeton (à quoi sert-il ?)."))
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= cls.MAX_DAYS:
            raise ValidationError(
                ngettext(
                    "Un jeton vaut de 1 à %(max)s jour : choisissez sa durée dans ces limites.",
                    "Un jeton vaut de 1 à %(max)s jours : choisissez sa durée dans ces limites.",
                    cls.MAX_DAYS,
                )
                % {"max": cls.MAX_DAYS}
            )
        secret = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls(
            user=user,
            territory=territory,
            name=name,
            scope=scope,
            token_hash=hash_token(secret),
            hint=secret[: len(cls.PREFIX) + 4],
            expires_at=timezone.now() + timedelta(days=days),
        )
        try:
            token.clean_fields(exclude=["user", "territory", "token_hash", "hint"])
        except ValidationError as error:
            raise ValidationError(
                _("Nom du jeton : %s") % " ".join(error.message_dict["name"])
            ) from error
        token.save()
        return token, secret

    @classmethod
    def identify(cls, secret: str) -> "ApiToken | None":
        """The token of this secret, not revoked and of an active person, even expired
        (so that the API can say it expired)."""
        return (
            cls.objects.active()
            .select_related("user", "territory")
            .filter(token_hash=hash_token(secret))
            .first()
        )

    @classmethod
    def find(cls, secret: str) -> "ApiToken | None":
        """The token of this secret if it opens the API now (not revoked nor expired)."""
        token = cls.identify(secret)
        return None if token is None or token.has_expired else token

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def expiry_text(self) -> str:
        """ "12 mars 2026 à 14:05", in the site's time zone."""
        return date_format(timezone.localtime(self.expires_at), gettext("j F Y à H:i"))

    def record_use(self) -> None:
        """Remember when the token was last used, to the hour, without ever making the
        request wait: once an hour per token (the cache says whether it is due), and
        skipped when another transaction holds the lock (see write_without_waiting)."""
        try:
            due = cache.add(f"faisse:token-used:{self.pk}", 1, timeout=self.USE_RESOLUTION)
        except RedisError:  # the shared cache is down: the record is not worth an error
            due = True
        if not due:
            return
        try:
            with write_without_waiting():
                ApiToken.objects.filter(pk=self.pk).update(last_used_at=timezone.now())
        except OperationalError:
            logger.info("Last use of API token %s not recorded: the database was busy", self.pk)

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
