"""E-mails about a territory come in its name ("Alès Agglomération via Faïsse", at the
address of DEFAULT_FROM_EMAIL), with French subjects and bodies that name it; an
invitation can be answered to the person who invited."""

import re
from email import message_from_bytes, policy

import pytest
from django.urls import reverse

from faisse.accounts.models import Invitation, Membership, Role
from faisse.accounts.testing import make_member, make_user
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sender(settings):
    settings.DEFAULT_FROM_EMAIL = "Faïsse <ne-pas-repondre@faisse.example>"


def headers(message):
    """The headers as a mail program reads them (decoded)."""
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    return {name: str(parsed[name]).strip() for name in ("From", "Reply-To", "Subject")}


def test_an_invitation_comes_in_the_territory_s_name_and_answers_to_the_inviter(
    client, territory, mailoutbox
):
    admin = make_member(
        territory, Role.ADMIN, "camille@example.org", first_name="Camille", last_name="Roux"
    )
    client.force_login(admin)
    client.post(
        reverse("members:invite", args=[territory.slug]),
        {"email": "nouvelle@example.org", "role": Role.PARTNER},
    )
    sent = headers(mailoutbox[0])
    assert sent["From"] == "Agglo des Faïsses via Faïsse <ne-pas-repondre@faisse.example>"
    assert sent["Reply-To"] == "Camille Roux <camille@example.org>"
    assert sent["Subject"] == "Invitation à rejoindre Agglo des Faïsses sur Faïsse"
    body = mailoutbox[0].body
    assert "Camille Roux vous invite à rejoindre le territoire Agglo des Faïsses" in body
    assert "le projet de territoire d’Agglo des Faïsses" in body
    assert "Répondez à ce message : votre réponse ira à Camille Roux." in body
    assert "Agglo des Faïsses via Faïsse" in body.split("-- \n")[1]


def test_a_resent_invitation_too(client, territory, mailoutbox):
    client.force_login(make_member(territory, Role.ADMIN, "camille@example.org"))
    invitation, _token = Invitation.create(territory, "x@example.org", Role.PARTNER)
    client.post(reverse("members:invitation_resend", args=[territory.slug, invitation.pk]))
    sent = headers(mailoutbox[0])
    assert sent["From"].startswith("Agglo des Faïsses via Faïsse <")
    assert sent["Reply-To"] == "camille@example.org"


def test_a_territory_name_with_a_comma_or_quotes_stays_one_name(client, mailoutbox):
    territory = make_territory('Communauté "Cévennes, Gardons"')
    client.force_login(make_member(territory, Role.ADMIN))
    client.post(
        reverse("members:invite", args=[territory.slug]),
        {"email": "x@example.org", "role": Role.PARTNER},
    )
    parsed = message_from_bytes(mailoutbox[0].message().as_bytes(), policy=policy.default)
    (sender,) = parsed["From"].addresses
    assert sender.display_name == 'Communauté "Cévennes, Gardons" via Faïsse'
    assert sender.addr_spec == "ne-pas-repondre@faisse.example"


def test_a_sign_in_link_of_a_member_of_one_territory_comes_in_its_name(
    client, territory, mailoutbox
):
    make_member(territory, Role.ELECTED, "elu@example.org")
    client.post(reverse("accounts:signin_link"), {"email": "elu@example.org"})
    sent = headers(mailoutbox[0])
    assert sent["From"] == "Agglo des Faïsses via Faïsse <ne-pas-repondre@faisse.example>"
    assert sent["Subject"] == "Votre lien de connexion à Faïsse pour Agglo des Faïsses"
    assert "l’espace d’Agglo des Faïsses" in mailoutbox[0].body
    assert sent["Reply-To"] == "None"  # nobody to answer


def test_a_sign_in_link_asked_from_a_territory_s_page_comes_in_its_name(client, mailoutbox):
    first, second = make_territory("Alès Agglomération"), make_territory("Causses Aigoual")
    user = make_member(first, Role.PARTNER, "p@example.org")
    Membership.objects.create(user=user, territory=second, role=Role.PARTNER)
    ask = reverse("accounts:signin_link")
    client.post(ask, {"email": "p@example.org", "next": f"/{second.slug}/plan/"})
    assert headers(mailoutbox[0])["From"].startswith("Causses Aigoual via Faïsse")
    assert "pour Causses Aigoual" in mailoutbox[0].subject


def test_a_sign_in_link_to_accept_an_invitation_comes_in_its_territory_s_name(client, mailoutbox):
    territory = make_territory("Alès Agglomération")
    make_user("nouveau@example.org")  # an account, no role yet
    _invitation, token = Invitation.create(territory, "nouveau@example.org", Role.PARTNER)
    next_url = reverse("accounts:invitation", args=[token])
    client.post(reverse("accounts:signin_link"), {"email": "nouveau@example.org", "next": next_url})
    assert headers(mailoutbox[0])["From"].startswith("Alès Agglomération via Faïsse")
    assert "l’espace d’Alès Agglomération" in mailoutbox[0].body


def test_without_one_territory_the_e_mail_comes_from_faisse(client, mailoutbox):
    user = make_member(make_territory("Alès Agglomération"), Role.PARTNER, "p@example.org")
    Membership.objects.create(user=user, territory=make_territory(), role=Role.PARTNER)
    client.post(reverse("accounts:signin_link"), {"email": "p@example.org"})
    sent = headers(mailoutbox[0])
    assert sent["From"] == "Faïsse <ne-pas-repondre@faisse.example>"
    assert sent["Subject"] == "Votre lien de connexion à Faïsse"


def test_a_password_reset_comes_in_the_territory_s_name(client, territory, mailoutbox):
    make_member(territory, Role.EDITOR, "ed@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "ed@example.org"})
    sent = headers(mailoutbox[0])
    assert sent["From"] == "Agglo des Faïsses via Faïsse <ne-pas-repondre@faisse.example>"
    assert sent["Subject"] == "Choisir un nouveau mot de passe sur Faïsse pour Agglo des Faïsses"
    body = mailoutbox[0].body
    assert "votre compte Faïsse, l’espace d’Agglo des Faïsses" in body
    assert re.search(r"https?://\S+/mot-de-passe/nouveau/", body)
