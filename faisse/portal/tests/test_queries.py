"""Every page runs the same number of queries for a plan ten times larger."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.locations.models import CommuneLink, CommuneRole
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.located import give_boundaries
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

SMALL = {"axes": 2, "orientations": 3, "objectives": 4, "actions": 5}  # 120 actions
LARGE = {"axes": 2, "orientations": 6, "objectives": 10, "actions": 10}  # 1,200 actions


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def locate(plan, communes) -> None:
    """Links that grow with the plan: every 7th action and every objective of the first
    axis name a commune; every 5th commune has a role."""
    nodes = PlanNode.objects.filter(plan=plan).order_by("pk")
    actions = list(nodes.filter(kind=PlanNode.Kind.ACTION))[::7]
    axis = nodes.filter(kind=PlanNode.Kind.AXIS).first()
    objectives = list(nodes.filter(kind=PlanNode.Kind.OBJECTIVE, parent__parent=axis))
    CommuneLink.objects.bulk_create(
        CommuneLink(
            territory=plan.territory,
            plan=plan,
            node=node,
            commune=communes[i % len(communes)],
            origin=CommuneLink.Origin.DETECTED,
            evidence=communes[i % len(communes)].name,
        )
        for i, node in enumerate(actions + objectives)
    )
    CommuneRole.objects.bulk_create(
        CommuneRole(territory=plan.territory, commune=commune, role="secondary_hub")
        for commune in communes[::5]
    )


def measure(client, size) -> dict[str, int]:
    territory = make_territory(communes=5 * size["orientations"])
    plan = make_plan(territory, **size)
    communes = give_boundaries(territory, columns=6)
    locate(plan, communes)
    actions = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk")
    assert actions.count() == 2 * size["orientations"] * size["objectives"] * size["actions"]
    middle = actions[actions.count() // 2]
    axis = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.AXIS).first()
    slug = territory.slug
    index = reverse("portal:communes", args=[slug])
    map_url = reverse("portal:map", args=[slug])
    return {
        "home": queries(client, territory.get_absolute_url()),
        "plan": queries(client, reverse("portal:plan", args=[slug])),
        "action": queries(client, middle.url_for(slug)),
        "linked action": queries(client, actions.first().url_for(slug)),
        "axis": queries(client, axis.url_for(slug)),
        "communes": queries(client, index),
        "search": queries(client, index + "?q=commune+1"),
        "commune": queries(client, reverse("portal:commune", args=[slug, communes[0].insee])),
        "unnamed commune": queries(
            client, reverse("portal:commune", args=[slug, communes[-1].insee])
        ),
        "map": queries(client, map_url),
        "map per inhabitant": queries(client, map_url + "?mesure=habitants&tri=taux"),
    }


def test_query_counts_do_not_grow_with_the_plan(client):
    small = measure(client, SMALL)
    large = measure(client, LARGE)
    assert small == large
    # territory, plan, tree nodes, tree placements, and per page: challenges, communes, steps;
    # commune links on action pages; communes, roles (not on the map) and links on the commune
    # pages; the next meetings and the open questionnaires on the home; on a node's page, its
    # rankings by questionnaires (one query when none ranks it), its indicators (one), its
    # follow-up (sheets, milestone counts, budget and funding sums over the page's tree; the
    # milestones and updates of an action, not read here: these plans have no sheet yet,
    # faisse/actions/tests/test_node_section_queries.py counts them).
    assert small == {
        "home": 9,
        "plan": 4,
        "action": 11,
        "linked action": 11,
        "axis": 11,
        "communes": 7,
        "search": 7,
        "commune": 7,
        "unnamed commune": 7,
        "map": 6,
        "map per inhabitant": 6,
    }


def test_territory_list_query_count_does_not_grow(client):
    make_territory()
    first = queries(client, reverse("portal:home"))
    for _ in range(5):
        make_territory()
    assert queries(client, reverse("portal:home")) == first == 1
