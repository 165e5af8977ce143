"""Member management by the administrators of a territory."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from faisse.accounts.abilities import role_description
from faisse.accounts.models import Invitation, Membership, Role
from faisse.accounts.testing import make_member
from faisse.portal.tests.html import page
from faisse.portal.tests.test_accessibility import assert_accessible
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, territory):
    user = make_member(territory, Role.ADMIN, "admin@example.org", first_name="Camille")
    client.force_login(user)
    return user


def url(name, territory, *args):
    return reverse(f"members:{name}", args=[territory.slug, *args])


@pytest.mark.parametrize("role", [Role.EDITOR, Role.PILOT, Role.ELECTED, Role.PARTNER])
def test_only_admins_manage_members(client, territory, role):
    client.force_login(make_member(territory, role))
    assert client.get(url("list", territory)).status_code == 403
    assert client.post(url("invite", territory), {"email": "x@example.org"}).status_code == 403
    assert not Invitation.objects.exists()


def test_the_list_shows_members_and_pending_invitations(client, territory, admin):
    make_member(territory, Role.PILOT, "pilote@example.org", last_name="Pilote")
    Invitation.create(territory, "invite@example.org", Role.PARTNER)
    html = client.get(url("list", territory)).content.decode()
    assert "pilote@example.org" in html and "Pilote d&#x27;action" in html
    assert "invite@example.org" in html and "Partenaire" in html


def test_invite_sends_a_link_that_works(client, territory, admin, mailoutbox):
    commune = territory.communes.first()
    response = client.post(
        url("invite", territory),
        {"email": "Elu@Example.org", "role": Role.ELECTED, "commune": commune.pk},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.commune) == (
        "elu@example.org",
        Role.ELECTED,
        commune,
    )
    assert invitation.invited_by == admin
    message = mailoutbox[0]
    assert message.to == ["elu@example.org"]
    assert "Agglo des Faïsses" in message.subject and "Camille" in message.body
    link = re.search(r"https?://\S+", message.body).group(0)
    client.logout()
    assert "Créer votre compte" in client.get(link).content.decode()


def field_error(html: str, field: str) -> str:
    """The error shown with a field (core/_field.html), tied to it by its id."""
    return html.split(f'id="id_{field}_error">')[1].split("</div>")[0]


def test_a_partner_invited_with_a_commune_is_refused_at_the_commune(client, territory, admin):
    commune = territory.communes.first()
    response = client.post(
        url("invite", territory),
        {"email": "p@example.org", "role": Role.PARTNER, "commune": commune.pk},
    )
    assert response.status_code == 400 and not Invitation.objects.exists()
    html = response.content.decode()
    assert "Seul·e·s les élu·e·s représentent une commune" in field_error(html, "commune")
    assert 'href="#id_commune"' in html  # in the summary at the top of the form


def test_an_elu_invited_without_commune_is_refused_at_the_commune(client, territory, admin):
    response = client.post(
        url("invite", territory), {"email": "e@example.org", "role": Role.ELECTED}
    )
    assert response.status_code == 400 and not Invitation.objects.exists()
    html = response.content.decode()
    assert "Un·e élu·e représente sa commune" in field_error(html, "commune")


def test_the_member_form_keeps_the_same_rule(client, territory, admin):
    member = make_member(territory, Role.PARTNER)
    membership = member.memberships.get()
    edit = url("edit", territory, membership.pk)
    response = client.post(edit, {"role": Role.ELECTED})
    assert response.status_code == 400
    assert "Un·e élu·e représente sa commune" in field_error(response.content.decode(), "commune")
    commune = territory.communes.first()
    response = client.post(edit, {"role": Role.EDITOR, "commune": commune.pk})
    assert response.status_code == 400
    assert "Seul·e·s les élu·e·s" in field_error(response.content.decode(), "commune")
    membership.refresh_from_db()
    assert (membership.role, membership.commune) == (Role.PARTNER, None)


@pytest.mark.parametrize("name", ["list", "edit"])
def test_each_role_is_described_next_to_its_choice(client, territory, admin, name):
    args = [admin.memberships.get().pk] if name == "edit" else []
    response = client.get(url(name, territory, *args))
    html = page(response)
    assert_accessible(html)
    text = response.content.decode()
    for role in Role.values:
        description = role_description(role)
        # The radio button of the role, described by the sentence right after its label.
        radio = re.search(rf'<input type="radio" name="role" value="{role}"[^>]*>', text).group(0)
        described_by = re.search(r'aria-describedby="([^"]+)"', radio).group(1)
        assert f'<p class="hint" id="{described_by}">{escape(description)}</p>' in text
    assert "Peut voir le projet publié" in text


def test_a_commune_of_another_territory_is_refused(client, territory, admin):
    elsewhere = make_territory().communes.first()
    response = client.post(
        url("invite", territory),
        {"email": "e@example.org", "role": Role.ELECTED, "commune": elsewhere.pk},
    )
    assert response.status_code == 400 and not Invitation.objects.exists()


def test_inviting_a_member_is_refused(client, territory, admin):
    make_member(territory, Role.PILOT, "pilote@example.org")
    response = client.post(
        url("invite", territory), {"email": "PILOTE@example.org", "role": Role.EDITOR}
    )
    assert response.status_code == 400
    assert "déjà membre" in response.content.decode()


def test_a_new_invitation_replaces_the_pending_one(client, territory, admin):
    for role in (Role.PARTNER, Role.EDITOR):
        client.post(url("invite", territory), {"email": "x@example.org", "role": role})
    assert list(Invitation.objects.values_list("role", flat=True)) == [Role.EDITOR]


def test_resend_makes_a_new_link_and_the_old_one_stops(client, territory, admin, mailoutbox):
    invitation, token = Invitation.create(territory, "x@example.org", Role.PARTNER)
    assert client.post(url("invitation_resend", territory, invitation.pk)).status_code == 302
    new_link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    client.logout()
    old = client.get(reverse("accounts:invitation", args=[token])).content.decode()
    assert "n’existe pas ou a été annulée" in old
    assert "Créer votre compte" in client.get(new_link).content.decode()


def test_cancel(client, territory, admin):
    invitation, token = Invitation.create(territory, "x@example.org", Role.PARTNER)
    client.post(url("invitation_cancel", territory, invitation.pk))
    assert not Invitation.objects.exists()


def test_change_role_commune_and_commissions(client, territory, admin):
    from faisse.accounts.models import Commission

    member = make_member(territory, Role.PARTNER)
    membership = member.memberships.get()
    commune = territory.communes.last()
    mobility = Commission.objects.create(territory=territory, name="Mobilités")
    Commission.objects.create(territory=territory, name="Finances")
    assert "Mobilités" in client.get(url("edit", territory, membership.pk)).content.decode()
    response = client.post(
        url("edit", territory, membership.pk),
        {"role": Role.ELECTED, "commune": commune.pk, "commissions": [mobility.pk]},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.commune) == (Role.ELECTED, commune)
    assert list(membership.commissions.all()) == [mobility]


def test_remove_keeps_the_account(client, territory, admin):
    member = make_member(territory, Role.PARTNER)
    client.post(url("remove", territory, member.memberships.get().pk), {"confirm": "1"})
    assert not member.memberships.exists()
    member.refresh_from_db()


def test_the_last_admin_cannot_be_removed_nor_demoted(client, territory, admin):
    membership = admin.memberships.get()
    response = client.post(url("edit", territory, membership.pk), {"role": Role.EDITOR})
    assert response.status_code == 400 and "seule administrateur" in response.content.decode()
    client.post(url("remove", territory, membership.pk), {"confirm": "1"})
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN
    # With a second admin, it is possible.
    make_member(territory, Role.ADMIN)
    client.post(url("edit", territory, membership.pk), {"role": Role.EDITOR})
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_another_territorys_members_and_invitations_are_out_of_reach(client, territory, admin):
    other = make_territory()
    stranger = make_member(other, Role.ADMIN)
    invitation, _token = Invitation.create(other, "x@example.org", Role.PARTNER)
    membership = stranger.memberships.get()
    assert client.get(url("edit", territory, membership.pk)).status_code == 404
    assert client.post(url("remove", territory, membership.pk)).status_code == 404
    for name in ("invitation_resend", "invitation_cancel"):
        assert client.post(url(name, territory, invitation.pk)).status_code == 404
    # … and their own pages refuse this admin.
    assert client.get(url("list", other)).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_removing_asks_first_and_changes_nothing_until_confirmed(client, territory, admin):
    member = make_member(territory, Role.PARTNER, first_name="Pascale")
    response = client.post(url("remove", territory, member.memberships.get().pk))
    html = response.content.decode()
    assert response.status_code == 200 and "Retirer Pascale du territoire ?" in html
    assert 'name="confirm" value="1"' in html
    assert_accessible(page(response))
    assert member.memberships.exists()


def test_an_invalid_invitation_is_summed_up_at_the_top_of_the_page(client, territory, admin):
    response = client.post(url("invite", territory), {"email": "pas-une-adresse"})
    html = response.content.decode()
    assert response.status_code == 400
    summary = html.index("champs sont à corriger")
    assert summary < html.index("<table")  # before the members' table, not under it
    assert 'href="#id_email"' in html and html.count("champs sont à corriger") == 1


def test_the_communes_to_choose_are_in_french_order(client, territory, admin):
    from faisse.territories.models import Commune

    Commune.objects.create(territory=territory, insee="30131", name="Génolhac")
    Commune.objects.create(territory=territory, insee="30128", name="Générargues")
    html = client.get(url("list", territory)).content.decode()
    assert html.index(">Générargues<") < html.index(">Génolhac<")
