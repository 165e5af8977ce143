"""Where a test plan applies: square commune boundaries, commune links and roles (real rows)."""

from faisse.locations.models import CommuneLink, CommuneRole
from faisse.plans.models import Plan, PlanNode
from faisse.territories.models import Commune, Territory

Origin = CommuneLink.Origin


def square(column: int, row: int, size: float = 0.05) -> dict:
    """A square commune near Alès (lon 4°, lat 44°), as a GeoJSON Polygon."""
    west, north = 4.0 + column * size, 44.3 - row * size
    ring = [
        [west, north],
        [west + size, north],
        [west + size, north - size],
        [west, north - size],
        [west, north],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def give_boundaries(territory: Territory, columns: int = 4) -> list[Commune]:
    communes = list(Commune.objects.of_territory(territory).order_by("insee"))
    for i, commune in enumerate(communes):
        commune.boundary = square(i % columns, i // columns)
    Commune.objects.bulk_update(communes, ["boundary"])
    return communes


def link(
    node: PlanNode, commune: Commune, origin: str = Origin.DETECTED, evidence: str | None = None
):
    return CommuneLink.objects.create(
        territory=node.territory,
        plan=node.plan,
        node=node,
        commune=commune,
        origin=origin,
        evidence=commune.name if evidence is None else evidence,
    )


def locate(plan: Plan) -> dict:
    """Commune 1 named by the first action, Commune 2 by the first objective of the last
    axis (so by its actions) and added by hand to the first action, a rejected link to
    Commune 3, a role for Commune 1; the last commune is never named."""
    communes = give_boundaries(plan.territory)
    nodes = PlanNode.objects.filter(plan=plan)
    actions = list(nodes.filter(kind=PlanNode.Kind.ACTION).order_by("pk"))
    last_axis = nodes.filter(kind=PlanNode.Kind.AXIS).order_by("-position", "-pk").first()
    objective = (
        nodes.filter(kind=PlanNode.Kind.OBJECTIVE, parent__parent=last_axis).order_by("pk").first()
    )
    first, second, third = communes[:3]
    link(actions[0], first, Origin.DETECTED, "Commune 1")
    link(objective, second, Origin.CONFIRMED, "Commune 2")
    link(actions[0], second, Origin.MANUAL, "")
    link(actions[1], third, Origin.REJECTED, "Commune 3")
    CommuneRole.objects.create(
        territory=plan.territory,
        commune=first,
        role=CommuneRole.Role.CENTRAL_TOWN,
        evidence="Conforter Commune 1 comme ville-centre",
    )
    return {
        "communes": communes,
        "action": actions[0],
        "rejected_action": actions[1],
        "objective": objective,
        "objective_actions": list(objective.children.order_by("pk")),
    }
