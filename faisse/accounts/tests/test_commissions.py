"""Commissions: administrators name them, choose a president and members among the
élus; the free-text field of old memberships became commissions (migration 0008)."""

from importlib import import_module

import pytest
from django.urls import reverse

from faisse.accounts.models import Commission, Role
from faisse.accounts.testing import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, territory):
    user = make_member(territory, Role.ADMIN)
    client.force_login(user)
    return user


def elected(territory, name):
    member = make_member(territory, Role.ELECTED, first_name=name)
    membership = member.memberships.get()
    membership.commune = territory.communes.first()
    membership.save()
    return membership


def test_an_administrator_creates_a_commission_with_its_president(client, territory, admin):
    camille, dominique = elected(territory, "Camille"), elected(territory, "Dominique")
    url = reverse("members:commissions", args=[territory.slug])
    response = client.post(
        url,
        {
            "name": "  Mobilités   et transports ",
            "president": camille.pk,
            "members": [dominique.pk],
        },
    )
    assert response.status_code == 302
    commission = Commission.objects.get(territory=territory)
    assert commission.name == "Mobilités et transports" and commission.president == camille
    assert set(commission.members.all()) == {camille, dominique}  # the president sits in it
    html = client.get(url).content.decode()
    assert "présidée par Camille" in html and "2 membres" in html


def test_names_are_unique_in_a_territory_and_only_its_elus_may_sit(client, territory, admin):
    Commission.objects.create(territory=territory, name="Finances")
    url = reverse("members:commissions", args=[territory.slug])
    response = client.post(url, {"name": "finances"})
    assert (
        response.status_code == 400 and "déjà une commission de ce nom" in response.content.decode()
    )
    partner = make_member(territory, Role.PARTNER).memberships.get()
    response = client.post(url, {"name": "Culture", "members": [partner.pk]})
    assert response.status_code == 400
    assert Commission.objects.filter(territory=territory).count() == 1


def test_deleting_asks_first(client, territory, admin):
    commission = Commission.objects.create(territory=territory, name="Finances")
    url = reverse("members:commission_delete", args=[territory.slug, commission.pk])
    assert "Supprimer la commission" in client.post(url).content.decode()
    assert Commission.objects.exists()
    client.post(url, {"confirm": "1"})
    assert not Commission.objects.exists()


def test_old_free_text_commissions_are_split_on_their_separators():
    """Migration 0008 turns "Finances ; Mobilités, Culture" into three commissions."""
    migration = import_module("faisse.accounts.migrations.0008_commissions")
    text = "Finances ; Mobilités, Culture/Sport"
    assert migration.SEPARATORS.split(text) == ["Finances", "Mobilités", "Culture", "Sport"]
