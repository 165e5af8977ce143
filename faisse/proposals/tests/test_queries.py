"""The proposals' pages run a number of SQL queries that does not grow with the number of
proposals, communes concerned or events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from faisse.proposals.review import decline
from faisse.proposals.tests.conftest import make_proposal

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def add(world, count: int) -> None:
    communes = list(world["communes"].values())
    for n in range(count):
        proposal = make_proposal(world, f"Proposition {n}", communes=communes[: 1 + n % 4])
        if n % 3 == 0:
            decline(proposal, world["editor"], "Non.")


@pytest.mark.parametrize(
    "name, who",
    [
        ("proposals_manage:list", "editor"),
        ("proposals:mine", "elu"),
        ("proposals:propose", "elu"),
    ],
)
def test_pages_cost_the_same_queries_for_2_or_40_proposals(client, world, name, who):
    client.force_login(world[who])
    url = reverse(name, args=[world["territory"].slug])
    add(world, 2)
    small = queries(client, url)
    add(world, 38)
    assert queries(client, url) == small


def test_a_proposal_s_review_costs_the_same_queries_with_many_communes_and_events(client, world):
    client.force_login(world["editor"])
    few = make_proposal(world, "Peu", communes=[world["communes"]["Anduze"]])
    many = make_proposal(world, "Beaucoup", communes=list(world["communes"].values()))
    decline(many, world["editor"], "Non.")
    slug = world["territory"].slug
    decline(few, world["editor"], "Non.")
    small = queries(client, reverse("proposals_manage:review", args=[slug, few.pk]))
    assert queries(client, reverse("proposals_manage:review", args=[slug, many.pk])) == small


def test_the_review_of_a_waiting_proposal_costs_the_same_queries_for_a_ten_times_larger_plan(
    client,
):
    from faisse.plans.models import Plan, PlanNode
    from faisse.plans.testing import make_plan
    from faisse.proposals.tests.conftest import make_world

    counts = []
    for size in (1, 10):
        world = make_world(f"Taille {size}")
        Plan.objects.filter(pk=world["plan"].pk).delete()
        plan = make_plan(world["territory"], axes=2, orientations=size, actions=3)
        world["objective"] = PlanNode.objects.filter(plan=plan, kind="objective").first()
        proposal = make_proposal(world, "Créer une action 2")
        client.force_login(world["editor"])
        url = reverse("proposals_manage:review", args=[world["territory"].slug, proposal.pk])
        counts.append(queries(client, url))
    assert counts[0] == counts[1]
