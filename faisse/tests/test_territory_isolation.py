"""An administrator of territory A can neither read B's drafts nor change anything in B:
not with B's addresses, not with A's addresses carrying B's ids, not through the API."""

import json

import pytest
from django.urls import reverse

from faisse.accounts.models import ApiToken, Invitation, Membership, Role
from faisse.accounts.testing import make_member
from faisse.locations.models import CommuneLink
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    a, b = make_territory("Territoire A"), make_territory("Territoire B")
    make_plan(a)
    plan = make_plan(b)
    actions = list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))
    draft = actions[-1]
    draft.is_published = False
    draft.title = "Projet confidentiel de B"
    draft.internal_notes = "Note interne de B"
    draft.save()
    partner = make_member(b, Role.PARTNER)
    invitation, _secret = Invitation.create(b, "invitee@example.org", Role.PARTNER)
    link = CommuneLink.objects.create(
        territory=b, plan=plan, node=actions[0], commune=b.communes.first(), origin="detected"
    )
    attacker = make_member(a, Role.ADMIN)
    return {
        "a": a,
        "b": b,
        "actions": actions,
        "draft": draft,
        "membership": Membership.objects.get(user=partner, territory=b),
        "invitation": invitation,
        "link": link,
        "attacker": attacker,
        "token": ApiToken.create(attacker, a, "a", "read_write")[1],
    }


def state_of_b(b) -> tuple:
    """Everything the attacker might try to change in B."""
    return (
        list(PlanNode.objects.filter(territory=b).order_by("pk").values()),
        list(PlanNode.pilots.through.objects.filter(plannode__territory=b).values()),
        list(CommuneLink.objects.filter(territory=b).order_by("pk").values()),
        list(Membership.objects.filter(territory=b).order_by("pk").values()),
        list(Invitation.objects.filter(territory=b).order_by("pk").values()),
        PlanNode.history.filter(territory_id=b.pk).count(),
    )


def forms_against_b(world, slug: str) -> list[tuple[str, list, dict]]:
    """Every form of the management pages, aimed at B's objects, under `slug`."""
    action, second = world["actions"][0], world["actions"][1]
    node_args = [slug, action.pk]
    return [
        ("plans:node_edit", node_args, {"title": "Piraté", "version": action.version}),
        ("plans:node_add", node_args, {"kind": "action", "title": "Intruse"}),
        ("plans:node_move", node_args, {"direction": "down"}),
        ("plans:node_pilots", node_args, {"pilots": [world["attacker"].pk]}),
        ("history:restore", node_args, {"history_id": 1, "version": action.version}),
        ("locations:add", node_args, {"commune": world["b"].communes.last().pk}),
        ("locations:change", [slug, world["link"].pk], {"action": "reject"}),
        ("plans:merge_similar", [slug], {"first": action.pk, "second": second.pk, "confirm": 1}),
        ("plans:dismiss_similar", [slug], {"first": action.pk, "second": second.pk}),
        ("members:edit", [slug, world["membership"].pk], {"role": "admin"}),
        ("members:remove", [slug, world["membership"].pk], {"confirm": "1"}),
        ("members:invitation_resend", [slug, world["invitation"].pk], {}),
        ("members:invitation_cancel", [slug, world["invitation"].pk], {}),
    ]


def test_forms_on_b_s_addresses_are_refused(client, two):
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    for name, args, data in forms_against_b(two, two["b"].slug):
        status = client.post(reverse(name, args=args), data).status_code
        assert status in (403, 404), name
    for name in ("plans:root_add", "members:invite"):
        data = {"kind": "axis", "title": "Intrus", "email": "x@example.org", "role": "admin"}
        assert client.post(reverse(name, args=[two["b"].slug]), data).status_code == 403
    assert state_of_b(two["b"]) == before


def test_b_s_ids_under_a_s_addresses_are_not_found(client, two):
    """The attacker has every right in A: an id of B under A's address must answer 404."""
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    for name, args, data in forms_against_b(two, two["a"].slug):
        if name in ("plans:merge_similar", "plans:dismiss_similar"):
            response = client.post(reverse(name, args=args), data, follow=True)
            assert "n’existent plus dans ce territoire" in response.content.decode(), name
        else:
            assert client.post(reverse(name, args=args), data).status_code == 404, name
    for name in ("plans:node_edit", "history:node", "locations:node"):
        url = reverse(name, args=[two["a"].slug, two["draft"].pk])
        assert client.get(url).status_code == 404, name
    assert state_of_b(two["b"]) == before


def test_b_s_drafts_stay_unseen_on_every_page(client, two):
    client.force_login(two["attacker"])
    b = two["b"].slug
    pages = [
        reverse("portal:plan", args=[b]),
        reverse("portal:territory", args=[b]),
        reverse("portal:communes", args=[b]),
        reverse("portal:commune", args=[b, two["b"].communes.first().insee]),
        reverse("portal:map", args=[b]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Projet confidentiel de B" not in html, url
        assert "Note interne de B" not in html, url
    assert client.get(two["draft"].get_absolute_url()).status_code == 404


def test_the_api_keeps_b_closed_to_a_s_token(client, two):
    before = state_of_b(two["b"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {two['token']}"}
    draft, action = two["draft"], two["actions"][0]
    b, a = two["b"].slug, two["a"].slug
    assert client.get(f"/api/v1/territories/{b}/nodes/{draft.pk}", **auth).status_code == 403
    assert client.get(f"/api/v1/territories/{a}/nodes/{draft.pk}", **auth).status_code == 404
    body = json.dumps({"version": action.version, "title": "Piraté"})
    for slug, expected in ((b, 403), (a, 404)):
        response = client.patch(
            f"/api/v1/territories/{slug}/nodes/{action.pk}",
            body,
            content_type="application/json",
            **auth,
        )
        assert response.status_code == expected
    anonymous_plan = client.get(f"/api/v1/territories/{b}/plan").content.decode()
    assert "Projet confidentiel de B" not in anonymous_plan
    assert state_of_b(two["b"]) == before
