"""An administrator of territory A can neither read B's meetings that are not public nor
change anything of B's meetings: not with B's addresses, not with A's addresses carrying
B's ids, not through the API nor the calendar feeds."""

import pytest
from django.urls import reverse

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.meetings.models import Meeting, Registration
from faisse.meetings.registering import register
from faisse.meetings.testing import make_meeting
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db
SECRET = "Atelier confidentiel de B"


@pytest.fixture
def two():
    a, b = make_territory("Territoire A"), make_territory("Territoire B")
    make_plan(a)
    plan_b = make_plan(b)
    for_elected = make_meeting(
        b,
        title=SECRET,
        audience=Meeting.Audience.ELECTED,
        registration_enabled=True,
        minutes="Compte rendu interne de B",
    )
    draft = make_meeting(b, title="Brouillon de B", is_published=False)
    public = make_meeting(b, title="Réunion publique de B", registration_enabled=True)
    register(public, user=make_member(b, Role.PARTNER))
    attacker = make_member(a, Role.ADMIN)
    return {
        "a": a,
        "b": b,
        "for_elected": for_elected,
        "draft": draft,
        "public": public,
        "node_b": PlanNode.objects.filter(plan=plan_b).first(),
        "attacker": attacker,
        "token": ApiToken.create(attacker, a, "a", "read_write")[1],
    }


def state_of_b(b) -> tuple:
    return (
        list(Meeting.objects.filter(territory=b).order_by("pk").values()),
        list(Registration.objects.filter(territory=b).order_by("pk").values()),
        list(Meeting.nodes.through.objects.filter(meeting__territory=b).values()),
    )


def forms_against_b(two, slug: str) -> list[tuple[str, list, dict]]:
    meeting = two["for_elected"]
    args = [slug, meeting.pk]
    return [
        ("meetings_manage:edit", args, {"title": "Piraté", "kind": "other"}),
        ("meetings_manage:delete", args, {"confirm": "1"}),
        ("meetings_manage:attendance", args, {"attendance": "1"}),
        ("meetings_manage:minutes", args, {"minutes": "Piraté", "publish": "on"}),
        ("meetings_manage:nodes", args, {"nodes": [two["node_b"].pk]}),
        ("meetings:register", args, {}),
        ("meetings:cancel", [slug, two["public"].pk], {}),
    ]


def test_b_s_addresses_refuse_a_s_administrator(client, two):
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    for name, args, data in forms_against_b(two, two["b"].slug):
        status = client.post(reverse(name, args=args), data).status_code
        assert status in (302, 403, 404), name
        if status == 302:  # cancelling a registration one does not have
            assert name == "meetings:cancel"
    create = reverse("meetings_manage:create", args=[two["b"].slug])
    assert client.post(create, {"title": "Intruse"}).status_code == 403
    assert state_of_b(two["b"]) == before


def test_b_s_ids_under_a_s_addresses_are_not_found(client, two):
    before = state_of_b(two["b"])
    client.force_login(two["attacker"])
    a = two["a"].slug
    for name, args, data in forms_against_b(two, a):
        assert client.post(reverse(name, args=args), data).status_code == 404, name
    for meeting in (two["for_elected"], two["draft"], two["public"]):
        for name in ("meetings:detail", "meetings:ics", "meetings_manage:registrations"):
            url = reverse(name, args=[a, meeting.pk])
            assert client.get(url).status_code == 404, (name, meeting.title)
    assert state_of_b(two["b"]) == before


def test_b_s_private_meetings_stay_unseen(client, two):
    client.force_login(two["attacker"])
    b = two["b"].slug
    for url in (
        reverse("meetings:list", args=[b]),
        reverse("meetings:feed", args=[b]),
        reverse("meetings:detail", args=[b, two["public"].pk]),
    ):
        page = client.get(url).content.decode()
        assert SECRET not in page and "Brouillon de B" not in page, url
    for meeting in (two["for_elected"], two["draft"]):
        for name in ("meetings:detail", "meetings:ics"):
            assert client.get(reverse(name, args=[b, meeting.pk])).status_code == 404
    public_page = client.get(reverse("meetings:detail", args=[b, two["public"].pk]))
    assert "partner" not in public_page.content.decode()  # who is registered stays unsaid


def test_the_api_keeps_b_closed_to_a_s_token(client, two):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {two['token']}"}
    assert client.get(f"/api/v1/territories/{two['b'].slug}/meetings", **auth).status_code == 403
    anonymous = client.get(f"/api/v1/territories/{two['b'].slug}/meetings").content.decode()
    assert SECRET not in anonymous and "Brouillon de B" not in anonymous
    mine = client.get(f"/api/v1/territories/{two['a'].slug}/meetings", **auth).json()
    assert mine == []
