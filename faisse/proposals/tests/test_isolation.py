"""An administrator of territory A can neither read B's proposals nor decide anything in
B: not with B's addresses, not with A's addresses carrying B's ids."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.proposals.models import Proposal, ProposalCall, ProposalEvent
from faisse.proposals.tests.conftest import make_proposal, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    a, b = make_world("Territoire A"), make_world("Territoire B")
    secret = make_proposal(b, "Proposition confidentielle de B", description="Texte de B")
    mine = make_proposal(a, "Proposition de A")
    return {"a": a, "b": b, "secret": secret, "mine": mine, "attacker": a["people"][Role.ADMIN]}


def state_of_b(b) -> tuple:
    territory = b["territory"]
    return (
        list(Proposal.objects.filter(territory=territory).order_by("pk").values()),
        list(ProposalEvent.objects.filter(proposal__territory=territory).values()),
        list(ProposalCall.objects.filter(territory=territory).values()),
        list(PlanNode.objects.filter(territory=territory).order_by("pk").values()),
        list(CommuneLink.objects.filter(territory=territory).values()),
    )


def decisions(b) -> list[tuple[str, list, dict]]:
    action = PlanNode.objects.filter(plan=b["plan"], kind="action").first()
    return [
        ("accept", {"parent": b["objective"].pk, "title": "Piratée", "confirm": "1"}),
        ("merge", {"action": action.pk, "confirm": "1"}),
        ("decline", {"reason": "Piratée", "confirm": "1"}),
    ]


def test_b_s_pages_and_forms_are_closed_to_a_s_admin(client, two):
    b, before = two["b"], state_of_b(two["b"])
    slug = b["territory"].slug
    client.force_login(two["attacker"])
    for name in ("proposals:propose", "proposals:mine", "proposals_manage:list"):
        assert client.get(reverse(name, args=[slug])).status_code == 403, name
    review = reverse("proposals_manage:review", args=[slug, two["secret"].pk])
    assert client.get(review).status_code == 403
    for name, data in decisions(b):
        url = reverse(f"proposals_manage:{name}", args=[slug, two["secret"].pk])
        assert client.post(url, data).status_code == 403, name
    call = reverse("proposals_manage:call", args=[slug, b["step"].pk])
    assert client.post(call, {"open": "0"}).status_code == 403
    sent = {"step": b["step"].pk, "title": "Intruse", "description": "x", "send": "1"}
    assert client.post(reverse("proposals:propose", args=[slug]), sent).status_code == 403
    assert state_of_b(b) == before


def test_b_s_ids_under_a_s_addresses_are_not_found(client, two):
    a, b, before = two["a"], two["b"], state_of_b(two["b"])
    slug = a["territory"].slug
    client.force_login(two["attacker"])
    review = reverse("proposals_manage:review", args=[slug, two["secret"].pk])
    assert client.get(review).status_code == 404
    for name, data in decisions(b):
        url = reverse(f"proposals_manage:{name}", args=[slug, two["secret"].pk])
        assert client.post(url, data).status_code == 404, name
    call = reverse("proposals_manage:call", args=[slug, b["step"].pk])
    assert client.post(call, {"open": "0"}).status_code == 404
    # A's own proposal, decided with B's objective or action: refused, nothing written.
    for name, data in decisions(b):
        if name == "decline":
            continue
        url = reverse(f"proposals_manage:{name}", args=[slug, two["mine"].pk])
        response = client.post(url, data)
        assert "Sélectionnez un choix valide" in response.content.decode(), name
    two["mine"].refresh_from_db()
    assert two["mine"].state == Proposal.State.SUBMITTED
    assert state_of_b(b) == before


def test_b_s_proposals_never_show_on_a_s_pages(client, two):
    a = two["a"]
    client.force_login(two["attacker"])
    slug = a["territory"].slug
    pages = [
        reverse("proposals_manage:list", args=[slug]),
        reverse("proposals:mine", args=[slug]),
        reverse("proposals_manage:list", args=[slug]) + "?state=submitted",
        reverse("proposals_manage:review", args=[slug, two["mine"].pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Proposition confidentielle de B" not in html, url
        assert "Texte de B" not in html, url
