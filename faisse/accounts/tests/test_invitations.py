"""Accepting an invitation: once, before it expires, by the invited address only."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.models import Invitation, Membership, Role, User
from faisse.accounts.testing import make_member, make_user
from faisse.plans.models import PlanNode
from faisse.plans.testing import make_plan

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "first_name": "Émile",
    "last_name": "Élu",
    "password1": "terrasse de pierre seche",
    "password2": "terrasse de pierre seche",
}


@pytest.fixture
def invited(territory):
    commune = territory.communes.first()
    invitation, token = Invitation.create(
        territory, "Emile@Example.org", Role.ELECTED, commune=commune
    )
    return invitation, reverse("accounts:invitation", args=[token])


def test_the_page_shows_territory_role_and_commune(client, invited):
    invitation, url = invited
    html = client.get(url).content.decode()
    assert "Agglo des Faïsses" in html and "Élu·e" in html
    assert invitation.commune.name in html
    assert "Créer votre compte" in html


def test_a_new_person_creates_an_account_and_becomes_member(client, invited):
    invitation, url = invited
    response = client.post(url, NEW_ACCOUNT)
    assert response.status_code == 302
    assert response["Location"] == reverse("manage:home", args=[invitation.territory.slug])
    user = User.objects.get(email="emile@example.org")
    assert user.get_full_name() == "Émile Élu" and user.check_password(NEW_ACCOUNT["password1"])
    membership = Membership.objects.get(user=user)
    assert (membership.territory, membership.role) == (invitation.territory, Role.ELECTED)
    assert membership.commune == invitation.commune
    assert client.session["_auth_user_id"] == str(user.pk)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_weak_or_mismatched_passwords_are_refused_in_french(client, invited):
    _invitation, url = invited
    response = client.post(url, NEW_ACCOUNT | {"password1": "123", "password2": "123"})
    html = response.content.decode()
    assert response.status_code == 200 and not User.objects.exists()
    assert "trop court" in html and 'aria-invalid="true"' in html
    response = client.post(url, NEW_ACCOUNT | {"password2": "autre chose encore"})
    assert "ne sont pas identiques" in response.content.decode()


def test_the_link_works_once(client, invited):
    _invitation, url = invited
    client.post(url, NEW_ACCOUNT)
    client.logout()
    response = client.post(url, NEW_ACCOUNT | {"first_name": "Autre"})
    assert response.status_code == 200
    assert "déjà été acceptée" in response.content.decode()
    assert User.objects.count() == 1 and Membership.objects.count() == 1


def test_an_expired_invitation_says_so(client, invited):
    invitation, url = invited
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))
    for response in (client.get(url), client.post(url, NEW_ACCOUNT)):
        assert response.status_code == 200
        assert "Cette invitation a expiré" in response.content.decode()
    assert not User.objects.exists()


def test_an_unknown_or_cancelled_token_says_so_without_a_404(client, invited):
    invitation, url = invited
    invitation.delete()
    for response in (client.get(url), client.get("/invitation/n-importe-quoi/")):
        assert response.status_code == 200
        assert "n’existe pas ou a été annulée" in response.content.decode()


def test_an_existing_signed_in_person_just_accepts(client, invited, territory):
    invitation, url = invited
    other = make_member(territory, Role.PARTNER)  # has nothing to do with the invitation
    user = make_user("emile@example.org")
    client.force_login(user)
    page = client.get(url).content.decode()
    assert "Accepter l’invitation" in page and "Créer votre compte" not in page
    assert client.post(url).status_code == 302
    assert Membership.objects.get(user=user).role == Role.ELECTED
    assert Membership.objects.get(user=other).role == Role.PARTNER


def test_an_existing_person_not_signed_in_is_asked_to_sign_in(client, invited):
    _invitation, url = invited
    make_user("emile@example.org")
    html = client.get(url).content.decode()
    assert "Un compte existe déjà" in html
    assert f"/connexion/?next={url}" in html
    client.post(url, NEW_ACCOUNT)  # cannot create a second account for the address
    assert User.objects.count() == 1 and not Membership.objects.exists()


def test_another_signed_in_person_cannot_use_it(client, invited):
    _invitation, url = invited
    intruder = make_user("autre@example.org")
    client.force_login(intruder)
    assert "vous êtes connecté·e en tant que" in client.get(url).content.decode()
    client.post(url)
    assert not Membership.objects.filter(user=intruder).exists()


def accept_as(client, user, territory, role):
    _invitation, token = Invitation.create(territory, user.email, role)
    client.force_login(user)
    return client.post(reverse("accounts:invitation", args=[token]))


def test_an_invitation_does_not_demote_the_last_administrator(client, territory):
    admin = make_member(territory, Role.ADMIN)
    accept_as(client, admin, territory, Role.PARTNER)
    assert admin.memberships.get().role == Role.ADMIN


def test_an_invitation_to_a_role_without_follow_up_takes_a_pilot_off_their_actions(
    client, territory
):
    action = PlanNode.objects.filter(plan=make_plan(territory), kind="action").first()
    pilot = make_member(territory, Role.PILOT)
    action.pilots.add(pilot)
    accept_as(client, pilot, territory, Role.PARTNER)
    assert pilot.memberships.get().role == Role.PARTNER
    assert not action.pilots.exists()


def test_a_new_member_lands_on_their_space_with_a_welcome(client, invited):
    invitation, url = invited
    response = client.post(url, NEW_ACCOUNT, follow=True)
    html = response.content.decode()
    home = reverse("manage:home", args=[invitation.territory.slug])
    assert response.redirect_chain == [(home, 302)] and response.status_code == 200
    assert "Bienvenue : vous êtes maintenant élu·e dans le territoire Agglo des Faïsses" in html
    assert "Mon rôle : Élu·e" in html
    commune = invitation.commune
    assert reverse("portal:commune", args=[invitation.territory.slug, commune.insee]) in html


def test_an_elu_invitation_without_commune_gives_no_role(client, territory):
    """Made before the forms required the commune: accepting keeps the forms' rule."""
    _invitation, token = Invitation.create(territory, "sans@example.org", Role.ELECTED)
    url = reverse("accounts:invitation", args=[token])
    page = client.get(url).content.decode()
    assert "sans dire quelle commune vous représentez" in page
    assert "Créer votre compte" not in page
    client.post(url, NEW_ACCOUNT)
    assert not User.objects.exists() and not Membership.objects.exists()
    user = make_user("sans@example.org")
    client.force_login(user)
    client.post(url)
    assert not Membership.objects.exists()


def test_a_commune_on_another_role_s_invitation_is_dropped(client, territory):
    commune = territory.communes.first()
    _invitation, token = Invitation.create(
        territory, "p@example.org", Role.PARTNER, commune=commune
    )
    client.post(reverse("accounts:invitation", args=[token]), NEW_ACCOUNT)
    membership = Membership.objects.get(user__email="p@example.org")
    assert (membership.role, membership.commune) == (Role.PARTNER, None)


def test_an_elu_invited_as_partner_leaves_their_commune(client, territory):
    elu = make_member(territory, Role.ELECTED)
    Membership.objects.filter(user=elu).update(commune=territory.communes.first())
    accept_as(client, elu, territory, Role.PARTNER)
    membership = elu.memberships.get()
    assert (membership.role, membership.commune) == (Role.PARTNER, None)


def test_a_member_invited_as_elu_takes_the_invitation_s_commune(client, territory):
    partner = make_member(territory, Role.PARTNER)
    commune = territory.communes.last()
    _invitation, token = Invitation.create(territory, partner.email, Role.ELECTED, commune=commune)
    client.force_login(partner)
    client.post(reverse("accounts:invitation", args=[token]))
    membership = partner.memberships.get()
    assert (membership.role, membership.commune) == (Role.ELECTED, commune)


def test_the_last_administrator_invited_as_elu_stays_admin_without_commune(client, territory):
    admin = make_member(territory, Role.ADMIN)
    _invitation, token = Invitation.create(
        territory, admin.email, Role.ELECTED, commune=territory.communes.first()
    )
    client.force_login(admin)
    client.post(reverse("accounts:invitation", args=[token]))
    membership = admin.memberships.get()
    assert (membership.role, membership.commune) == (Role.ADMIN, None)
