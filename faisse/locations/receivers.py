"""How the locations app reacts to the plans app below it, connected in apps.py."""

from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from faisse.locations.models import CommuneLink, OutsidePlace


def move_places_to_kept_action(sender, kept, removed, editor, **kwargs) -> None:
    """Two actions merge: the removed one's commune links (unless the kept one names the
    same commune) and places outside the territory go to the kept one."""
    linked = kept.commune_links.values_list("commune_id", flat=True)
    moved = list(CommuneLink.objects.filter(node=removed).exclude(commune_id__in=linked))
    for link in moved:
        link.node = kept
    bulk_update_with_history(
        moved,
        CommuneLink,
        ["node"],
        default_user=editor,
        default_change_reason=_("Fusion d’actions similaires"),
    )
    named = kept.outside_places.values_list("name", flat=True)
    OutsidePlace.objects.filter(node=removed).exclude(name__in=named).update(node=kept)
