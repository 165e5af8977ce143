"""The pilots' space: the actions a person pilots, most pressing first; every action for
an editor who asks; the indicators they lead; in a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.actions.models import ActionUpdate
from faisse.actions.testing import add_milestones, make_sheet
from faisse.indicators.testing import make_indicator
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.portal.tests.html import page
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def actions_of(plan) -> list[PlanNode]:
    return list(PlanNode.objects.filter(plan=plan, kind="action").order_by("pk"))


@pytest.fixture
def world():
    territory = make_territory("Agglo des Faïsses")
    plan = make_plan(territory)
    actions = actions_of(plan)
    today = timezone.localdate()
    pilot = make_member(territory, Role.PILOT, first_name="Paule", last_name="Pilote")
    other_pilot = make_member(territory, Role.PILOT)
    quiet, late, soon, undated = actions[:4]
    for action in (quiet, late, soon, undated):
        action.pilots.add(pilot)
    actions[5].pilots.add(other_pilot)
    make_sheet(quiet, status="in_progress", progress=30, end_date=today + timedelta(days=200))
    make_sheet(late, status="in_progress", end_date=today - timedelta(days=3))
    sheet = make_sheet(soon, status="planned", end_date=today + timedelta(days=300))
    add_milestones(
        sheet,
        ("Étude faite", True, today - timedelta(days=40)),
        ("Marché attribué", False, today + timedelta(days=10)),
        ("Travaux", False, today + timedelta(days=90)),
    )
    return {
        "territory": territory,
        "plan": plan,
        "actions": actions,
        "pilot": pilot,
        "other_pilot": other_pilot,
        "quiet": quiet,
        "late": late,
        "soon": soon,
        "undated": undated,
        "editor": make_member(territory, Role.EDITOR),
    }


def space_url(world, everything=False) -> str:
    url = reverse("pilot:space", args=[world["territory"].slug])
    return url + "?tout=1" if everything else url


def listed_actions(html: str, world) -> list[int]:
    found = []
    for node in world["actions"]:
        position = html.find(f'id="action-{node.pk}"')
        if position >= 0:
            found.append((position, node.pk))
    return [pk for _position, pk in sorted(found)]


def test_a_pilot_sees_their_actions_late_first_then_due_soon_then_the_others(client, world):
    client.force_login(world["pilot"])
    response = client.get(space_url(world))
    html = page(response).html
    expected = [world[name].pk for name in ("late", "soon", "quiet", "undated")]
    assert listed_actions(html, world) == expected
    assert "En retard" in html and "Échéance proche" in html
    assert "Marché attribué" in html  # the next milestone, not the done one
    assert "4 actions" in html and "1 en retard" in html and "1 à échéance proche" in html


def test_a_pilot_never_sees_the_others_actions_even_asking_for_all(client, world):
    client.force_login(world["pilot"])
    html = page(client.get(space_url(world, everything=True))).html
    assert world["actions"][5].pk not in listed_actions(html, world)
    assert "Toutes les actions" not in html  # no choice offered


def test_an_editor_chooses_between_their_actions_and_all_of_them(client, world):
    client.force_login(world["editor"])
    mine = page(client.get(space_url(world)))
    assert listed_actions(mine.html, world) == []
    assert "Toutes les actions" in mine.html
    everything = page(client.get(space_url(world, everything=True)))
    listed = listed_actions(everything.html, world)
    assert sorted(listed) == [node.pk for node in world["actions"]]
    assert listed[0] == world["late"].pk


def test_the_last_update_shows_with_its_author_and_note(client, world):
    client.force_login(world["pilot"])
    url = reverse("pilot:update", args=[world["territory"].slug, world["quiet"].pk])
    prefix = f"action-{world['quiet'].pk}"
    data = {
        f"{prefix}-on": timezone.localdate().isoformat(),
        f"{prefix}-status": "in_progress",
        f"{prefix}-note": "Réunion de lancement tenue.",
    }
    assert client.post(url, data).status_code == 302
    html = page(client.get(space_url(world))).html
    assert "Réunion de lancement tenue." in html
    assert "Paule Pilote" in html


def test_the_indicators_a_pilot_leads_or_of_their_actions_with_their_latest_value(client, world):
    territory = world["territory"]
    today = timezone.localdate()
    own = make_indicator(
        territory,
        title="Kilomètres de voies vertes",
        unit="km",
        pilots=[world["pilot"]],
        values={today - timedelta(days=30): 12, today - timedelta(days=400): 8},
    )
    linked = make_indicator(territory, title="Logements rénovés", nodes=[world["late"]])
    elsewhere = make_indicator(territory, title="Arbres plantés", nodes=[world["actions"][5]])
    client.force_login(world["pilot"])
    html = page(client.get(space_url(world))).html
    assert f'id="indicateur-{own.pk}"' in html and f'id="indicateur-{linked.pk}"' in html
    assert f'id="indicateur-{elsewhere.pk}"' not in html
    assert "12\u00a0km" in html  # the latest value, not the older one
    assert "Pas de valeur depuis un an" in html  # the linked one has none


def test_every_field_of_the_quick_forms_is_labelled_and_in_a_fieldset(client, world):
    make_indicator(world["territory"], pilots=[world["pilot"]])
    client.force_login(world["pilot"])
    html = page(client.get(space_url(world)))
    from faisse.tests.test_member_pages_accessibility import assert_fields_labelled

    assert_fields_labelled(html)
    assert html.html.count("<fieldset>") == 4 + 1
    assert [level for level, _text in html.headings][:3] == [1, 2, 3]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_space_runs_the_same_queries_for_3_or_30_piloted_actions(client):
    counts = []
    for size in (3, 30):
        territory = make_territory()
        plan = make_plan(territory, axes=2, orientations=2, objectives=2, actions=4)
        pilot = make_member(territory, Role.PILOT)
        today = timezone.localdate()
        for number, node in enumerate(actions_of(plan)[:size]):
            node.pilots.add(pilot)
            sheet = make_sheet(node, status="in_progress", end_date=today + timedelta(days=number))
            add_milestones(sheet, ("Étape", False, today + timedelta(days=5)))
            ActionUpdate.objects.create(
                sheet=sheet, plan=plan, territory=territory, on=today, author=pilot, note="Point"
            )
        for number in range(size):
            make_indicator(territory, pilots=[pilot], values={today: number})
        client.force_login(pilot)
        url = reverse("pilot:space", args=[territory.slug])
        client.get(url)  # the session, warmed
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], counts
    assert counts[0] <= 20, counts
