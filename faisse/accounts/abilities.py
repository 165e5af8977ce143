"""What a person may do in a territory: the one place every view, export and API asks.

`territory_abilities(user, territory)` returns a dict of booleans, computed once per
request and territory. Pages show only the buttons whose ability is true; views refuse
the others with 403 (404 when the person may not even know the object exists).
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from faisse.accounts.models import ROLES_WITH_COMMUNE, Membership, Role
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


def role_in(user, territory: Territory | int) -> str | None:
    """The user's role in the territory, given or by id (cached on the user for the
    request)."""
    if not getattr(user, "is_authenticated", False):
        return None
    territory_id = territory if isinstance(territory, int) else territory.pk
    cache = user.__dict__.setdefault("_faisse_roles", {})
    if territory_id not in cache:
        cache[territory_id] = (
            Membership.objects.filter(user=user, territory_id=territory_id)
            .values_list("role", flat=True)
            .first()
        )
    return cache[territory_id]


def remember_roles(user, memberships, *territories: Territory) -> None:
    """Fill the role cache from memberships already loaded (no query per territory); the
    `territories` given where none of them is are remembered as "no role"."""
    cache = user.__dict__.setdefault("_faisse_roles", {})
    for territory in territories:
        cache[territory.pk] = None
    for membership in memberships:
        cache[membership.territory_id] = membership.role


def territory_abilities(user, territory: Territory | int) -> dict[str, bool]:
    if getattr(user, "is_superuser", False) and user.is_active:
        granted = set(ABILITIES)
    else:
        granted = GRANTS[role_in(user, territory)]
    return {ability: ability in granted for ability in ABILITIES}


# What a person may do with one object: an app built on accounts registers a rule for
# its model (plans: "a pilot follows up only the actions they pilot"); the rule receives
# the person's abilities in the object's territory and returns them adjusted.
ObjectRule = Callable[[Any, Any, dict[str, bool]], dict[str, bool]]
_object_rules: dict[type, ObjectRule] = {}


def register_object_rule(model: type, rule: ObjectRule) -> None:
    _object_rules[model] = rule


def object_abilities(user, obj) -> dict[str, bool]:
    """The person's abilities on one object (which has a `territory_id`), computed once
    per object and person."""
    cache = obj.__dict__.setdefault("_faisse_abilities", {})
    key = getattr(user, "pk", None)
    if key not in cache:
        abilities = territory_abilities(user, obj.territory_id)
        rule = _object_rules.get(type(obj))
        cache[key] = rule(user, obj, abilities) if rule is not None else abilities
    return cache[key]


def can(user, ability: str, territory: Territory) -> bool:
    if ability not in ABILITIES:
        raise ValueError(f"Unknown ability: {ability}")
    return territory_abilities(user, territory)[ability]


MANAGEMENT_ABILITIES = ("edit_plan", "follow_up", "manage_members")


def manages_something(abilities: dict[str, bool]) -> bool:
    """Whether these abilities open a management tool (plan, follow-up, members)."""
    return any(abilities[ability] for ability in MANAGEMENT_ABILITIES)


def may_manage(user, territory: Territory | int) -> bool:
    """Whether the person has a space in the territory (/<slug>/gestion/, the menu's link):
    every member, whatever their role, and the instance's operators. The space shows each
    one what their role is for and the tools their abilities open."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser and user.is_active:
        return True
    return role_in(user, territory) is not None


def space_label(user, territory: Territory | int) -> str | None:
    """The menu's name of the person's space in the territory, or None without one:
    "Gestion" for those who manage something, "Mon espace" for the other members."""
    if not may_manage(user, territory):
        return None
    if manages_something(territory_abilities(user, territory)):
        return str(gettext_lazy("Gestion"))
    return str(gettext_lazy("Mon espace"))


# What each ability lets a person do, in plain French: the descriptions of the roles (next
# to the role choice, on a member's home) are made from GRANTS with these phrases, so that
# they always say what the rules say. Infinitives, to follow "Peut" or "Ce rôle permet de".
ABILITY_PHRASES = {
    "view_public": gettext_lazy("voir le projet publié, les communes et la carte"),
    "view_drafts": gettext_lazy("lire les éléments en brouillon et les notes internes"),
    "edit_plan": gettext_lazy(
        "modifier le projet : créer, renommer, déplacer et publier ses éléments, localiser "
        "les actions, choisir leurs pilotes"
    ),
    "follow_up": gettext_lazy("mettre à jour le suivi de toutes les actions"),
    "comment": gettext_lazy("répondre aux questionnaires, commenter, donner son avis (bientôt)"),
    "manage_members": gettext_lazy("inviter des personnes, changer leurs rôles, les retirer"),
}
# Without edit_plan, follow_up covers only the actions one pilots: the rule the plans app
# registers for its nodes (faisse/plans/abilities.py, node_abilities).
FOLLOW_UP_OF_OWN_ACTIONS = gettext_lazy(
    "mettre à jour le suivi des actions dont on est pilote, et d’elles seules"
)


def role_abilities(role: str | None) -> list[str]:
    """What a role may do, one French phrase per ability it is granted (GRANTS)."""
    granted = GRANTS[role]
    phrases = []
    for ability in ABILITIES:
        if ability not in granted:
            continue
        if ability == "follow_up" and "edit_plan" not in granted:
            phrases.append(str(FOLLOW_UP_OF_OWN_ACTIONS))
        else:
            phrases.append(str(ABILITY_PHRASES[ability]))
    if role in ROLES_WITH_COMMUNE:
        phrases.append(_("représenter sa commune"))
    return phrases


def role_description(role: str) -> str:
    """One French sentence: "Peut voir le projet publié… ; lire les éléments en brouillon…"."""
    return _("Peut %(abilities)s.") % {"abilities": " ; ".join(role_abilities(role))}
