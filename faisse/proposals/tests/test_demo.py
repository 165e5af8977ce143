"""The Alès demo's proposals: each state, draft actions under real objectives, one merged
into a real action, authors of several communes; running it twice changes nothing."""

from collections import Counter

import pytest

from faisse.locations.models import CommuneLink
from faisse.participation.loading import ALES_2018_PROCESS, load_process_steps
from faisse.participation.models import Process
from faisse.plans.models import PlanNode
from faisse.proposals.demo import load_demo_proposals
from faisse.proposals.models import Proposal, ProposalEvent
from faisse.proposals.submission import open_steps

pytestmark = pytest.mark.django_db


def test_the_demo_proposals_fill_every_state_in_the_real_plan_once(ales_plan):
    territory = ales_plan.territory
    load_process_steps(ALES_2018_PROCESS, territory, ales_plan)
    process = Process.objects.get(territory=territory)
    nodes = PlanNode.objects.count()
    assert load_demo_proposals(process) == 8
    proposals = Proposal.objects.filter(territory=territory).select_related("action__parent")
    assert Counter(p.state for p in proposals) == {
        "submitted": 3,
        "accepted": 2,
        "merged": 1,
        "declined": 2,
    }
    accepted = [p for p in proposals if p.state == "accepted"]
    parents = sorted(p.action.parent.title for p in accepted)
    assert parents[0].startswith("Construire un « projet agricole alimentaire territorial »")
    assert parents[1] == "Développer l’offre de soins et services de santé"
    assert all(not p.action.is_published and p.action.kind == "action" for p in accepted)
    assert CommuneLink.objects.filter(node__in=[p.action for p in accepted]).count() == 3
    merged = next(p for p in proposals if p.state == "merged")
    assert merged.action.title.startswith("Développer les déplacements doux")
    assert merged.action.source_line  # a real action of the source document
    assert PlanNode.objects.count() == nodes + 2
    assert len({p.author_commune.name for p in proposals}) == 4
    assert all(p.author.email.endswith("@demo.faisse.invalid") for p in proposals)
    assert all(p.reason for p in proposals if p.state == "declined")
    assert [step.number for step in open_steps(territory)] == [5]
    before = (PlanNode.objects.count(), ProposalEvent.objects.count(), Proposal.objects.count())
    assert load_demo_proposals(process) == 0
    after = (PlanNode.objects.count(), ProposalEvent.objects.count(), Proposal.objects.count())
    assert after == before
