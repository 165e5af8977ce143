"""Write a parsed plan into the database, all or nothing."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.outline import ParsedNode, ParsedPlan
from faisse.plans.models import Challenge, Plan, PlanNode
from faisse.territories.models import Territory


@dataclass
class PlanDetails:
    """What the document does not say and the person importing it does."""

    title: str = ""
    period_start: int | None = None
    period_end: int | None = None
    status: str = Plan.Status.DRAFT
    adopted_on: date | None = None
    source_name: str = ""
    predecessor: Plan | None = None  # the plan this one is a new version of


@transaction.atomic
def save_plan(
    parsed: ParsedPlan, territory: Territory, details: PlanDetails, *, replace: bool = False
) -> Plan:
    """Create the plan (or replace the content of the plan of the same title).

    One insert per tree level, so the cost does not grow with the number of nodes.
    """
    title = (details.title or parsed.title).strip()
    if not title:
        raise PlanImportError(_("le document n’a pas de titre : indiquez-en un (--title)."))
    if len(title) > Plan._meta.get_field("title").max_length:
        raise PlanImportError(_("titre trop long (255 caractères au plus) : « %s ».") % title)
    plan = Plan.objects.select_for_update().filter(territory=territory, title=title).first()
    if plan and not replace:
        raise PlanImportError(
            _("le territoire a déjà un projet intitulé « %(title)s » (remplacer : --replace).")
            % {"title": title}
        )
    plan = plan or Plan(territory=territory, title=title)
    plan.ambition_motto = parsed.motto[:255]
    plan.ambition_text = parsed.ambition
    plan.period_start, plan.period_end = details.period_start, details.period_end
    plan.status, plan.adopted_on = details.status, details.adopted_on
    plan.source_name = details.source_name[:255]
    plan.level_names = {
        kind: [name[:60] for name in names]
        for kind, names in parsed.level_names.items()
        if kind in PlanNode.Kind.values
    }
    if details.predecessor is not None:
        plan.predecessor = details.predecessor
    plan.full_clean(exclude=["territory"])
    plan.save()
    plan.nodes.all().delete()
    plan.challenges.all().delete()
    reason = (_("Import de « %s »") % (details.source_name or title))[:100]
    bulk_create_with_history(
        [
            Challenge(plan=plan, territory=territory, position=i, title=c.title, points=c.points)
            for i, c in enumerate(parsed.challenges, start=1)
        ],
        Challenge,
        default_change_reason=reason,
    )
    level: list[tuple[PlanNode | None, ParsedNode]] = [(None, node) for node in parsed.nodes]
    pairs: list[tuple[ParsedNode, PlanNode]] = []
    while level:
        rows = []
        for parent, parsed_node in level:
            rows.append(
                PlanNode(
                    plan=plan,
                    territory=territory,
                    parent=parent,
                    kind=parsed_node.kind,
                    level_name=plan.level_names.get(parsed_node.kind, [""])[0],
                    number=parsed_node.number,
                    title=parsed_node.title,
                    description=parsed_node.description,
                    source_line=parsed_node.line,
                )
            )
        _number_positions(rows)
        saved = bulk_create_with_history(rows, PlanNode, default_change_reason=reason)
        pairs += [(parsed_node, node) for node, (_p, parsed_node) in zip(saved, level, strict=True)]
        level = [
            (node, child)
            for node, (_parent, parsed_node) in zip(saved, level, strict=True)
            for child in parsed_node.children
        ]
    if parsed.after_save is not None:
        parsed.after_save(plan, pairs)
    return plan


def _number_positions(rows: list[PlanNode]) -> None:
    """Rank siblings 1, 2, 3… in document order."""
    rank: dict[int | None, int] = {}
    for row in rows:
        key = id(row.parent) if row.parent is not None else None
        rank[key] = rank.get(key, 0) + 1
        row.position = rank[key]
