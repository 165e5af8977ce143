"""Editing the plan from the site: fields of a node, new nodes, order and place.

Who may change what is decided by `faisse.accounts.abilities`: editors change every
field and the structure; a pilot changes only the follow-up of the actions they pilot.
Concurrent edits are detected by `PlanNode.version`: a change based on an older version
is refused, never silently written over the other person's.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from faisse.accounts.abilities import GRANTS, can
from faisse.accounts.models import User
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree

EDITOR_FIELDS = ("title", "number", "description", "is_published", "internal_notes", "follow_up")
PILOT_FIELDS = ("follow_up",)
# Which kind of node may hang under which; objectives may hang from an axis directly.
CHILD_KINDS = {
    None: ("axis",),
    "axis": ("orientation", "objective"),
    "orientation": ("objective",),
    "objective": ("group", "action"),
    "group": ("action",),
    "action": ("action",),
}


class EditError(Exception):
    """A change that cannot be made; the message says why, in French, and `field_errors`
    names the fields in cause ([{"field": "title", "message": "…"}]) when it can."""

    def __init__(self, message: str, field_errors: list[dict] | None = None):
        super().__init__(message)
        self.field_errors = field_errors or []

    @classmethod
    def from_validation(cls, error: ValidationError) -> "EditError":
        errors = [
            {"field": field, "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
        labels = {field.name: str(field.verbose_name) for field in PlanNode._meta.fields}
        summary = " ".join(
            f"{labels.get(item['field'], item['field']).capitalize()} : {item['message']}"
            for item in errors
        )
        return cls(summary, errors)


class EditConflict(EditError):
    """Someone saved the node since the form was opened; `current` is their version."""

    def __init__(self, current: PlanNode):
        super().__init__(
            _(
                "Cet élément a été modifié par quelqu’un d’autre pendant que vous l’éditiez. "
                "Vos modifications n’ont pas été enregistrées : relisez la version actuelle "
                "ci-dessous et refaites-les si besoin."
            )
        )
        self.current = current


def editable_fields(user, node: PlanNode) -> tuple[str, ...]:
    territory = node.territory
    if can(user, "edit_plan", territory):
        return EDITOR_FIELDS
    if (
        node.kind == PlanNode.Kind.ACTION
        and can(user, "follow_up", territory)
        and node.pilots.filter(pk=user.pk).exists()
    ):
        return PILOT_FIELDS
    return ()


@transaction.atomic
def update_node(node: PlanNode, user, changes: dict, version: int) -> PlanNode:
    """Write the changes if the node is still at `version`; history records who and what.

    The one path of an edit, from the site's form or the API: the same rules (allowed
    fields, no null, a title that is not blank, texts checked by the model's validators)
    and nothing written, neither version nor history, when nothing changes.
    """
    allowed = editable_fields(user, node)
    refused = set(changes) - set(allowed)
    if not allowed or refused:
        raise PermissionError(sorted(refused) or "node")
    empty = sorted(field for field, value in changes.items() if value is None)
    if empty:
        raise EditError(
            _("Sans valeur (null) : %(fields)s. Envoyez un texte vide pour effacer un texte.")
            % {"fields": ", ".join(empty)},
            [{"field": field, "message": _("ne peut pas valoir null")} for field in empty],
        )
    if "title" in changes and not changes["title"].strip():
        message = _("Donnez un intitulé : un élément sans intitulé ne se lit pas dans le projet.")
        raise EditError(message, [{"field": "title", "message": message}])
    current = PlanNode.objects.select_for_update().get(pk=node.pk)
    if current.version != version:
        raise EditConflict(current)
    changed = {field: value for field, value in changes.items() if getattr(current, field) != value}
    if not changed:
        return current
    for field, value in changed.items():
        setattr(current, field, value)
    others = [field.name for field in PlanNode._meta.fields if field.name not in changed]
    try:
        current.full_clean(exclude=others, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise EditError.from_validation(error) from error
    current.version += 1
    current._change_reason = _("Modification dans le site")
    current._history_user = user  # also outside a request (API, commands)
    current.save()
    return current


def lock_plan(plan_id: int) -> Plan:
    """Lock the plan's row for the rest of the transaction: changes of its structure
    (positions among siblings, the number and depth of its elements) are made one after
    the other, never from the same stale reading (on SQLite the write lock does it)."""
    return Plan.objects.select_for_update().get(pk=plan_id)


def _next_position(plan_id: int, parent: PlanNode | None) -> int:
    siblings = PlanNode.objects.filter(plan_id=plan_id, parent=parent)
    return (siblings.aggregate(last=Max("position"))["last"] or 0) + 1


def check_structure(plan: Plan) -> None:
    """Inside a transaction that changed the plan's structure: refuse (and so undo) a
    change that makes the plan deeper than MAX_PLAN_DEPTH levels, counted at every place
    where an element is shown (shared placements included)."""
    tree = PlanTree.load(plan, drafts=True)
    if tree.too_deep:
        raise EditError(
            _(
                "Le projet aurait plus de %(max)s niveaux (axe, orientation, objectif… "
                "jusqu’aux sous-actions) : placez cet élément moins profondément."
            )
            % {"max": settings.MAX_PLAN_DEPTH}
        )


@transaction.atomic
def add_node(plan, parent: PlanNode | None, kind: str, title: str, number: str = "") -> PlanNode:
    allowed = CHILD_KINDS[parent.kind if parent else None]
    if kind not in allowed:
        raise EditError(
            _("Un élément « %(kind)s » ne peut pas être placé ici (possible : %(allowed)s).")
            % {
                "kind": PlanNode.Kind(kind).label if kind in PlanNode.Kind.values else kind,
                "allowed": ", ".join(str(PlanNode.Kind(k).label) for k in allowed),
            }
        )
    if not title.strip():
        raise EditError(_("Donnez un intitulé au nouvel élément."))
    plan = lock_plan(plan.pk)
    if PlanNode.objects.filter(plan=plan).count() >= settings.MAX_PLAN_NODES:
        raise EditError(
            _("Le projet compte déjà %(max)s éléments, le plus qu’il puisse en avoir.")
            % {"max": number_format(settings.MAX_PLAN_NODES, force_grouping=True)}
        )
    node = PlanNode(
        plan=plan,
        territory_id=plan.territory_id,
        parent=parent,
        kind=kind,
        number=number.strip(),
        title=title.strip(),
        position=_next_position(plan.pk, parent),
        is_published=False,  # a new node is a draft until an editor publishes it
    )
    try:
        node.full_clean(exclude=["plan", "territory", "parent"], validate_unique=False)
    except ValidationError as error:
        raise EditError.from_validation(error) from error
    node.save()
    check_structure(plan)
    return node


@transaction.atomic
def move_among_siblings(node: PlanNode, offset: int) -> None:
    """Swap the node with its previous (-1) or next (+1) sibling."""
    siblings = list(
        PlanNode.objects.select_for_update()
        .filter(plan_id=node.plan_id, parent_id=node.parent_id)
        .order_by("position", "id")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
    other = index + offset
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling._change_reason = _("Ordre modifié")
            sibling.save(update_fields=["position"])


@transaction.atomic
def move_under(node: PlanNode, parent: PlanNode | None) -> PlanNode:
    """Give the node another parent in the same plan, last among its new siblings."""
    if parent is not None:
        if parent.plan_id != node.plan_id:
            raise EditError(_("Le nouveau parent appartient à un autre projet."))
        ancestor = parent
        while ancestor is not None:
            if ancestor.pk == node.pk:
                raise EditError(_("Un élément ne peut pas être placé sous lui-même."))
            ancestor = ancestor.parent
    if node.kind not in CHILD_KINDS[parent.kind if parent else None]:
        raise EditError(
            _("Un élément « %(kind)s » ne peut pas être placé sous cet élément.")
            % {"kind": node.get_kind_display()}
        )
    plan = lock_plan(node.plan_id)
    node.parent = parent
    node.position = _next_position(node.plan_id, parent)
    node.version += 1
    node._change_reason = _("Déplacé")
    node.save()
    check_structure(plan)
    return node


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
