"""A plan with what the exports must handle, and the outline its documents must show.

Own level names (objectives are "Objectif prioritaire"), numbered and unnumbered nodes,
an objective directly under an axis with a sub-group, actions directly under an axis, a
sub-action, descriptions, a commune named by an action, an action shared under a second
axis, and unpublished nodes (an orientation with its subtree, an action).
"""

import datetime

from faisse.locations.models import CommuneLink
from faisse.plans.models import Challenge, Plan, PlanNode, SharedPlacement
from faisse.territories.models import Commune

Kind = PlanNode.Kind

# (heading level or "-" * list depth + 1, text) of the published nodes, in document order.
PUBLISHED_OUTLINE = [
    (1, "Axe 1 : Attractivité"),
    (2, "Orientation 1.1 : Accueillir les entreprises"),
    (3, "Objectif prioritaire 1.1.1 : Aménager des zones"),
    ("-", "Action 1.1.1.1 : Créer une pépinière"),
    ("--", "Trouver un local"),
    ("-", "Animer un réseau"),
    (1, "Axe 2 : Solidarités"),
    (3, "Un objectif sans orientation"),
    (4, "Un sous-ensemble"),
    ("-", "Action groupée"),
    (1, "Axe 3 : Cadre de vie"),
    ("-", "Action 3.1 : Une action sous l’axe"),
]
DRAFT_TEXTS = [
    "Orientation 1.2 : Brouillon",
    "Objectif caché",
    "Action cachée",
    "Action non publiée",
]
AXIS_PARAGRAPHS = ["Premier paragraphe de l’axe.", "Second paragraphe de l’axe."]
ACTION_PARAGRAPH = "Une pépinière d’entreprises, près de la gare."


def _node(plan, parent, kind, title, number="", position=1, description="", published=True):
    return PlanNode.objects.create(
        plan=plan,
        territory=plan.territory,
        parent=parent,
        kind=kind,
        number=number,
        title=title,
        description=description,
        position=position,
        is_published=published,
    )


def make_export_plan(territory, *, title: str = "", notes: bool = True) -> Plan:
    """The plan above. Without `notes`, no action has a paragraph of its own (description,
    communes, second placement): what today's Markdown importer cannot tell from its title."""
    plan = Plan.objects.create(
        territory=territory,
        title=title or "Projet de territoire des Faïsses",
        period_start=2020,
        period_end=2030,
        status=Plan.Status.ADOPTED,
        adopted_on=datetime.date(2020, 6, 1),
        ambition_motto="Audace — Solidarité",
        ambition_text="Une ambition partagée.\n\nDeux paragraphes pour la dire.",
    )
    Challenge.objects.create(
        plan=plan, territory=territory, position=1, title="Un défi", points=["Un point", "Un autre"]
    )
    Challenge.objects.create(plan=plan, territory=territory, position=2, title="Un second défi")

    def node(parent, kind, title, number="", position=1, **fields):
        return _node(plan, parent, kind, title, number, position, **fields)

    axis1 = node(None, Kind.AXIS, "Attractivité", "1", 1, description="\n".join(AXIS_PARAGRAPHS))
    orientation = node(axis1, Kind.ORIENTATION, "Accueillir les entreprises", "1.1", 1)
    objective = node(orientation, Kind.OBJECTIVE, "Aménager des zones", "1.1.1", 1)
    nursery = node(
        objective,
        Kind.ACTION,
        "Créer une pépinière",
        "1.1.1.1",
        1,
        description=ACTION_PARAGRAPH if notes else "",
    )
    node(nursery, Kind.ACTION, "Trouver un local", "", 1)
    node(objective, Kind.ACTION, "Animer un réseau", "", 2)
    hidden = node(axis1, Kind.ORIENTATION, "Brouillon", "1.2", 2, published=False)
    hidden_objective = node(hidden, Kind.OBJECTIVE, "Objectif caché", "", 1)
    node(hidden_objective, Kind.ACTION, "Action cachée", "", 1)
    axis2 = node(None, Kind.AXIS, "Solidarités", "2", 2)
    loose = node(axis2, Kind.OBJECTIVE, "Un objectif sans orientation", "", 1)
    group = node(loose, Kind.GROUP, "Un sous-ensemble", "", 1)
    node(group, Kind.ACTION, "Action groupée", "", 1)
    axis3 = node(None, Kind.AXIS, "Cadre de vie", "3", 3)
    node(axis3, Kind.ACTION, "Une action sous l’axe", "3.1", 1)
    node(axis3, Kind.ACTION, "Action non publiée", "", 2, published=False)
    if notes:
        SharedPlacement.objects.create(
            plan=plan, territory=territory, node=nursery, parent=axis3, position=3
        )
        commune = Commune.objects.of_territory(territory).order_by("insee").first()
        CommuneLink.objects.create(
            territory=territory,
            plan=plan,
            node=nursery,
            commune=commune,
            origin=CommuneLink.Origin.CONFIRMED,
            evidence=commune.name,
        )
    # The plan's own name of a level, copied onto its nodes.
    plan.set_level_names({Kind.OBJECTIVE: ["Objectif prioritaire", "Objectifs prioritaires"]})
    return plan


def contract_text(node) -> str:
    """The layout contract's text of a node (docs/export.md), written out again here."""
    if node.number:
        return f"{node.kind_label} {node.number} : {node.title}"
    return node.title
