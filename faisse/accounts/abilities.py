"""What a person may do in a territory: the one place every view, export and API asks.

`territory_abilities(user, territory)` returns a dict of booleans, computed once per
request and territory. Pages show only the buttons whose ability is true; views refuse
the others with 403 (404 when the person may not even know the object exists).
"""

from faisse.accounts.models import Membership, Role
from faisse.territories.models import Territory

ABILITIES = (
    "view_public",  # the published plan, communes, map
    "view_drafts",  # unpublished nodes and internal notes
    "edit_plan",  # create, rename, move nodes; publish; review links and similar actions
    "follow_up",  # update follow-up fields (pilots: only their own actions)
    "comment",  # answer questionnaires, comment, give opinions
    "manage_members",  # invite people, change roles
)

GRANTS = {
    Role.ADMIN: set(ABILITIES),
    Role.EDITOR: {"view_public", "view_drafts", "edit_plan", "follow_up", "comment"},
    Role.PILOT: {"view_public", "view_drafts", "follow_up", "comment"},
    Role.ELECTED: {"view_public", "view_drafts", "comment"},
    Role.PARTNER: {"view_public", "comment"},
    None: {"view_public"},  # the public, and members of other territories
}


def role_in(user, territory: Territory) -> str | None:
    """The user's role in the territory (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_faisse_roles", {})
    if territory.pk not in cache:
        cache[territory.pk] = (
            Membership.objects.filter(user=user, territory=territory)
            .values_list("role", flat=True)
            .first()
        )
    return cache[territory.pk]


def remember_roles(user, memberships) -> None:
    """Fill the role cache from memberships already loaded (no query per territory)."""
    cache = user.__dict__.setdefault("_faisse_roles", {})
    for membership in memberships:
        cache[membership.territory_id] = membership.role


def territory_abilities(user, territory: Territory) -> dict[str, bool]:
    if getattr(user, "is_superuser", False) and user.is_active:
        granted = set(ABILITIES)
    else:
        granted = GRANTS[role_in(user, territory)]
    return {ability: ability in granted for ability in ABILITIES}


def can(user, ability: str, territory: Territory) -> bool:
    if ability not in ABILITIES:
        raise ValueError(f"Unknown ability: {ability}")
    return territory_abilities(user, territory)[ability]


MANAGEMENT_ABILITIES = ("edit_plan", "follow_up", "manage_members")


def may_manage(user, territory: Territory) -> bool:
    """Whether the person has a management space in the territory (/<slug>/gestion/)."""
    abilities = territory_abilities(user, territory)
    return any(abilities[ability] for ability in MANAGEMENT_ABILITIES)
