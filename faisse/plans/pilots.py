"""The pilots of an action: who may be one, who is one, and taking someone off."""

from django.db import transaction
from django.utils.translation import gettext as _

from faisse.accounts.abilities import GRANTS, can
from faisse.accounts.models import User
from faisse.plans.editing import EditError
from faisse.plans.models import PlanNode


def pilot_candidates(territory):
    """Members who may pilot an action: those whose role lets them write a follow-up."""
    roles = [role for role, granted in GRANTS.items() if role and "follow_up" in granted]
    return User.objects.filter(
        is_active=True, memberships__territory=territory, memberships__role__in=roles
    ).order_by("last_name", "first_name", "email")


@transaction.atomic
def set_pilots(node: PlanNode, user, pilot_ids: list[int]) -> None:
    """Give the action exactly these pilots; history records who changed them."""
    if not can(user, "edit_plan", node.territory):
        raise PermissionError("edit_plan")
    if node.kind != PlanNode.Kind.ACTION:
        raise EditError(_("Seules les actions ont des pilotes."))
    pilots = list(pilot_candidates(node.territory).filter(pk__in=set(pilot_ids)))
    if len(pilots) != len(set(pilot_ids)):
        raise EditError(
            _("Choisissez les pilotes parmi les membres du territoire qui suivent des actions.")
        )
    node._history_user = user
    node._change_reason = _("Pilotes modifiés")
    node.pilots.set(pilots)


def drop_pilot(person, territory=None, by=None, reason: str = "") -> int:
    """Take the person off the actions they pilot in the territory, or everywhere (they
    left it, their new role has no follow-up, they erased their account); return how many
    actions they piloted."""
    actions = PlanNode.objects.filter(pilots=person)
    if territory is not None:
        actions = actions.filter(territory=territory)
    actions = list(actions)
    for action in actions:
        action._history_user = by
        action._change_reason = reason or _("Pilote retiré·e : rôle changé ou retiré")
        action.pilots.remove(person)
    return len(actions)
