"""What an editor does with commune links: confirm, reject, restore, add, remove."""

from django.db import transaction
from django.utils.translation import gettext as _

from faisse.core.errors import Refusal
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.territories.models import Commune

Origin = CommuneLink.Origin

# action → (origins it applies to, origin it sets; None deletes the link)
TRANSITIONS = {
    "confirm": ({Origin.DETECTED}, Origin.CONFIRMED),
    "reject": ({Origin.DETECTED, Origin.CONFIRMED}, Origin.REJECTED),
    "restore": ({Origin.REJECTED}, Origin.CONFIRMED),
    "remove": ({Origin.MANUAL}, None),
    # Back to "to check": the undo of a confirmation or a rejection made by mistake.
    "undo": ({Origin.CONFIRMED, Origin.REJECTED}, Origin.DETECTED),
}


class LinkEditError(Refusal):
    """An edit that cannot be done; the message says why, in French."""


@transaction.atomic
def change_link(link: CommuneLink, action: str) -> CommuneLink | None:
    if action not in TRANSITIONS:
        raise LinkEditError(_("Action inconnue : « %s ».") % action)
    allowed, target = TRANSITIONS[action]
    if link.origin not in allowed:
        raise LinkEditError(
            _("Ce lien est « %(origin)s » : impossible de le %(action)s.")
            % {"origin": link.get_origin_display(), "action": ACTION_VERBS[action]}
        )
    if target is None:
        link.delete()
        return None
    link.origin = target
    link.save(update_fields=["origin", "updated_at"])
    return link


ACTION_VERBS = {
    "confirm": _("confirmer"),
    "reject": _("écarter"),
    "restore": _("rétablir"),
    "remove": _("retirer"),
    "undo": _("remettre à vérifier"),
}


@transaction.atomic
def confirm_links(territory, ids: list[int]) -> int:
    """Confirm at once the links to check among `ids` (of this territory); how many."""
    links = list(
        CommuneLink.objects.select_for_update().filter(
            territory=territory, pk__in=ids, origin=Origin.DETECTED
        )
    )
    for link in links:
        link.origin = Origin.CONFIRMED
        link.save(update_fields=["origin", "updated_at"])  # one history record each
    return len(links)


@transaction.atomic
def add_link(node: PlanNode, commune: Commune) -> CommuneLink:
    """A link added by hand; a rejected proposal for the same commune becomes manual."""
    if commune.territory_id != node.territory_id:
        raise LinkEditError(_("Cette commune n’appartient pas au territoire du projet."))
    link, created = CommuneLink.objects.get_or_create(
        node=node,
        commune=commune,
        defaults={
            "territory_id": node.territory_id,
            "plan_id": node.plan_id,
            "origin": Origin.MANUAL,
            "evidence": _("ajouté à la main"),
        },
    )
    if not created:
        if link.origin != Origin.REJECTED:
            raise LinkEditError(
                _("%(commune)s est déjà liée à cet élément.") % {"commune": commune.name}
            )
        link.origin = Origin.MANUAL
        link.save(update_fields=["origin", "updated_at"])
    return link
