"""GET /api/v1/territories/{slug}/meetings: the meetings the caller may see, filtered by
dates (Paris time) and kind, with French errors for what is wrong."""

import pytest

from faisse.accounts.models import ApiToken
from faisse.meetings.models import Meeting, Registration
from faisse.meetings.testing import make_meeting, paris
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db
A = Meeting.Audience


@pytest.fixture
def meetings(territory, people, plan):
    found = {
        "public": make_meeting(
            territory,
            title="Réunion publique",
            starts_at=paris(2018, 5, 29, 18, 30),
            registration_enabled=True,
            capacity=50,
        ),
        "elected": make_meeting(
            territory,
            title="Partage avec les élus",
            kind=Meeting.Kind.OTHER,
            audience=A.ELECTED,
            starts_at=paris(2018, 5, 23, 18),
        ),
        "council": make_meeting(
            territory,
            title="Conseil",
            kind=Meeting.Kind.COUNCIL,
            starts_at=paris(2018, 6, 28, 18),
            attendance=113,
            minutes="Adopté à l’unanimité.",
        ),
        "draft": make_meeting(territory, title="Brouillon", is_published=False),
    }
    Registration.objects.create(  # past meetings take no registration any more
        territory=territory, meeting=found["public"], user=people["elected"], status="registered"
    )
    axis = PlanNode.objects.filter(plan=plan, kind="axis").order_by("position").first()
    found["council"].nodes.set([axis])
    return found


def titles(body) -> list[str]:
    return [meeting["title"] for meeting in body]


def bearer(user, territory):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.create(user, territory, 'api', 'read')[1]}"}


def test_anonymous_callers_get_the_public_meetings_in_order(client, territory, meetings):
    response = client.get(f"/api/v1/territories/{territory.slug}/meetings")
    assert response.status_code == 200
    body = response.json()
    assert titles(body) == ["Réunion publique", "Conseil"]
    public = body[0]
    assert public["starts_at"] == "2018-05-29T18:30:00+02:00"
    assert public["registration"] == {
        "open": False,
        "capacity": 50,
        "registered": 1,
        "waiting": 0,
        "remaining": 49,
    }
    assert public["place"]["commune"]["insee"] == meetings["public"].commune.insee
    council = body[1]
    assert council["attendance"] == 113 and council["minutes"] is None  # not published
    assert [node["kind"] for node in council["nodes"]] == ["axis"]
    assert council["url"].endswith(f"/{territory.slug}/reunions/{meetings['council'].pk}/")


def test_a_token_shows_its_owner_s_meetings_and_editors_see_drafts(
    client, territory, people, meetings
):
    url = f"/api/v1/territories/{territory.slug}/meetings"
    body = client.get(url, **bearer(people["elected"], territory)).json()
    assert titles(body) == ["Partage avec les élus", "Réunion publique", "Conseil"]
    body = client.get(url, **bearer(people["partner"], territory)).json()
    assert titles(body) == ["Réunion publique", "Conseil"]
    body = client.get(url, **bearer(people["editor"], territory)).json()
    assert "Brouillon" in titles(body)
    assert next(m for m in body if m["title"] == "Brouillon")["is_published"] is False


def test_filters_by_dates_in_paris_time_and_kind(client, territory, meetings):
    url = f"/api/v1/territories/{territory.slug}/meetings"
    assert titles(client.get(url, {"from": "2018-06-28"}).json()) == ["Conseil"]
    assert titles(client.get(url, {"to": "2018-05-29"}).json()) == ["Réunion publique"]
    assert titles(client.get(url, {"kind": "council"}).json()) == ["Conseil"]
    assert client.get(url, {"from": "0001-01-01", "to": "9999-12-31"}).status_code == 200


@pytest.mark.parametrize(
    "query, field",
    [({"from": "28/06/2018"}, "from"), ({"to": "2018-02-30"}, "to"), ({"kind": "banquet"}, "kind")],
)
def test_a_bad_filter_is_named_in_french(client, territory, meetings, query, field):
    response = client.get(f"/api/v1/territories/{territory.slug}/meetings", query)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["field"] == f"paramètre {field}"
    assert body["detail"].startswith("Requête invalide")


def test_another_territory_s_token_and_an_unknown_territory(client, territory, people, meetings):
    other = people["other"]
    token = bearer(other, other.memberships.get().territory)
    response = client.get(f"/api/v1/territories/{territory.slug}/meetings", **token)
    assert response.status_code == 403
    response = client.get("/api/v1/territories/nulle-part/meetings")
    assert response.status_code == 404
    assert response.json()["detail"] == "Territoire inconnu : « nulle-part »."
