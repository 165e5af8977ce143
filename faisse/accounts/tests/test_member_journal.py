"""The members' journal: every role given, changed or taken away, with who did it; and
what a change of role does to the actions a person pilots."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from faisse.accounts.journal import member_journal
from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_role_changes_and_removals_are_journalled_with_their_author(client, territory):
    admin = make_member(territory, Role.ADMIN, first_name="Camille", last_name="Admin")
    pilot = make_member(territory, Role.PILOT, first_name="Paul", last_name="Pilote")
    membership = pilot.memberships.get()
    client.force_login(admin)
    edit = reverse("members:edit", args=[territory.slug, membership.pk])
    first, second = territory.communes.order_by("pk")[:2]
    client.post(edit, {"role": Role.ELECTED, "commune": first.pk})
    client.post(edit, {"role": Role.ELECTED, "commune": second.pk})
    client.post(reverse("members:remove", args=[territory.slug, membership.pk]), {"confirm": "1"})

    events = [(e.person, e.change, e.by) for e in member_journal(territory)]
    assert events[:4] == [
        ("Paul Pilote", "quitte le territoire (rôle « Élu·e »)", "Camille Admin"),
        ("Paul Pilote", "commune mise à jour", "Camille Admin"),
        ("Paul Pilote", "rôle « Pilote d'action » → « Élu·e »", "Camille Admin"),
        ("Paul Pilote", "reçoit le rôle « Pilote d'action »", "—"),  # made outside a request
    ]
    html = client.get(reverse("members:list", args=[territory.slug])).content.decode()
    assert "Journal des membres" in html and "quitte le territoire" in html


def test_the_journal_shows_only_the_territory_s_own_members(client, territory):
    make_member(make_territory(), Role.EDITOR, first_name="Étrangère")
    make_member(territory, Role.PARTNER, first_name="Voisine")
    people = [event.person for event in member_journal(territory)]
    assert "Voisine" in people and "Étrangère" not in people


@pytest.mark.parametrize("how", ["demoted", "removed"])
def test_a_pilot_who_loses_the_role_no_longer_pilots_any_action(client, territory, how):
    plan = make_plan(territory)
    action = PlanNode.objects.filter(plan=plan, kind="action").first()
    admin = make_member(territory, Role.ADMIN)
    pilot = make_member(territory, Role.PILOT)
    action.pilots.add(pilot)
    membership = pilot.memberships.get()
    client.force_login(admin)
    if how == "demoted":
        client.post(
            reverse("members:edit", args=[territory.slug, membership.pk]),
            {"role": Role.PARTNER, "commissions": ""},
        )
    else:
        client.post(
            reverse("members:remove", args=[territory.slug, membership.pk]), {"confirm": "1"}
        )
    assert not action.pilots.exists()
    assert PlanNode.history.filter(id=action.pk).first().history_user == admin


def test_a_pilot_made_editor_keeps_their_actions(client, territory):
    action = PlanNode.objects.filter(plan=make_plan(territory), kind="action").first()
    pilot = make_member(territory, Role.PILOT)
    action.pilots.add(pilot)
    client.force_login(make_member(territory, Role.ADMIN))
    membership = pilot.memberships.get()
    client.post(
        reverse("members:edit", args=[territory.slug, membership.pk]),
        {"role": Role.EDITOR, "commissions": ""},
    )
    assert list(action.pilots.all()) == [pilot]


def test_memberships_older_than_their_history_get_a_first_record(territory):
    member = make_member(territory, Role.ELECTED, first_name="Ancienne")
    Membership.history.all().delete()  # as before migration 0004
    migration = import_module("faisse.accounts.migrations.0005_membership_history_baseline")
    migration.record_existing_memberships(apps, None)
    migration.record_existing_memberships(apps, None)  # a second run adds nothing
    records = Membership.history.filter(id=member.memberships.get().pk)
    assert [(r.history_type, r.role) for r in records] == [("+", Role.ELECTED)]
    assert [e.change for e in member_journal(territory)] == ["reçoit le rôle « Élu·e »"]


def test_saving_an_unchanged_role_records_nothing(client, territory):
    client.force_login(make_member(territory, Role.ADMIN))
    partner = make_member(territory, Role.PARTNER).memberships.get()
    count = Membership.history.count()
    client.post(
        reverse("members:edit", args=[territory.slug, partner.pk]),
        {"role": Role.PARTNER, "commissions": ""},
    )
    assert Membership.history.count() == count
