"""What the reports keep: whether a person wants the weekly digest of a territory, and
which week it last went out (so that a second run of `send_digests` in the same ISO week
sends nothing). Everything else the reports show is computed on read."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faisse.territories.models import Territory


class DigestSubscription(models.Model):
    """A person's weekly digest for one territory. Without a row, the digest is on: it
    goes to whoever leads actions or indicators there, who can stop it in one click."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscriptions",
        verbose_name=_("personne"),
    )
    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="+", verbose_name=_("territoire")
    )
    enabled = models.BooleanField(_("reçoit le courriel hebdomadaire"), default=True)
    # ISO week of the last digest sent, "2025-W27"; empty: never sent.
    last_sent_week = models.CharField(_("dernière semaine envoyée"), max_length=8, blank=True)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)
    changed_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("abonnement au courriel hebdomadaire")
        verbose_name_plural = _("abonnements au courriel hebdomadaire")
        constraints = [
            models.UniqueConstraint(fields=["user", "territory"], name="unique_digest_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.territory}"
