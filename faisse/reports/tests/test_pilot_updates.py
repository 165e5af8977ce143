"""Quick updates from the pilots' space: a dated point on an action through record_update,
a measured value of an indicator; who may; what a refusal looks like (French, next to
its form, 400, nothing written); every change in the history."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionSheet, ActionUpdate
from faisse.actions.testing import make_sheet
from faisse.indicators.models import IndicatorValue
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.html import Page
from faisse.reports.models import DigestSubscription
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territory = make_territory()
    plan = make_plan(territory, axes=1, orientations=1, objectives=1, actions=3)
    mine, theirs, free = PlanNode.objects.filter(plan=plan, kind="action").order_by("pk")
    pilot = make_member(territory, Role.PILOT)
    other_pilot = make_member(territory, Role.PILOT)
    mine.pilots.add(pilot)
    theirs.pilots.add(other_pilot)
    make_sheet(mine, status="in_progress", progress=40)
    return {
        "territory": territory,
        "mine": mine,
        "theirs": theirs,
        "free": free,
        "pilot": pilot,
        "other_pilot": other_pilot,
        "editor": make_member(territory, Role.EDITOR),
    }


def update_url(world, node) -> str:
    return reverse("pilot:update", args=[world["territory"].slug, node.pk])


def update_data(node, **fields) -> dict:
    """The form as sent: the status shown first is the action's own ("sans": none)."""
    current = ActionSheet.objects.filter(node=node).values_list("status", flat=True).first()
    values = {"on": timezone.localdate().isoformat(), "status": current or "sans", **fields}
    return {f"action-{node.pk}-{name}": value for name, value in values.items()}


def test_a_pilot_records_a_status_progress_and_note_and_goes_back_to_the_action(client, world):
    client.force_login(world["pilot"])
    day = timezone.localdate() - timedelta(days=2)
    data = update_data(
        world["mine"],
        on=day.isoformat(),
        status="done",
        progress="100",
        note="Inauguré.",
        public="on",
        version="1",
    )
    response = client.post(update_url(world, world["mine"]), data)
    space = reverse("pilot:space", args=[world["territory"].slug])
    assert response.status_code == 302
    assert response["Location"] == f"{space}#action-{world['mine'].pk}"
    sheet = ActionSheet.objects.get(node=world["mine"])
    assert (sheet.status, sheet.progress, sheet.version) == ("done", 100, 2)
    update = ActionUpdate.objects.get(sheet=sheet)
    assert (update.on, update.author, update.note, update.is_public) == (
        day,
        world["pilot"],
        "Inauguré.",
        True,
    )
    assert (update.old_status, update.new_status) == ("in_progress", "done")
    # Every change lands in the history, with its author.
    assert sheet.history.first().history_user == world["pilot"]
    assert ActionUpdate.history.get(id=update.pk).history_user == world["pilot"]
    followed = client.get(response["Location"])
    assert "Point de suivi enregistré" in followed.content.decode()


def test_a_note_alone_keeps_the_status_and_progress(client, world):
    client.force_login(world["pilot"])
    data = update_data(world["mine"], status="in_progress", progress="40", note="Rien de neuf.")
    assert client.post(update_url(world, world["mine"]), data).status_code == 302
    sheet = ActionSheet.objects.get(node=world["mine"])
    assert (sheet.status, sheet.progress, sheet.version) == ("in_progress", 40, 1)
    assert ActionUpdate.objects.get(sheet=sheet).note == "Rien de neuf."


def test_an_action_without_status_keeps_none_with_a_note_alone(client, world):
    client.force_login(world["editor"])
    data = update_data(world["free"], note="Premier point.")
    assert data[f"action-{world['free'].pk}-status"] == "sans"
    assert client.post(update_url(world, world["free"]), data).status_code == 302
    sheet = ActionSheet.objects.get(node=world["free"])
    assert (sheet.status, ActionUpdate.objects.get(sheet=sheet).note) == ("", "Premier point.")


def test_an_editor_updates_any_action_and_keeps_the_all_actions_view(client, world):
    client.force_login(world["editor"])
    data = update_data(world["free"], status="planned", tout="1")
    data["tout"] = "1"
    response = client.post(update_url(world, world["free"]), data)
    assert response.status_code == 302
    assert "?tout=1#action-" in response["Location"]
    assert ActionSheet.objects.get(node=world["free"]).status == "planned"


def refused(response) -> Page:
    assert response.status_code == 400
    html = Page(response.content.decode())
    assert html.title.startswith("Erreur")
    return html


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"status": "planned"}, "ne peut pas passer à « À venir »"),
        ({"progress": "150"}, "inférieure ou égale à 100"),
        ({"on": "2999-01-01"}, "ne peut pas être dans le futur"),
        ({"on": "hier"}, "Saisissez une date valide"),
        ({"status": "in_progress", "progress": "40"}, "Rien à enregistrer"),
        ({"status": "finished"}, "Sélectionnez un choix valide"),
    ],
)
def test_a_refused_update_is_explained_in_french_next_to_its_form(client, world, fields, message):
    client.force_login(world["pilot"])
    response = client.post(update_url(world, world["mine"]), update_data(world["mine"], **fields))
    html = refused(response).html
    assert message in html
    form_start = html.index(f'action="{update_url(world, world["mine"])}"')
    assert html.rindex(message) > form_start  # also in the action's own form, opened
    assert '<details class="pilot-form" open>' in html[form_start - 400 : form_start]
    assert ActionUpdate.objects.count() == 0
    assert ActionSheet.objects.get(node=world["mine"]).version == 1


def test_a_form_opened_before_another_change_is_refused(client, world):
    client.force_login(world["pilot"])
    first = update_data(world["mine"], status="paused", version="1")
    assert client.post(update_url(world, world["mine"]), first).status_code == 302
    second = update_data(world["mine"], status="in_progress", progress="60", version="1")
    html = refused(client.post(update_url(world, world["mine"]), second)).html
    assert "modifiée par quelqu’un d’autre" in html
    assert ActionSheet.objects.get(node=world["mine"]).progress == 40


def test_a_pilot_may_not_update_another_pilots_action(client, world):
    client.force_login(world["pilot"])
    data = update_data(world["theirs"], status="planned")
    assert client.post(update_url(world, world["theirs"]), data).status_code == 403
    assert not ActionSheet.objects.filter(node=world["theirs"]).exists()


def test_an_unknown_action_or_one_of_another_territory_is_not_found(client, world):
    client.force_login(world["editor"])
    elsewhere = make_plan(make_territory(), axes=1, orientations=1, objectives=1, actions=1)
    node = PlanNode.objects.get(plan=elsewhere, kind="action")
    data = update_data(node, status="planned")
    assert client.post(update_url(world, node), data).status_code == 404
    axis = PlanNode.objects.filter(territory=world["territory"], kind="axis").first()
    assert client.post(update_url(world, axis), {}).status_code == 404


def test_the_quick_update_takes_only_posts(client, world):
    client.force_login(world["pilot"])
    assert client.get(update_url(world, world["mine"])).status_code == 405


# --- indicators -----------------------------------------------------------------------


def value_url(world, indicator) -> str:
    return reverse("pilot:value", args=[world["territory"].slug, indicator.pk])


def value_data(indicator, **fields) -> dict:
    values = {"on": timezone.localdate().isoformat(), "value": "1 250,5", **fields}
    return {f"indicateur-{indicator.pk}-{name}": value for name, value in values.items()}


def test_the_pilot_of_an_indicator_adds_a_value_written_in_the_history(client, world):
    indicator = make_indicator(world["territory"], unit="km", pilots=[world["pilot"]])
    client.force_login(world["pilot"])
    data = value_data(indicator, source="Service mobilité", comment="Relevé annuel")
    response = client.post(value_url(world, indicator), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#indicateur-{indicator.pk}")
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (value.value, value.source, value.created_by) == (
        Decimal("1250.5"),
        "Service mobilité",
        world["pilot"],
    )
    assert value.history.first().history_user == world["pilot"]


def test_the_pilot_of_a_linked_action_adds_a_value_another_pilot_may_not(client, world):
    indicator = make_indicator(world["territory"], nodes=[world["mine"]])
    client.force_login(world["pilot"])
    assert client.post(value_url(world, indicator), value_data(indicator)).status_code == 302
    client.force_login(world["other_pilot"])
    data = value_data(indicator, on=(timezone.localdate() - timedelta(days=1)).isoformat())
    assert client.post(value_url(world, indicator), data).status_code == 403
    assert IndicatorValue.objects.filter(indicator=indicator).count() == 1


def test_a_value_already_there_at_that_date_is_replaced_only_when_asked(client, world):
    indicator = make_indicator(
        world["territory"], pilots=[world["pilot"]], values={timezone.localdate(): 3}
    )
    client.force_login(world["pilot"])
    html = refused(client.post(value_url(world, indicator), value_data(indicator))).html
    assert "Une valeur est déjà saisie" in html
    assert IndicatorValue.objects.get(indicator=indicator).value == 3
    data = value_data(indicator, replace="on")
    assert client.post(value_url(world, indicator), data).status_code == 302
    assert IndicatorValue.objects.get(indicator=indicator).value == Decimal("1250.5")


@pytest.mark.parametrize(
    "fields, message",
    [({"value": "beaucoup"}, "n’est pas un nombre"), ({"on": "2999-01-01"}, "du futur")],
)
def test_a_refused_value_is_explained_in_french(client, world, fields, message):
    indicator = make_indicator(world["territory"], pilots=[world["pilot"]])
    client.force_login(world["pilot"])
    html = refused(client.post(value_url(world, indicator), value_data(indicator, **fields)))
    assert message in html.html
    assert not IndicatorValue.objects.exists()


# --- the weekly e-mail's switch --------------------------------------------------------


def test_a_pilot_turns_the_weekly_email_off_and_on_again(client, world):
    client.force_login(world["pilot"])
    url = reverse("pilot:digest", args=[world["territory"].slug])
    space = reverse("pilot:space", args=[world["territory"].slug])
    assert "Ne plus recevoir ce courriel" in client.get(space).content.decode()
    assert client.post(url, {"recevoir": "0"})["Location"] == f"{space}#courriel"
    subscription = DigestSubscription.objects.get(user=world["pilot"])
    assert subscription.enabled is False
    assert "Recevoir ce courriel" in client.get(space).content.decode()
    client.post(url, {"recevoir": "1"})
    subscription.refresh_from_db()
    assert subscription.enabled is True
