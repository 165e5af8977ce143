"""Exporting reads the plan in a constant number of queries, whatever its size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faisse.locations.models import CommuneLink
from faisse.plans.exporting import FORMATS, export_plan
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.located import give_boundaries
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

# challenges, nodes, shared placements; commune links (not in JSON); communes' outlines
# for the PDF's map.
EXPECTED = {"docx": 4, "odt": 4, "pdf": 5, "md": 4, "json": 3}


def located_plan(size: int):
    territory = make_territory(communes=6)
    plan = make_plan(territory, axes=size, orientations=size, objectives=2, actions=size)
    communes = give_boundaries(territory)
    actions = PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk")
    CommuneLink.objects.bulk_create(
        CommuneLink(
            territory=territory,
            plan=plan,
            node=action,
            commune=communes[i % len(communes)],
            origin=CommuneLink.Origin.DETECTED,
        )
        for i, action in enumerate(actions[::3])
    )
    return plan


@pytest.mark.parametrize("key", list(FORMATS))
def test_queries_do_not_grow_with_the_plan(key):
    counts = []
    for size in (1, 5):
        plan = located_plan(size)
        with CaptureQueriesContext(connection) as captured:
            export_plan(plan, key)
        counts.append(len(captured))
    assert counts == [EXPECTED[key]] * 2
