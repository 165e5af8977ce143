"""Public pages of the portal: territories, their plan, one page per plan node.

Every page runs a constant number of queries whatever the size of the plan: the plan is
loaded whole by PlanTree (2 queries) and walked in memory.
"""

from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from faisse.participation.models import ProcessStep
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.portal.outline import PlanOutline
from faisse.portal.process import group_by_phase
from faisse.territories.models import Territory

KIND_BY_SEGMENT = {segment: kind for kind, segment in PlanNode.URL_SEGMENTS.items()}


def _territory(slug: str) -> Territory:
    return get_object_or_404(Territory, slug=slug)


def _current_outline(territory: Territory) -> tuple[Plan | None, PlanOutline | None]:
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        return None, None
    return plan, PlanOutline(PlanTree.load(plan), territory.slug)


def territory_list(request):
    territories = Territory.objects.annotate(commune_count=Count("communes")).order_by("name")
    return render(request, "portal/territory_list.html", {"territories": territories})


def territory_home(request, slug):
    territory = _territory(slug)
    plan, outline = _current_outline(territory)
    communes = territory.communes.aggregate(count=Count("id"), population=Sum("population"))
    steps = ProcessStep.objects.filter(territory=territory).order_by("position", "starts_on", "id")
    context = {
        "territory": territory,
        "plan": plan,
        "challenges": list(plan.challenges.all()) if plan else [],
        "axes": outline.axes() if outline else [],
        "communes": communes,
        "phases": group_by_phase(list(steps)),
        "nav_current": "territory",
    }
    return render(request, "portal/territory_home.html", context)


def plan_detail(request, slug):
    territory = _territory(slug)
    plan, outline = _current_outline(territory)
    context = {
        "territory": territory,
        "plan": plan,
        "counts": outline.counts() if outline else {},
        "toc": outline.table_of_contents() if outline else [],
        "blocks": outline.blocks() if outline else [],
        "nav_current": "plan",
    }
    return render(request, "portal/plan_detail.html", context)


def node_detail(request, slug, segment, pk):
    territory = _territory(slug)
    kind = KIND_BY_SEGMENT.get(segment)
    if kind is None:
        raise Http404("Unknown segment")
    node = get_object_or_404(
        PlanNode.objects.select_related("plan"), pk=pk, kind=kind, plan__territory=territory
    )
    outline = PlanOutline(PlanTree.load(node.plan), territory.slug)
    node = outline.tree.by_id[node.pk]
    entry = outline.home_entry(node)
    children = entry.children if entry else []
    is_action = node.kind == PlanNode.Kind.ACTION
    previous, following = outline.neighbours(node) if is_action else (None, None)
    context = {
        "territory": territory,
        "plan": outline.tree.plan,
        "node": node,
        "outline": outline,
        "ancestors": [(a, outline.url(a)) for a in outline.tree.ancestors(node)],
        "shared_paths": [
            [(n, outline.url(n)) for n in path] for path in outline.placements(node)[1:]
        ],
        "children_blocks": outline.blocks(children, top_level=2) if not is_action else [],
        "sub_items": [outline.item(child, with_children=True) for child in children]
        if is_action
        else [],
        "previous": (previous, outline.url(previous)) if previous else None,
        "following": (following, outline.url(following)) if following else None,
        "nav_current": "plan",
    }
    return render(request, "portal/node_detail.html", context)
