"""What a person may do with one node of a plan, on top of their role in its territory:
the rule the plans app registers in the abilities layer (apps.py)."""

from faisse.plans.models import PlanNode


def node_abilities(user, node: PlanNode, abilities: dict[str, bool]) -> dict[str, bool]:
    """Editors change every node. The follow-up of an action is written by its pilots,
    and by editors; a pilot writes nothing on the actions others pilot."""
    if abilities["edit_plan"]:
        return abilities
    pilots_it = (
        abilities["follow_up"]
        and node.kind == PlanNode.Kind.ACTION
        and getattr(user, "is_authenticated", False)
        and node.pilots.filter(pk=user.pk).exists()
    )
    return {**abilities, "follow_up": bool(pilots_it)}
