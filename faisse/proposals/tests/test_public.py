"""What the public learns of proposals: counts per step and commune, and where an action
comes from; and what a person's data says of their proposals."""

import json

import pytest
from django.template import Context, Template
from django.urls import reverse

from faisse.accounts.privacy import erase_account, personal_data
from faisse.plans.models import PlanNode
from faisse.proposals.models import Proposal
from faisse.proposals.public import proposal_counts, proposal_origins
from faisse.proposals.review import accept, decline, merge_into
from faisse.proposals.tests.conftest import make_proposal, make_world

pytestmark = pytest.mark.django_db


def test_counts_per_step_and_per_commune_concerned_match_a_hand_count(world):
    c = world["communes"]
    first = world["process"].steps.get(number=1)
    make_proposal(world, "A", communes=[c["Anduze"], c["Lézan"]])
    make_proposal(world, "B", communes=[c["Lézan"]])
    make_proposal(world, "C", step=first)  # whole territory: no commune
    declined = make_proposal(world, "D", communes=[c["Vézénobres"]])
    decline(declined, world["editor"], "Non.")  # every state counts
    make_proposal(make_world("Ailleurs"), "Ailleurs")  # another process: not counted
    by_step, by_commune = proposal_counts(world["process"])
    assert by_step == {first: 1, world["step"]: 3}
    assert list(by_step) == [first, world["step"]]  # the process's order
    assert by_commune == {c["Anduze"]: 1, c["Lézan"]: 2, c["Vézénobres"]: 1}
    assert [commune.name for commune in by_commune] == ["Anduze", "Lézan", "Vézénobres"]


def test_counts_cost_four_queries_whatever_their_size(world, django_assert_num_queries):
    make_proposal(world, "Seule", communes=[world["communes"]["Anduze"]])
    with django_assert_num_queries(4):
        proposal_counts(world["process"])
    for n in range(29):
        make_proposal(world, f"P{n}", communes=list(world["communes"].values())[: n % 4])
    with django_assert_num_queries(4):
        assert sum(proposal_counts(world["process"]).by_step.values()) == 30


def test_an_action_says_which_commune_s_proposal_it_comes_from(world):
    accepted = make_proposal(world, "Halte fluviale")
    action = accept(accepted, world["editor"], world["objective"])
    existing = PlanNode.objects.filter(plan=world["plan"], kind="action").first()
    merge_into(make_proposal(world, "Bancs"), world["editor"], existing)
    assert proposal_origins(action) == [
        "Issue d’une proposition de la commune d’Anduze (étape 2 « Atelier 2 »)"
    ]
    assert proposal_origins(existing) == [
        "Enrichie par une proposition de la commune d’Anduze (étape 2 « Atelier 2 »)"
    ]
    declined = make_proposal(world, "Refusée")
    decline(declined, world["editor"], "Non.")
    assert proposal_origins(world["objective"]) == []
    html = Template("{% load proposal_origins %}{% proposal_origins node %}").render(
        Context({"node": action})
    )
    assert "Issue d’une proposition de la commune d’Anduze" in html
    assert world["elu"].email not in html and str(world["elu"]) not in html


def test_my_data_gives_my_proposals_and_erasure_keeps_them_without_me(client, world):
    proposal = make_proposal(world, "Halte fluviale", communes=[world["communes"]["Lézan"]])
    make_proposal(world, "D’un autre", author=world["editor"])
    data = personal_data(world["elu"])
    assert [p["title"] for p in data["proposals"]] == ["Halte fluviale"]
    assert data["proposals"][0]["communes"] == ["Lézan"]
    assert data["proposals"][0]["commune_represented"] == "Anduze"
    json.dumps(data)  # JSON-ready
    client.force_login(world["elu"])
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "1 proposition d’action" in page
    erase_account(world["elu"])
    proposal.refresh_from_db()
    assert proposal.author is None and proposal.author_label == "Compte supprimé"
    assert proposal.author_commune == world["communes"]["Anduze"]
    assert proposal.events.get(state=Proposal.State.SUBMITTED).by is None
    client.force_login(world["editor"])
    review = reverse("proposals_manage:review", args=[world["territory"].slug, proposal.pk])
    assert "Compte supprimé" in client.get(review).content.decode()
