"""Changing or ending a person's role in a territory, from the members page, an accepted
invitation or an erased account: the same consequences wherever the change comes from
(the apps built on accounts hear of it through `signals.role_changed`). The last
administrator rule stays with the callers: each tells it in its own way."""

from django.db import transaction

from faisse.accounts.models import Membership
from faisse.accounts.signals import role_changed


@transaction.atomic
def change_role(membership: Membership, by, commissions=None, **values) -> None:
    """Set role, commune (and the commissions, if given)… Records only a real change; a
    role without follow-up takes the person off the actions they piloted in the
    territory."""
    if commissions is not None:
        membership.commissions.set(commissions)
    changed = [name for name, value in values.items() if getattr(membership, name) != value]
    for name in changed:
        setattr(membership, name, values[name])
    if changed:  # an unchanged form records nothing in the members' journal
        membership.save(update_fields=changed)
    role_changed.send(
        Membership,
        user=membership.user,
        territory=membership.territory,
        role=membership.role,
        by=by,
    )


@transaction.atomic
def end_membership(membership: Membership, by) -> None:
    """The person leaves the territory: their role, and the actions they piloted there.
    Their account and their roles elsewhere stay."""
    membership.delete()
    role_changed.send(
        Membership, user=membership.user, territory=membership.territory, role=None, by=by
    )
