"""Unpublished nodes (and what hangs under them) are seen by members, never by the public
or partners."""

import pytest

from faisse.accounts.models import Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(plan):
    """An orientation set back to draft, with the objectives and actions under it."""
    orientation = PlanNode.objects.filter(plan=plan, kind="orientation").order_by("pk").first()
    orientation.is_published = False
    orientation.save()
    hidden = [orientation, *PlanNode.objects.filter(parent=orientation)]
    hidden += list(PlanNode.objects.filter(parent__in=hidden[1:]))
    return orientation, hidden


def test_the_public_and_partners_do_not_see_drafts(client, plan, draft):
    orientation, hidden = draft
    visible = PlanNode.objects.filter(plan=plan).exclude(pk__in=[n.pk for n in hidden]).first()
    for user in (None, make_member(plan.territory, Role.PARTNER)):
        if user:
            client.force_login(user)
        page = client.get(f"/{plan.territory.slug}/plan/").content.decode()
        assert orientation.title not in page
        assert all(node.get_absolute_url() not in page for node in hidden)
        for node in hidden:
            assert client.get(node.get_absolute_url()).status_code == 404
        assert client.get(visible.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", [Role.ELECTED, Role.PILOT, Role.EDITOR, Role.ADMIN])
def test_members_see_drafts(client, plan, draft, role):
    orientation, hidden = draft
    client.force_login(make_member(plan.territory, role))
    page = client.get(f"/{plan.territory.slug}/plan/").content.decode()
    assert orientation.get_absolute_url() in page
    assert all(client.get(n.get_absolute_url()).status_code == 200 for n in hidden)


def test_a_member_of_another_territory_does_not_see_drafts(client, plan, draft):
    from faisse.territories.testing import make_territory

    orientation, _hidden = draft
    client.force_login(make_member(make_territory(), Role.ADMIN))
    assert client.get(orientation.get_absolute_url()).status_code == 404


def test_internal_notes_and_the_edit_button_follow_the_role(client, plan):
    action = PlanNode.objects.filter(plan=plan, kind="action").first()
    action.internal_notes = "Budget à arbitrer en commission."
    action.save()
    url = action.get_absolute_url()
    edit = f"/{plan.territory.slug}/gestion/elements/{action.pk}/modifier/"
    for role, notes, button in (
        (None, False, False),
        (Role.PARTNER, False, False),
        (Role.ELECTED, True, False),
        (Role.EDITOR, True, True),
    ):
        client.logout()
        if role:
            client.force_login(make_member(plan.territory, role))
        page = client.get(url).content.decode()
        assert ("Budget à arbitrer" in page) is notes, role
        assert (edit in page) is button, role
