"""Editors choose the pilots of an action in the site; pilots then follow it up."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def pilots_url(node):
    return reverse("plans:node_pilots", args=[node.territory.slug, node.pk])


def test_an_editor_chooses_pilots_who_may_then_follow_the_action_up(client, action):
    editor = make_member(action.territory, Role.EDITOR)
    pilot = make_member(action.territory, Role.PILOT, first_name="Paul", last_name="Pilote")
    client.force_login(editor)
    edit_page = client.get(reverse("plans:node_edit", args=[action.territory.slug, action.pk]))
    assert f'value="{pilot.pk}"' in edit_page.content.decode()
    response = client.post(pilots_url(action), {"pilots": [pilot.pk]})
    assert response.status_code == 302
    assert list(action.pilots.all()) == [pilot]
    record = PlanNode.history.filter(id=action.pk).first()
    assert record.history_user == editor and record.history_change_reason == "Pilotes modifiés"

    client.force_login(pilot)
    edit = reverse("plans:node_edit", args=[action.territory.slug, action.pk])
    assert client.get(edit).status_code == 200
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Paul Pilote" in page  # members see who pilots the action

    client.force_login(editor)
    client.post(pilots_url(action), {})  # no box ticked: no pilot any more
    assert not action.pilots.exists()
    client.force_login(pilot)
    assert client.get(edit).status_code == 403


def test_the_public_does_not_see_who_pilots(client, action):
    action.pilots.add(make_member(action.territory, Role.PILOT, first_name="Paul"))
    assert "Paul" not in client.get(action.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", [Role.PARTNER, Role.ELECTED])
def test_only_members_who_follow_actions_up_may_be_pilots(client, action, role):
    client.force_login(make_member(action.territory, Role.EDITOR))
    reader = make_member(action.territory, role)
    response = client.post(pilots_url(action), {"pilots": [reader.pk]}, follow=True)
    assert "parmi les membres du territoire" in response.content.decode()
    assert not action.pilots.exists()


def test_a_member_of_another_territory_cannot_be_made_pilot(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    stranger = make_member(make_territory(), Role.PILOT)
    client.post(pilots_url(action), {"pilots": [stranger.pk]})
    assert not action.pilots.exists()


def test_garbage_and_nodes_other_than_actions_are_refused_with_a_message(client, action):
    client.force_login(make_member(action.territory, Role.EDITOR))
    response = client.post(pilots_url(action), {"pilots": ["abc"]}, follow=True)
    assert "Choisissez les pilotes dans la liste" in response.content.decode()
    objective = action.parent
    pilot = make_member(action.territory, Role.PILOT)
    response = client.post(pilots_url(objective), {"pilots": [pilot.pk]}, follow=True)
    assert "Seules les actions ont des pilotes" in response.content.decode()
    assert not objective.pilots.exists()


def test_pilots_cannot_choose_pilots(client, action):
    pilot = make_member(action.territory, Role.PILOT)
    action.pilots.add(pilot)
    client.force_login(pilot)
    other = make_member(action.territory, Role.PILOT)
    assert client.post(pilots_url(action), {"pilots": [pilot.pk, other.pk]}).status_code == 403
    assert list(action.pilots.all()) == [pilot]
