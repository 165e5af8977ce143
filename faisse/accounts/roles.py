"""Changing or ending a person's role in a territory, from the members page, an accepted
invitation or an erased account: the same consequences wherever the change comes from.
The last administrator rule stays with the callers: each tells it in its own way."""

from django.db import transaction

from faisse.accounts.abilities import GRANTS
from faisse.accounts.models import Membership
from faisse.plans.editing import drop_pilot


@transaction.atomic
def change_role(membership: Membership, by, **values) -> None:
    """Set role, commune, commissions… Records only a real change; a role without
    follow-up takes the person off the actions they piloted in the territory."""
    changed = [name for name, value in values.items() if getattr(membership, name) != value]
    for name in changed:
        setattr(membership, name, values[name])
    if changed:  # an unchanged form records nothing in the members' journal
        membership.save(update_fields=changed)
    if "follow_up" not in GRANTS[membership.role]:
        drop_pilot(membership.user, membership.territory, by=by)


@transaction.atomic
def end_membership(membership: Membership, by) -> None:
    """The person leaves the territory: their role, and the actions they piloted there.
    Their account and their roles elsewhere stay."""
    membership.delete()
    drop_pilot(membership.user, membership.territory, by=by)
