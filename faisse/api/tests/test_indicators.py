"""GET /territories/{slug}/indicators and POST …/indicators/{id}/values: indicators by the
API, with the rules of the pages."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.indicators.models import IndicatorValue
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(plan):
    return list(PlanNode.objects.filter(plan=plan, kind=PlanNode.Kind.ACTION).order_by("pk"))


@pytest.fixture
def people(territory, actions):
    found = {role: make_member(territory, role) for role in Role.values}
    found["other"] = make_member(make_territory("Autre agglo"), Role.ADMIN)
    actions[0].pilots.add(found[Role.PILOT])
    return found


@pytest.fixture
def cycling(territory, plan, actions):
    """The worked example of docs/indicators.md, linked to the first action."""
    return make_indicator(
        territory,
        plan=plan,
        title="Linéaire de pistes cyclables",
        unit="km",
        baseline=(2019, 100),
        targets={2020: 120, 2025: 200},
        values={2021: 130, 2022: 140},
        nodes=[actions[0]],
        default_source="Service voirie",
    )


def token(user, territory=None, scope="read_write"):
    territory = territory or user.memberships.get().territory
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.create(user, territory, 'test', scope)[1]}"}


def post(client, indicator, headers, slug=None, **data):
    slug = slug or indicator.territory.slug
    url = f"/api/v1/territories/{slug}/indicators/{indicator.pk}/values"
    response = client.post(url, json.dumps(data), content_type="application/json", **headers)
    return response.status_code, response.json()


def list_url(territory):
    return f"/api/v1/territories/{territory.slug}/indicators"


def test_an_indicator_reads_with_its_targets_values_links_and_status(get_json, cycling, actions):
    status, body, _queries = get_json(list_url(cycling.territory))
    assert status == 200 and len(body) == 1
    row = body[0]
    assert row["id"] == cycling.pk and row["title"] == "Linéaire de pistes cyclables"
    assert (row["kind"], row["kind_label"], row["unit"], row["direction"]) == (
        "result",
        "Résultat",
        "km",
        "increase",
    )
    assert row["baseline"] == {"value": 100.0, "on": "2019-12-31"}
    assert row["targets"] == {"2020": 120.0, "2025": 200.0}
    assert row["values"] == [
        {"on": "2021-12-31", "value": 130.0, "source": "", "comment": ""},
        {"on": "2022-12-31", "value": 140.0, "source": "", "comment": ""},
    ]
    assert row["nodes"] == [actions[0].pk]
    # 2022 expects 120 + 80 × 2 / 5 = 152: 140 is 12 below, −7.9 %.
    assert row["status"] == {
        "year": 2022,
        "expected": 152.0,
        "latest": 140.0,
        "latest_on": "2022-12-31",
        "off_target": True,
        "gap": -12.0,
        "gap_percent": pytest.approx(-7.894736842105263),
    }
    assert row["version"] == 1


def test_an_indicator_without_target_or_value_has_no_verdict(get_json, territory):
    make_indicator(territory, title="Sans rien")
    _status, body, _queries = get_json(list_url(territory))
    status = body[0]["status"]
    assert status["year"] == date.today().year
    assert (status["expected"], status["latest"], status["off_target"]) == (None, None, None)
    assert body[0]["baseline"] is None and body[0]["targets"] == {} and body[0]["values"] == []


def test_the_public_sees_published_indicators_and_published_elements_only(
    client, territory, plan, actions, cycling, people
):
    make_indicator(territory, title="Brouillon", is_published=False)
    hidden = actions[3]  # under another objective than the first action
    hidden.parent.is_published = False  # the action is published, under a draft objective
    hidden.parent.save()
    cycling.links.create(node=hidden, territory=territory)
    public = client.get(list_url(territory)).json()
    assert [row["title"] for row in public] == ["Linéaire de pistes cyclables"]
    assert public[0]["nodes"] == [actions[0].pk]
    members = client.get(list_url(territory), **token(people[Role.ELECTED], scope="read")).json()
    assert [row["title"] for row in members] == ["Brouillon", "Linéaire de pistes cyclables"]
    assert members[1]["nodes"] == [actions[0].pk, hidden.pk]


def test_a_token_of_another_territory_is_refused_and_an_unknown_territory_is_404(
    client, territory, cycling, people
):
    response = client.get(list_url(territory), **token(people["other"]))
    assert response.status_code == 403
    assert client.get("/api/v1/territories/nulle-part/indicators").status_code == 404


def _indicators(count: int):
    territory = make_territory()
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=count)
    nodes = list(plan.nodes.filter(kind="action"))
    for n in range(count):
        make_indicator(
            territory,
            plan=plan,
            baseline=(2019, 10),
            targets={2025: 100 + n},
            values={2022: 50, 2023: 60 + n},
            nodes=nodes[n : n + 2],
        )
    return territory


def test_the_list_costs_the_same_queries_for_ten_times_more_indicators(get_json, client):
    small, large = _indicators(3), _indicators(30)
    counts = [get_json(list_url(territory))[2] for territory in (small, large)]
    assert counts[0] == counts[1]
    assert len(get_json(list_url(large))[1]) == 30
    editor = make_member(large, Role.EDITOR)
    headers = token(editor, large, "read")

    def member_queries(territory, headers):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(list_url(territory), **headers).status_code == 200
        return len(captured)

    small_headers = token(make_member(small, Role.EDITOR), small, "read")
    assert member_queries(small, small_headers) == member_queries(large, headers)


# Writing values.


def test_the_pilot_of_a_linked_action_enters_a_value(client, cycling, people):
    pilot = people[Role.PILOT]
    status, body = post(
        client, cycling, token(pilot), on="2023-12-31", value=150.5, comment="Relevé annuel"
    )
    assert status == 200, body
    assert body["values"][-1] == {
        "on": "2023-12-31",
        "value": 150.5,
        "source": "Service voirie",  # omitted: the indicator's usual source
        "comment": "Relevé annuel",
    }
    assert body["status"]["year"] == 2023
    value = IndicatorValue.objects.get(indicator=cycling, on=date(2023, 12, 31))
    assert (value.value, value.created_by) == (Decimal("150.5"), pilot)
    record = value.history.get()
    assert (record.history_user, record.history_change_reason) == (pilot, "Valeur saisie")


def test_the_indicators_own_pilot_and_editors_enter_values(client, territory, cycling, people):
    led = make_indicator(territory, title="Piloté", pilots=[people[Role.PILOT]])
    assert post(client, led, token(people[Role.PILOT]), on="2024-01-01", value=1)[0] == 200
    for role in (Role.EDITOR, Role.ADMIN):
        status, _body = post(
            client, cycling, token(people[role]), on=f"2024-01-{len(role):02d}", value=3
        )
        assert status == 200, role


def test_others_are_refused_and_nothing_is_written(
    client, territory, plan, actions, cycling, people
):
    other_indicator = make_indicator(territory, plan=plan, nodes=[actions[1]])
    refused = [
        (other_indicator, token(people[Role.PILOT]), 403),  # another action's indicator
        (cycling, token(people[Role.ELECTED]), 403),
        (cycling, token(people[Role.PARTNER]), 403),
        (cycling, token(people[Role.PILOT], scope="read"), 403),  # a read token never writes
        (cycling, token(people["other"]), 403),  # a token of another territory
        (cycling, {}, 401),
    ]
    for indicator, headers, expected in refused:
        status, body = post(client, indicator, headers, on="2023-12-31", value=1)
        assert status == expected, (headers, body)
        assert body["detail"]
    assert not IndicatorValue.objects.filter(on=date(2023, 12, 31)).exists()


def test_an_unknown_indicator_or_one_of_another_territory_is_404(client, cycling, people):
    elsewhere = make_territory("Ailleurs")
    foreign = make_indicator(elsewhere, title="Voisin")
    headers = token(people[Role.EDITOR])
    status, body = post(
        client, foreign, headers, slug=cycling.territory.slug, on="2023-01-01", value=1
    )
    assert status == 404 and "Indicateur inconnu" in body["detail"]
    url = f"/api/v1/territories/{cycling.territory.slug}/indicators/999999/values"
    response = client.post(
        url,
        json.dumps({"on": "2023-01-01", "value": 1}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404


def test_an_unpublished_indicator_is_hidden_from_those_who_do_not_read_drafts(
    client, territory, people
):
    draft = make_indicator(territory, is_published=False, pilots=[people[Role.PILOT]])
    assert post(client, draft, token(people[Role.PILOT]), on="2023-01-01", value=1)[0] == 200


def test_a_value_already_there_is_replaced_only_on_purpose(client, cycling, people):
    headers = token(people[Role.EDITOR])
    status, body = post(client, cycling, headers, on="2022-12-31", value=145)
    assert status == 409
    assert body["detail"] == (
        'Une valeur est déjà saisie au 31/12/2022 (140\u00a0km) : envoyez "replace": true pour la '
        "remplacer."
    )
    status, body = post(client, cycling, headers, on="2022-12-31", value=145, replace=True)
    assert status == 200 and body["status"]["latest"] == 145.0
    value = IndicatorValue.objects.get(indicator=cycling, on=date(2022, 12, 31))
    assert value.value == Decimal(145)
    assert value.history.latest().history_change_reason == "Valeur corrigée"


def test_state_refusals_are_409_with_the_reason(client, cycling, people):
    headers = token(people[Role.EDITOR])
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    cases = [
        ({"on": tomorrow, "value": 1}, "ne peut pas être datée du futur"),
        ({"on": "1850-01-01", "value": 1}, "avant 1900"),
        ({"on": "2023-01-01", "value": 1, "version": 7}, "version actuelle est 1"),
    ]
    for data, words in cases:
        status, body = post(client, cycling, headers, **data)
        assert status == 409 and words in body["detail"], (data, body)
    assert cycling.values.count() == 2
    assert post(client, cycling, headers, on="2023-01-01", value=1, version=1)[0] == 200


@pytest.mark.parametrize(
    "data, field",
    [
        ({"value": 1}, "on"),
        ({"on": "2023-01-01"}, "value"),
        ({"on": "2023-01-01", "value": "12"}, "value"),
        ({"on": "2023-01-01", "value": True}, "value"),
        ({"on": "2023-01-01", "value": None}, "value"),
        ({"on": "2023-01-01", "value": 1e16}, "value"),
        ({"on": "31/01/2023", "value": 1}, "on"),
        ({"on": "2023-01-01", "value": 1, "replace": "yes"}, "replace"),
        ({"on": "2023-01-01", "value": 1, "source": None}, "source"),
        ({"on": "2023-01-01", "value": 1, "source": "x" * 256}, "source"),
        ({"on": "2023-01-01", "value": 1, "comment": "nul\x00"}, "comment"),
        ({"on": "2023-01-01", "value": 1, "unit": "km"}, "unit"),
        ({"on": "2023-01-01", "value": 1, "version": True}, "version"),
    ],
)
def test_malformed_requests_are_422_in_french(client, cycling, people, data, field):
    status, body = post(client, cycling, token(people[Role.EDITOR]), **data)
    assert status == 422, body
    assert body["detail"].startswith("Requête invalide") and field in body["detail"]
    assert [error["field"] for error in body["errors"]] == [field]
    assert cycling.values.count() == 2


def test_a_half_character_is_422_naming_the_field(client, cycling, people):
    url = f"/api/v1/territories/{cycling.territory.slug}/indicators/{cycling.pk}/values"
    raw = '{"on": "2023-01-01", "value": 1, "comment": "a\\ud800"}'
    response = client.post(url, raw, content_type="application/json", **token(people[Role.EDITOR]))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "comment"


def test_json_numbers_are_read_as_written_and_rounded_to_four_decimals(client, cycling, people):
    headers = token(people[Role.EDITOR])
    for day, sent, kept in (
        ("2023-01-01", 0.1, Decimal("0.1")),
        ("2023-01-02", -3, Decimal(-3)),
        ("2023-01-03", 1.23456, Decimal("1.2346")),
        ("2023-01-04", 10**15, Decimal(10**15)),
    ):
        status, body = post(client, cycling, headers, on=day, value=sent)
        assert status == 200, body
        assert IndicatorValue.objects.get(indicator=cycling, on=day).value == kept
