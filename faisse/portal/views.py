"""Public pages of the portal: territories, their plan, one page per plan node.

Every page runs a constant number of queries whatever the size of the plan: the plan is
loaded whole by PlanTree (2 queries) and walked in memory.
"""

from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from faisse.accounts.abilities import can
from faisse.history.changes import history_preview
from faisse.locations.communes import TerritoryCommunes, places_of, search, suggestions
from faisse.locations.geography import PlanGeography
from faisse.participation.models import ProcessStep
from faisse.participation.process import group_by_phase
from faisse.plans.editing import editable_fields
from faisse.plans.models import Plan, PlanNode
from faisse.plans.node_sections import node_sections
from faisse.plans.outline import PlanOutline
from faisse.plans.tree import PlanTree
from faisse.portal.downloads import download_links
from faisse.portal.mapping import commune_map, map_page
from faisse.portal.process_page import next_meetings, open_questionnaires
from faisse.territories.models import Territory

KIND_BY_SEGMENT = {segment: kind for kind, segment in PlanNode.URL_SEGMENTS.items()}


def _territory(slug: str) -> Territory:
    return get_object_or_404(Territory, slug=slug)


def _drafts(request, territory: Territory) -> bool:
    """Whether the person sees unpublished nodes (members of the territory)."""
    return can(request.user, "view_drafts", territory)


def _current_outline(request, territory: Territory) -> tuple[Plan | None, PlanOutline | None]:
    plan = Plan.objects.of_territory(territory).current()
    if plan is None:
        return None, None
    tree = PlanTree.load(plan, drafts=_drafts(request, territory))
    return plan, PlanOutline(tree, territory.slug)


def territory_list(request):
    territories = Territory.objects.annotate(commune_count=Count("communes")).order_by("name")
    return render(request, "portal/territory_list.html", {"territories": territories})


def territory_home(request, slug):
    territory = _territory(slug)
    plan, outline = _current_outline(request, territory)
    communes = territory.communes.aggregate(count=Count("id"), population=Sum("population"))
    steps = ProcessStep.objects.filter(territory=territory).order_by("position", "starts_on", "id")
    context = {
        "territory": territory,
        "plan": plan,
        "challenges": list(plan.challenges.all()) if plan else [],
        "axes": [
            (axis, plan.counted(axis.counts, ("orientation", "objective", "action"), ()))
            for axis in outline.axes()
        ]
        if outline
        else [],
        "communes": communes,
        "phases": group_by_phase(list(steps)),
        "next_meetings": next_meetings(request, territory),
        "open_questionnaires": open_questionnaires(request, territory),
        "nav_current": "territory",
    }
    return render(request, "portal/territory_home.html", context)


def plan_detail(request, slug):
    territory = _territory(slug)
    plan, outline = _current_outline(request, territory)
    context = {
        "territory": territory,
        "plan": plan,
        "counts": plan.counted(outline.counts()) if outline else [],
        "toc": outline.table_of_contents() if outline else [],
        "blocks": outline.blocks() if outline else [],
        "downloads": download_links(slug) if plan else [],
        "draft_downloads": download_links(slug, drafts=True)
        if outline and outline.tree.drafts
        else [],
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
    drafts = _drafts(request, territory)
    outline = PlanOutline(PlanTree.load(node.plan, drafts=drafts), territory.slug)
    node = outline.tree.by_id.get(node.pk)
    if node is None:  # unpublished, or under an unpublished node, for this person
        raise Http404("Unpublished node")
    entry = outline.home_entry(node)
    children = entry.children if entry else []
    is_action = node.kind == PlanNode.Kind.ACTION
    geography = PlanGeography.load(outline.tree.plan, tree=outline.tree)
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
        "places": places_of(geography, node, territory.slug),
        "show_internal": drafts,
        "pilots": list(node.pilots.order_by("last_name", "first_name"))
        if drafts and is_action
        else [],
        "can_edit": bool(editable_fields(request.user, node)) if drafts else False,
        "can_edit_plan": drafts and can(request.user, "edit_plan", territory),
        "history": history_preview(request.user, node, territory),
        "sections": node_sections(node, drafts=drafts, tree=outline.tree),
        "nav_current": "plan",
    }
    return render(request, "portal/node_detail.html", context)


def commune_index(request, slug):
    territory = _territory(slug)
    data = TerritoryCommunes.load(territory, boundaries=False, drafts=_drafts(request, territory))
    query = " ".join(request.GET.get("q", "").split())[:100]
    found = search(data.communes, query) if query else data.communes
    context = {
        "territory": territory,
        "plan": data.plan,
        "query": query,
        "rows": data.rows(found),
        "total": len(data.communes),
        "suggestions": suggestions(data.communes, query) if query and not found else [],
        "nav_current": "communes",
    }
    return render(request, "portal/commune_index.html", context)


def commune_detail(request, slug, insee):
    territory = _territory(slug)
    drafts = _drafts(request, territory)
    data = TerritoryCommunes.load(territory, drafts=drafts)
    commune = data.get(insee)
    if commune is None:
        raise Http404("Unknown commune")
    specific = data.specific_sections(commune)
    territory_wide = data.territory_wide_sections()
    context = {
        "territory": territory,
        "plan": data.plan,
        "commune": commune,
        "row": data.rows([commune])[0],
        "commune_count": len(data.communes),
        "map_svg": commune_map(data, commune),
        "specific": specific,
        "specific_count": sum(section.size for section in specific),
        "territory_wide": territory_wide,
        "territory_wide_count": sum(section.size for section in territory_wide),
        "show_internal": drafts,  # whether a link was checked is the members' business
        "nav_current": "communes",
    }
    return render(request, "portal/commune_detail.html", context)


def map_detail(request, slug):
    territory = _territory(slug)
    data = TerritoryCommunes.load(territory, roles=False, drafts=_drafts(request, territory))
    context = {
        "territory": territory,
        "plan": data.plan,
        "commune_count": len(data.communes),
        **map_page(data, request.GET, request.path),
        "nav_current": "map",
    }
    return render(request, "portal/map.html", context)
