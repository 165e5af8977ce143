"""Meetings of the participatory process (workshops, hearings, public meetings, partners'
meetings, council sessions) and the registrations to them.

Who sees a meeting is decided by its audience (`Meeting.Audience`) and the reader's place
in the territory (`faisse.meetings.audience.Reader`); a draft is for editors only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faisse.accounts.models import Commission
from faisse.core.text import TextValidator
from faisse.participation.models import ProcessStep
from faisse.plans.models import PlanNode
from faisse.territories.models import Commune, Territory


class MeetingQuerySet(models.QuerySet):
    def of_territory(self, territory: Territory) -> "MeetingQuerySet":
        return self.filter(territory=territory)

    def visible_to(self, reader) -> "MeetingQuerySet":
        """The meetings `reader` (an audience.Reader) may see: every one for editors,
        drafts included; else the published ones whose audience includes them."""
        if reader.editor:
            return self
        audiences = Q(audience=Meeting.Audience.PUBLIC)
        if reader.role is not None:
            audiences |= Q(audience=Meeting.Audience.MEMBERS)
        if reader.role == "elected":
            audiences |= Q(audience=Meeting.Audience.ELECTED)
        if reader.role == "partner":
            audiences |= Q(audience=Meeting.Audience.PARTNERS)
        if reader.commission_ids:
            audiences |= Q(
                audience=Meeting.Audience.COMMISSION, commission_id__in=reader.commission_ids
            )
        return self.filter(audiences, is_published=True)

    def for_listing(self) -> "MeetingQuerySet":
        """With what a list shows, in a constant number of queries: place, step,
        commission, and the counts of registered and waiting people."""
        registered = Registration.Status.REGISTERED
        return (
            self.select_related("commune", "step", "commission")
            .defer("commune__boundary")
            .annotate(
                registered_count=Count("registrations", filter=Q(registrations__status=registered)),
                waiting_count=Count(
                    "registrations",
                    filter=Q(registrations__status=Registration.Status.WAITING),
                ),
            )
        )

    def upcoming(self, now=None) -> "MeetingQuerySet":
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "id")

    def past(self, now=None) -> "MeetingQuerySet":
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-id")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Atelier")
        HEARING = "hearing", _("Audition d’un·e président·e de commission")
        PUBLIC_MEETING = "public_meeting", _("Réunion publique")
        PARTNERS = "partners", _("Réunion des partenaires")
        COUNCIL = "council", _("Conseil communautaire")
        OTHER = "other", _("Autre réunion")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Tout public")
        ELECTED = "elected", _("Les élu·e·s")
        COMMISSION = "commission", _("Une commission")
        PARTNERS = "partners", _("Les partenaires")
        MEMBERS = "members", _("Tous les membres du territoire")

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("territoire")
    )
    step = models.ForeignKey(
        ProcessStep,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("étape de la démarche"),
    )
    kind = models.CharField(_("nature"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("intitulé"), max_length=255, validators=[TextValidator()])
    description = models.TextField(_("description"), blank=True, validators=[TextValidator("text")])
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    # The place: a commune of the territory and an address, an online link, or both.
    commune = models.ForeignKey(
        Commune,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("commune"),
    )
    address = models.CharField(
        _("adresse"), max_length=255, blank=True, validators=[TextValidator()]
    )
    online_url = models.URLField(_("lien de la réunion en ligne"), max_length=500, blank=True)
    audience = models.CharField(
        _("public invité"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC
    )
    # A deleted commission leaves its meetings to the editors (nobody else is invited).
    commission = models.ForeignKey(
        Commission,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("commission"),
    )
    registration_enabled = models.BooleanField(_("sur inscription"), default=False)
    capacity = models.PositiveIntegerField(_("nombre de places"), null=True, blank=True)
    attendance = models.PositiveIntegerField(_("nombre de participant·e·s"), null=True, blank=True)
    minutes = models.TextField(_("compte rendu"), blank=True, validators=[TextValidator("text")])
    minutes_published_at = models.DateTimeField(_("compte rendu publié le"), null=True, blank=True)
    nodes = models.ManyToManyField(
        PlanNode, blank=True, related_name="meetings", verbose_name=_("éléments du projet abordés")
    )
    is_published = models.BooleanField(_("publiée"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        ordering = ["territory", "starts_at", "id"]
        indexes = [models.Index(fields=["territory", "starts_at"], name="meeting_territory_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url_for(self.territory.slug)

    def url_for(self, slug: str) -> str:
        return reverse("meetings:detail", args=[slug, self.pk])

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def audience_label(self) -> str:
        if self.audience == self.Audience.COMMISSION:
            if self.commission is None:
                return str(_("Une commission supprimée depuis : les éditeur·rice·s seul·e·s"))
            return str(_("La commission « %(name)s »") % {"name": self.commission.name})
        return self.get_audience_display()

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())

    def registration_open(self, now=None) -> bool:
        """Whether people may register or cancel now: a published meeting on registration,
        until it starts."""
        return self.registration_enabled and self.is_published and not self.has_started(now)

    @property
    def minutes_published(self) -> bool:
        return self.minutes_published_at is not None and bool(self.minutes)

    def remaining_places(self, registered: int | None = None) -> int | None:
        """Places left, or None without a limit; `registered` when already counted."""
        if self.capacity is None:
            return None
        if registered is None:
            registered = getattr(self, "registered_count", None)
        if registered is None:
            registered = self.registrations.filter(status=Registration.Status.REGISTERED).count()
        return max(self.capacity - registered, 0)


class Registration(models.Model):
    """A person registered to a meeting, or waiting for a place. A member registers with
    their account; for a public meeting, anybody with a name and an e-mail address (only
    after opening the link sent to it: see faisse.meetings.registering)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("inscrit·e")
        WAITING = "waiting", _("en liste d’attente")

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="meeting_registrations",
    )
    name = models.CharField(_("nom"), max_length=150, blank=True, validators=[TextValidator()])
    email = models.EmailField(_("adresse électronique"), blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("inscrit·e le"), default=timezone.now)

    class Meta:
        verbose_name = _("inscription à une réunion")
        verbose_name_plural = _("inscriptions aux réunions")
        ordering = ["meeting", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="one_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=Q(user__isnull=True),
                name="one_registration_per_address",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""),
                name="registration_has_a_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_name} — {self.meeting}"

    @property
    def person_name(self) -> str:
        if self.user_id is not None:
            return str(self.user)
        return self.name or self.email

    @property
    def person_email(self) -> str:
        return self.user.email if self.user_id is not None else self.email
