"""Editors define indicators, targets and links: forms, French messages on bad input
(nothing written, never a 500), concurrent edits, deletion asked first, history."""

from decimal import Decimal

import pytest
from django.urls import reverse

from faisse.indicators.models import Indicator, IndicatorLink, IndicatorTarget
from faisse.indicators.testing import make_indicator
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Part des logements rénovés",
    "kind": "result",
    "unit": "%",
    "description": "Logements rénovés sur l’ensemble du parc.",
    "direction": "increase",
    "decimals": "1",
    "baseline_value": "2,5",
    "baseline_on": "2019-12-31",
    "default_source": "Observatoire de l’habitat",
    "is_published": "on",
    "targets_text": "2025 : 10\n\n2030: 1 250,75\n",
}


def state() -> tuple:
    return (
        list(Indicator.objects.order_by("pk").values()),
        list(IndicatorTarget.objects.order_by("pk").values()),
        list(IndicatorLink.objects.order_by("pk").values()),
    )


@pytest.fixture
def editor(client, people):
    client.force_login(people["editor"])
    return people["editor"]


def test_an_editor_creates_an_indicator_with_its_targets_and_pilots(
    client, territory, plan, people, editor
):
    url = reverse("indicators:create", args=[territory.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, FIELDS | {"pilots": [people["pilot"].pk]})
    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:links", args=[territory.slug, indicator.pk])
    assert indicator.plan == plan and indicator.baseline_value == Decimal("2.5")
    assert indicator.decimals == 1 and indicator.version == 1
    assert dict(indicator.targets.values_list("year", "value")) == {
        2025: Decimal(10),
        2030: Decimal("1250.75"),
    }
    assert list(indicator.pilots.all()) == [people["pilot"]]
    record = indicator.history.first()
    assert record.history_user == editor and record.history_change_reason == "Indicateur créé"
    assert all(t.history.get().history_user == editor for t in indicator.targets.all())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"targets_text": "2025 : 10\n20x5 : 12"}, "targets_text", "Ligne 2 (« 20x5 : 12 »)"),
        ({"targets_text": "2025 : 10\n2025 : 12"}, "targets_text", "l’année 2025 a déjà"),
        ({"targets_text": "1492 : 10"}, "targets_text", "l’année 1492 n’est pas plausible"),
        ({"targets_text": "2025 : 1,23456"}, "targets_text", "4 chiffres au plus"),
        ({"targets_text": "2025 : 1\x00"}, "targets_text", "caractère nul"),
        ({"baseline_value": "deux"}, "baseline_value", "« deux » n’est pas un nombre"),
        ({"baseline_value": "9" * 17}, "baseline_value", "n’est pas un nombre"),
        ({"baseline_on": ""}, "baseline_on", "vont ensemble"),
        ({"decimals": "7"}, "decimals", "De 0 à 4"),
        ({"title": ""}, "title", "Ce champ est obligatoire."),
        ({"kind": "inconnue"}, "kind", "Sélectionnez un choix valide"),
        ({"pilots": ["999999"]}, "pilots", "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_in_french_and_writes_nothing(
    client, territory, plan, editor, changes, field, message
):
    before = state()
    response = client.post(reverse("indicators:create", args=[territory.slug]), FIELDS | changes)
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors), errors
    assert "Rien n’a été enregistré" in response.content.decode()
    assert state() == before


def test_a_member_of_another_territory_cannot_be_made_pilot(client, territory, editor, people):
    response = client.post(
        reverse("indicators:create", args=[territory.slug]),
        FIELDS | {"pilots": [people["other"].pk]},
    )
    assert response.status_code == 400 and not Indicator.objects.exists()


def test_editing_changes_targets_one_by_one_with_history(client, territory, editor, cycling):
    url = reverse("indicators:edit", args=[territory.slug, cycling.pk])
    form = client.get(url).context["form"]
    assert form.initial["targets_text"] == "2020 : 120\n2025 : 200"
    assert form.initial["baseline_value"] == "100"
    data = FIELDS | {"title": cycling.title, "targets_text": "2025 : 210\n2030 : 300", "version": 1}
    response = client.post(url, data)
    assert response.status_code == 302
    cycling.refresh_from_db()
    assert cycling.version == 2 and cycling.unit == "%"
    assert dict(cycling.targets.values_list("year", "value")) == {2025: 210, 2030: 300}
    changes = (
        IndicatorTarget.history.filter(history_user=editor)
        .order_by("history_id")
        .values_list("year", "history_type", "history_user")
    )
    assert list(changes)[-3:] == [
        (2020, "-", editor.pk),
        (2025, "~", editor.pk),
        (2030, "+", editor.pk),
    ]


def test_an_edit_based_on_an_older_version_is_refused(client, territory, editor, cycling):
    url = reverse("indicators:edit", args=[territory.slug, cycling.pk])
    Indicator.objects.filter(pk=cycling.pk).update(version=5, title="Changé par une autre")
    before = state()
    response = client.post(url, FIELDS | {"version": 1})
    assert response.status_code == 409
    assert "modifié par quelqu’un d’autre" in response.content.decode()
    assert state() == before
    assert response.context["form"].initial["version"] == 5  # saving again means "mine wins"
    assert client.post(url, FIELDS | {"version": 5}).status_code == 302
    assert Indicator.objects.get(pk=cycling.pk).title == FIELDS["title"]


def test_deleting_asks_first_then_deletes_with_history(client, territory, editor, cycling):
    url = reverse("indicators:delete", args=[territory.slug, cycling.pk])
    question = client.post(url)
    assert question.status_code == 200
    assert "2 valeurs mesurées sont effacées avec lui." in question.content.decode()
    assert Indicator.objects.filter(pk=cycling.pk).exists()
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert not Indicator.objects.filter(pk=cycling.pk).exists()
    assert Indicator.history.filter(id=cycling.pk, history_type="-").get().history_user == editor


def test_links_to_any_kind_of_element(client, territory, plan, editor, cycling, actions):
    url = reverse("indicators:links", args=[territory.slug, cycling.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert len(page.context["choices"]) == plan.nodes.count()
    axis, objective = actions[0].parent.parent.parent, actions[0].parent
    response = client.post(url, {"nodes": [axis.pk, objective.pk]})
    assert response.status_code == 302
    assert set(cycling.nodes.values_list("pk", flat=True)) == {axis.pk, objective.pk}
    assert IndicatorLink.history.filter(history_type="-").get().node_id == actions[0].pk


@pytest.mark.parametrize("value", ["abc", "²", "9" * 30, "-1", "elsewhere"])
def test_links_to_unknown_elements_change_nothing(client, territory, editor, cycling, value):
    if value == "elsewhere":
        value = str(make_plan(make_territory()).nodes.first().pk)
    before = state()
    url = reverse("indicators:links", args=[territory.slug, cycling.pk])
    response = client.post(url, {"nodes": [value]})
    assert response.status_code == 400
    assert state() == before


def test_the_management_list_runs_the_same_queries_for_2_and_20(
    client, territory, plan, editor, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("indicators:list", args=[territory.slug])
    for n in range(2):
        make_indicator(territory, plan=plan, targets={2025: n}, values={2022: n})
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    for n in range(18):
        make_indicator(territory, plan=plan, targets={2025: n}, values={2022: n})
    with django_assert_num_queries(len(captured)):
        response = client.get(url)
    assert response.content.decode().count('<th scope="row">') == 20
