"""Editors review proposals: accept as a draft action (description, provenance, commune
links), merge into an existing action (internal notes, no node), decline with a reason;
each asked first, recorded, all or nothing, once."""

import pytest
from django.urls import reverse

from faisse.locations.models import CommuneLink
from faisse.plans.merging import merge
from faisse.plans.models import PlanNode
from faisse.plans.tree import PlanTree
from faisse.proposals.models import Proposal, ProposalEvent
from faisse.proposals.review import (
    ReviewError,
    accept,
    decline,
    merge_candidates,
    merge_into,
    to_examine,
)
from faisse.proposals.tests.conftest import make_proposal

pytestmark = pytest.mark.django_db


def decision_url(world, proposal, name):
    return reverse(f"proposals_manage:{name}", args=[world["territory"].slug, proposal.pk])


def test_accepting_asks_first_then_makes_a_draft_action_with_its_communes(client, world):
    lezan, anduze = world["communes"]["Lézan"], world["communes"]["Anduze"]
    proposal = make_proposal(
        world,
        "Aménager une halte fluviale à Lézan",
        communes=[lezan, anduze],
        description="Un ponton et des bancs.",
        estimated_cost=80_000,
        partners="Syndicat des Gardons",
    )
    parent = world["objective"]
    client.force_login(world["editor"])
    data = {"parent": parent.pk, "title": "Aménager une halte fluviale"}
    asked = client.post(decision_url(world, proposal, "accept"), data)
    assert "Retenir cette proposition ?" in asked.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED  # nothing before confirming
    before = PlanNode.objects.count()
    done = client.post(decision_url(world, proposal, "accept"), {**data, "confirm": "1"})
    assert done.status_code == 302
    assert PlanNode.objects.count() == before + 1
    proposal.refresh_from_db()
    action = proposal.action
    assert proposal.state == Proposal.State.ACCEPTED
    assert (proposal.decided_by, action.parent, action.kind) == (world["editor"], parent, "action")
    assert action.title == "Aménager une halte fluviale" and action.is_published is False
    assert action.description == "Un ponton et des bancs."
    assert f"Proposition n° {proposal.pk} de la commune d’Anduze" in action.internal_notes
    assert "Coût estimé : 80" in action.internal_notes
    links = CommuneLink.objects.filter(node=action).order_by("commune__name")
    assert [(link.commune, link.origin) for link in links] == [
        (anduze, CommuneLink.Origin.CONFIRMED),
        (lezan, CommuneLink.Origin.CONFIRMED),
    ]
    assert links[0].evidence == "proposition de la commune d’Anduze"
    states = list(proposal.events.values_list("state", "by"))
    assert states == [("submitted", world["elu"].pk), ("accepted", world["editor"].pk)]
    assert action.history.first().history_user == world["editor"]


def test_a_proposal_is_decided_once(world):
    proposal = make_proposal(world)
    assert to_examine(world["territory"]) == 1
    decline(proposal, world["editor"], "Déjà prévu.")
    assert to_examine(world["territory"]) == 0
    for decide in (
        lambda: accept(proposal, world["editor"], world["objective"]),
        lambda: decline(proposal, world["editor"], "Encore"),
    ):
        with pytest.raises(ReviewError, match="déjà été examinée"):
            decide()
    assert ProposalEvent.objects.filter(proposal=proposal).count() == 2


def test_accepting_under_an_action_or_another_territory_s_node_is_refused(world):
    from faisse.proposals.tests.conftest import make_world

    proposal = make_proposal(world)
    action = PlanNode.objects.filter(plan=world["plan"], kind="action").first()
    other = make_world("Ailleurs")["objective"]
    nodes = PlanNode.objects.count()
    for parent in (action, other):
        with pytest.raises(ReviewError, match="objectif ou un sous-ensemble"):
            accept(proposal, world["editor"], parent)
    assert PlanNode.objects.count() == nodes
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED


def test_an_action_refused_by_the_plan_leaves_nothing_written(world, settings):
    """The description is too long for the plan: no node, no link, the proposal waits."""
    settings.MAX_TEXT_LENGTH = 10
    proposal = make_proposal(world, description="Une description bien trop longue.")
    nodes, links = PlanNode.objects.count(), CommuneLink.objects.count()
    with pytest.raises(ReviewError, match="Description : Trop long : 33 caractères"):
        accept(proposal, world["editor"], world["objective"])
    assert (PlanNode.objects.count(), CommuneLink.objects.count()) == (nodes, links)
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED


def test_merging_adds_the_proposal_to_the_action_s_internal_notes_and_creates_no_node(
    client, world
):
    proposal = make_proposal(world, "Halte fluviale", description="Un ponton.")
    action = PlanNode.objects.filter(plan=world["plan"], kind="action").first()
    action.internal_notes = "Note existante."
    action.save()
    nodes = PlanNode.objects.count()
    client.force_login(world["editor"])
    asked = client.post(decision_url(world, proposal, "merge"), {"action": action.pk})
    assert "Intégrer cette proposition à une action existante ?" in asked.content.decode()
    client.post(decision_url(world, proposal, "merge"), {"action": action.pk, "confirm": "1"})
    action.refresh_from_db()
    proposal.refresh_from_db()
    assert PlanNode.objects.count() == nodes
    assert (proposal.state, proposal.action) == (Proposal.State.MERGED, action)
    assert action.internal_notes.startswith("Note existante.\n\nProposition intégrée : « Halte")
    assert "Un ponton." in action.internal_notes and "Un ponton." not in action.description


def test_declining_needs_a_reason_that_the_author_then_reads(client, world):
    proposal = make_proposal(world)
    client.force_login(world["editor"])
    refused = client.post(
        decision_url(world, proposal, "decline"), {"reason": "  ", "confirm": "1"}
    )
    assert "Donnez le motif" in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED
    reason = "Compétence de la commune."
    client.post(decision_url(world, proposal, "decline"), {"reason": reason, "confirm": "1"})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reason) == (Proposal.State.DECLINED, reason)
    assert proposal.events.last().note == reason
    with pytest.raises(ReviewError, match="Donnez le motif"):
        decline(make_proposal(world, "Autre"), world["editor"], "\n")


def test_the_similarity_ranking_suggests_the_actions_closest_to_the_proposal(world):
    actions = list(PlanNode.objects.filter(plan=world["plan"], kind="action").order_by("pk"))
    actions[4].title = "Développer les voies vertes et pistes cyclables du territoire"
    actions[4].save()
    actions[7].title = "Créer des pistes cyclables"
    actions[7].save()
    actions[9].title = "Rénover le théâtre d’Anduze"  # shares the commune's name only
    actions[9].save()
    proposal = make_proposal(
        world,
        "Créer une voie verte et une piste cyclable vers Anduze",
        communes=[world["communes"]["Anduze"]],
    )
    found = merge_candidates(proposal, PlanTree.load(world["plan"], drafts=True))
    assert [node for node, _score in found[:2]] == [actions[4], actions[7]]
    assert actions[9] not in [node for node, _score in found]
    assert all(0.1 <= score <= 1 for _node, score in found)


def test_a_proposal_follows_its_action_when_two_actions_merge(world):
    first, second = PlanNode.objects.filter(plan=world["plan"], kind="action").order_by("pk")[:2]
    proposal = make_proposal(world)
    merge_into(proposal, world["editor"], second)
    merge(first, second, editor=world["editor"])
    proposal.refresh_from_db()
    assert proposal.action == first


def test_editors_open_and_close_a_step_to_proposals(client, world):
    first = world["process"].steps.get(number=1)
    client.force_login(world["editor"])
    url = reverse("proposals_manage:call", args=[world["territory"].slug, first.pk])
    client.post(url, {"open": "1"})
    assert first.proposal_call.is_open is True
    client.post(url, {"open": "0"})
    first.proposal_call.refresh_from_db()
    assert first.proposal_call.is_open is False


def test_the_list_filters_by_state_step_and_commune_and_explains_a_bad_filter(client, world):
    c = world["communes"]
    first = world["process"].steps.get(number=1)
    make_proposal(world, "Halte à Lézan", communes=[c["Lézan"]])
    make_proposal(world, "Marché d’Anduze", communes=[c["Anduze"]], step=first)
    decline(make_proposal(world, "Refusée à Lézan", communes=[c["Lézan"]]), world["editor"], "Non")
    client.force_login(world["editor"])
    url = reverse("proposals_manage:list", args=[world["territory"].slug])

    def titles(**query):
        response = client.get(url, query)
        return sorted(p.title for p in response.context["page"].object_list)

    assert titles(commune=c["Lézan"].pk) == ["Halte à Lézan", "Refusée à Lézan"]
    assert titles(commune=c["Lézan"].pk, state="submitted") == ["Halte à Lézan"]
    assert titles(step=first.pk) == ["Marché d’Anduze"]
    response = client.get(url, {"step": "abc", "state": "perdue"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert len(response.context["page"].object_list) == 3
