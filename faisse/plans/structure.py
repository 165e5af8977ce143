"""Changing the structure of a plan: new nodes, their order and place, and the limits a
structure keeps (kinds that fit under each other, depth, number of nodes).

Every change of structure locks the plan's row (`lock_plan`) and ends with
`check_structure`, inside its transaction: a refused change leaves nothing written.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from faisse.plans.editing import EditError
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree

# Which kind of node may hang under which; objectives, and actions of a two-level plan,
# may hang from an axis directly.
CHILD_KINDS = {
    None: ("axis",),
    "axis": ("orientation", "objective", "action"),  # two-level plans: Enjeu → Action
    "orientation": ("objective", "action"),
    "objective": ("group", "action"),
    "group": ("action",),
    "action": ("action",),
}


def lock_plan(plan_id: int) -> Plan:
    """Lock the plan's row for the rest of the transaction: changes of its structure
    (positions among siblings, the number and depth of its elements) are made one after
    the other, never from the same stale reading (on SQLite the write lock does it)."""
    return Plan.objects.select_for_update().get(pk=plan_id)


def check_placement(kind: str, parent: PlanNode | None, node: PlanNode | None = None) -> None:
    """A node of `kind` (the existing `node`, if it is one) may hang under `parent`: the
    same plan, never under itself or its descendants, a kind that fits. Raises EditError."""
    if parent is not None and node is not None:
        if parent.plan_id != node.plan_id:
            raise EditError(_("Le nouveau parent appartient à un autre projet."))
        ancestor = parent
        while ancestor is not None:
            if ancestor.pk == node.pk:
                raise EditError(_("Un élément ne peut pas être placé sous lui-même."))
            ancestor = ancestor.parent
    allowed = CHILD_KINDS[parent.kind if parent else None]
    if kind not in allowed:
        raise EditError(
            _("Un élément « %(kind)s » ne peut pas être placé ici (possible : %(allowed)s).")
            % {
                "kind": PlanNode.Kind(kind).label if kind in PlanNode.Kind.values else kind,
                "allowed": ", ".join(str(PlanNode.Kind(k).label) for k in allowed),
            }
        )


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


def next_position(plan_id: int, parent_id: int | None) -> int:
    siblings = PlanNode.objects.filter(plan_id=plan_id, parent_id=parent_id)
    return (siblings.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def add_node(plan, parent: PlanNode | None, kind: str, title: str, number: str = "") -> PlanNode:
    check_placement(kind, parent)
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
        level_name=plan.level_names.get(kind, [""])[0],
        number=number.strip(),
        title=title.strip(),
        position=next_position(plan.pk, parent.pk if parent else None),
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
def move_among_siblings(node: PlanNode, offset: int) -> bool:
    """Swap the node with its previous (-1) or next (+1) sibling; False if it is already
    first or last."""
    siblings = list(
        PlanNode.objects.select_for_update()
        .filter(plan_id=node.plan_id, parent_id=node.parent_id)
        .order_by("position", "id")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
    other = index + offset
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling._change_reason = _("Ordre modifié")
            sibling.save(update_fields=["position"])
    return True


@transaction.atomic
def move_under(node: PlanNode, parent: PlanNode | None, user=None, reason: str = "") -> PlanNode:
    """Give the node another parent in the same plan, last among its new siblings."""
    check_placement(node.kind, parent, node)
    plan = lock_plan(node.plan_id)
    node.parent = parent
    node.position = next_position(node.plan_id, parent.pk if parent else None)
    node.save_change(user, reason or _("Déplacé"))
    check_structure(plan)
    return node
