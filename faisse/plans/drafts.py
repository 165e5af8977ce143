"""What an editor uploaded to import, kept until it is imported, abandoned or expired.

A draft holds the file as sent and the corrections made in the preview, never a parsed
tree: the preview reads the file again with the corrections at each request (see
importer/corrections.py). A draft belongs to the person who uploaded it: other editors
of the territory do not see it (a file may be a working version not meant to circulate,
and two people correcting one draft would undo each other's corrections). It is removed
DRAFT_DAYS after its last change, at the next upload of anyone (no scheduled task
needed), and with its owner's account.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from faisse.accounts.privacy import PersonalDataSource
from faisse.plans.importer.corrections import Corrections
from faisse.plans.importer.limits import check_size
from faisse.territories.models import Territory

DRAFT_DAYS = 7  # days a draft is kept after its last change
DRAFTS_PER_PERSON = 5  # per territory: an older one goes when a sixth is uploaded
FILE_NAME_LENGTH = 255


class ImportDraft(models.Model):
    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="+", verbose_name=_("territoire")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("déposé par"),
    )
    file_name = models.CharField(_("nom du fichier"), max_length=FILE_NAME_LENGTH)
    data = models.BinaryField(_("contenu du fichier"))  # at most settings.MAX_UPLOAD_BYTES
    corrections = models.JSONField(_("corrections"), default=dict, blank=True)
    created_at = models.DateTimeField(_("déposé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("import en préparation")
        verbose_name_plural = _("imports en préparation")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    def get_corrections(self) -> Corrections:
        return Corrections.from_json(self.corrections)

    def set_corrections(self, corrections: Corrections) -> None:
        self.corrections = corrections.as_json()
        self.save(update_fields=["corrections", "updated_at"])

    @property
    def expires_on(self):
        return (self.updated_at + timedelta(days=DRAFT_DAYS)).date()


def clean_file_name(name: str) -> str:
    """The name as shown on the pages: its last part, without control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip()
    return name[:FILE_NAME_LENGTH] or "document"


def create_draft(territory: Territory, user, name: str, data: bytes) -> ImportDraft:
    """Keep an uploaded file (refused over MAX_UPLOAD_BYTES), after removing the expired
    drafts of everyone and the owner's drafts beyond DRAFTS_PER_PERSON."""
    check_size(len(data))
    purge_expired()
    draft = ImportDraft.objects.create(
        territory=territory, created_by=user, file_name=clean_file_name(name), data=data
    )
    mine = ImportDraft.objects.filter(territory=territory, created_by=user)
    kept = list(mine.values_list("pk", flat=True)[:DRAFTS_PER_PERSON])
    mine.exclude(pk__in=kept).delete()
    return draft


def _expiry():
    return timezone.now() - timedelta(days=DRAFT_DAYS)


def purge_expired() -> int:
    """Remove the drafts left untouched for DRAFT_DAYS; their number."""
    return ImportDraft.objects.filter(updated_at__lt=_expiry()).delete()[0]


def _live(territory: Territory, user):
    """The person's drafts in the territory that have not expired (purged or not yet)."""
    return ImportDraft.objects.filter(
        territory=territory, created_by=user, updated_at__gte=_expiry()
    )


def own_drafts(territory: Territory, user):
    """The person's drafts in the territory, newest first, without their files."""
    return _live(territory, user).defer("data")


def draft_or_404(territory: Territory, user, pk: int, *, lock: bool = False) -> ImportDraft:
    """The person's own draft, not expired; 404 for anyone else's, as if it did not exist."""
    drafts = _live(territory, user)
    if lock:
        drafts = drafts.select_for_update()
    draft = drafts.filter(pk=pk).first()
    if draft is None:
        raise Http404
    return draft


def _export(user) -> list[dict]:
    return [
        {
            "territory": draft.territory.name,
            "file_name": draft.file_name,
            "uploaded": draft.created_at.isoformat(),
        }
        for draft in ImportDraft.objects.filter(created_by=user)
        .select_related("territory")
        .defer("data")
        .order_by("created_at")
    ]


IMPORT_DRAFTS = PersonalDataSource(
    key="import_drafts",
    export=_export,
    describe=lambda drafts: (
        ngettext(
            "%(count)s document déposé pour un import en préparation",
            "%(count)s documents déposés pour des imports en préparation",
            len(drafts),
        )
        % {"count": len(drafts)}
    ),
    erase=lambda user: ImportDraft.objects.filter(created_by=user).delete(),
)
