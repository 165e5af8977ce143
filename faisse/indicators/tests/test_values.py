"""Measured values: who may enter them (editors, the indicator's pilots, the pilots of a
linked action, nobody else), one value per date replaced only on purpose, deletion asked
first, history with the person who did it; the reactions to roles, erasure and merges."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from faisse.accounts.abilities import object_abilities
from faisse.accounts.models import Membership, Role
from faisse.accounts.privacy import SOURCES
from faisse.accounts.roles import change_role
from faisse.indicators.models import IndicatorValue
from faisse.indicators.testing import make_indicator
from faisse.plans.merging import merge

pytestmark = pytest.mark.django_db


def add(client, slug: str, indicator, **data):
    values = {"on": "2023-12-31", "value": "1 150,25", "source": "Enquête", "comment": ""} | data
    return client.post(reverse("indicators:value_add", args=[slug, indicator.pk]), values)


def test_the_pilot_of_a_linked_action_enters_a_value(client, territory, cycling, people):
    pilot = people["pilot"]
    client.force_login(pilot)
    page = client.get(reverse("indicators:values", args=[territory.slug, cycling.pk]))
    assert page.status_code == 200
    assert page.context["form"].initial["source"] == cycling.default_source
    response = add(client, territory.slug, cycling)
    assert response.status_code == 302
    value = cycling.values.get(on=date(2023, 12, 31))
    assert value.value == Decimal("1150.25") and value.source == "Enquête"
    assert value.created_by == pilot
    record = value.history.get()
    assert record.history_user == pilot and record.history_change_reason == "Valeur saisie"


def test_abilities_on_an_indicator(territory, plan, actions, cycling, people):
    led = make_indicator(territory, plan=plan, pilots=[people["pilot"]])
    other = make_indicator(territory, plan=plan, nodes=[actions[1]])
    pilot = people["pilot"]
    assert object_abilities(pilot, cycling)["follow_up"] is True  # a linked action's pilot
    assert object_abilities(pilot, led)["follow_up"] is True  # the indicator's pilot
    assert object_abilities(pilot, other)["follow_up"] is False
    assert object_abilities(pilot, other)["edit_plan"] is False
    for role in ("editor", "admin"):
        assert object_abilities(people[role], other)["edit_plan"] is True
        assert object_abilities(people[role], other)["follow_up"] is True
    for role in ("elected", "partner", "other"):
        assert object_abilities(people[role], cycling)["follow_up"] is False


def test_another_pilot_cannot_enter_a_value(client, territory, plan, actions, people):
    other = make_indicator(territory, plan=plan, nodes=[actions[1]])
    client.force_login(people["pilot"])
    assert add(client, territory.slug, other).status_code == 403
    assert not other.values.exists()


def test_a_second_value_at_the_same_date_replaces_only_on_purpose(
    client, territory, cycling, people
):
    client.force_login(people["editor"])
    response = add(client, territory.slug, cycling, on="2022-12-31", value="150")
    assert response.status_code == 400
    assert "Une valeur est déjà saisie au 31/12/2022 (140\u00a0km)" in response.content.decode()
    assert cycling.values.get(on=date(2022, 12, 31)).value == 140
    response = add(client, territory.slug, cycling, on="2022-12-31", value="150", replace="on")
    assert response.status_code == 302
    value = cycling.values.get(on=date(2022, 12, 31))
    assert value.value == 150 and value.source == "Enquête"
    assert value.history.first().history_change_reason == "Valeur corrigée"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"on": (date.today() + timedelta(days=1)).isoformat()}, "datée du futur"),
        ({"on": "31/02/2024"}, "Saisissez une date valide."),
        ({"on": "1850-01-01"}, "pas plausible"),
        ({"value": "1,23456"}, "4 chiffres au plus"),
        ({"value": ""}, "Ce champ est obligatoire."),
        ({"value": "9" * 17}, "n’est pas un nombre"),
        ({"comment": "oups\x00"}, "caractère nul"),
    ],
)
def test_bad_values_are_refused_in_french(client, territory, cycling, people, data, message):
    client.force_login(people["pilot"])
    before = list(IndicatorValue.objects.values())
    response = add(client, territory.slug, cycling, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(IndicatorValue.objects.values()) == before


def test_negative_and_french_numbers_are_read(client, territory, cycling, people):
    client.force_login(people["editor"])
    assert add(client, territory.slug, cycling, value="\u22121\u00a0234,5").status_code == 302
    assert cycling.values.get(on=date(2023, 12, 31)).value == Decimal("-1234.5")


def test_deleting_a_value_asks_first(client, territory, cycling, people):
    value = cycling.values.get(on=date(2022, 12, 31))
    url = reverse("indicators:value_delete", args=[territory.slug, cycling.pk, value.pk])
    client.force_login(people["pilot"])
    question = client.post(url)
    assert question.status_code == 200 and "140\u00a0km, mesurée le 31/12/2022" in (
        question.content.decode()
    )
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert not IndicatorValue.objects.filter(pk=value.pk).exists()
    deleted = IndicatorValue.history.get(id=value.pk, history_type="-")
    assert deleted.history_user == people["pilot"]


def test_a_value_is_found_only_under_its_own_indicator(client, territory, plan, cycling, people):
    other = make_indicator(territory, plan=plan, values={2022: 1}, pilots=[people["pilot"]])
    value = other.values.get()
    client.force_login(people["editor"])
    url = reverse("indicators:value_delete", args=[territory.slug, cycling.pk, value.pk])
    assert client.post(url, {"confirm": "1"}).status_code == 404
    assert IndicatorValue.objects.filter(pk=value.pk).exists()


def test_a_pilot_whose_role_loses_follow_up_leads_no_indicator(territory, plan, people):
    led = make_indicator(territory, plan=plan, pilots=[people["pilot"]])
    membership = Membership.objects.get(user=people["pilot"], territory=territory)
    change_role(membership, people["admin"], role=Role.ELECTED)
    assert not led.pilots.exists()
    assert led.history.first().history_user == people["admin"]


def test_the_indicators_a_person_leads_are_their_personal_data(territory, plan, people):
    make_indicator(territory, plan=plan, title="Déchets collectés", pilots=[people["pilot"]])
    source = SOURCES["piloted_indicators"]
    data = source.export(people["pilot"])
    assert [row["title"] for row in data] == ["Déchets collectés"]
    assert source.describe(data) == "1 indicateur piloté"
    source.erase(people["pilot"])
    assert source.export(people["pilot"]) == []


def test_merged_actions_keep_their_indicators(territory, plan, actions, people):
    first = make_indicator(territory, plan=plan, nodes=[actions[0], actions[1]])
    second = make_indicator(territory, plan=plan, nodes=[actions[1]])
    kept = merge(actions[0], actions[1], people["editor"])
    assert set(first.nodes.all()) == {kept}
    assert set(second.nodes.all()) == {kept}


def test_an_administrator_of_another_territory_changes_nothing(client, territory, cycling, people):
    """With the other territory's address: 403; with their own address and this
    indicator's id: 404. Nothing is written either way."""
    client.force_login(people["other"])
    own = people["other"].memberships.get().territory.slug
    value = cycling.values.first()
    before = list(IndicatorValue.objects.values()), cycling.version
    for slug, expected in ((territory.slug, 403), (own, 404)):
        assert add(client, slug, cycling).status_code == expected
        edit = reverse("indicators:edit", args=[slug, cycling.pk])
        assert client.post(edit, {"title": "Piraté", "version": 1}).status_code == expected
        delete = reverse("indicators:value_delete", args=[slug, cycling.pk, value.pk])
        assert client.post(delete, {"confirm": "1"}).status_code == expected
        links = reverse("indicators:links", args=[slug, cycling.pk])
        assert client.post(links, {"nodes": []}).status_code == expected
    cycling.refresh_from_db()
    assert (list(IndicatorValue.objects.values()), cycling.version) == before
    assert cycling.links.count() == 1


def test_the_values_a_person_entered_are_their_personal_data(territory, plan, people):
    from faisse.indicators.testing import add_values

    indicator = make_indicator(territory, plan=plan, title="Déchets collectés")
    add_values(indicator, {2024: 12}, created_by=people["pilot"])
    source = SOURCES["indicator_values"]
    data = source.export(people["pilot"])
    assert [(row["indicator"], row["value"]) for row in data] == [("Déchets collectés", "12.0000")]
    assert source.describe(data) == "1 valeur d’indicateur saisie"
    source.erase(people["pilot"])
    assert source.export(people["pilot"]) == []
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 1  # the measure stays
