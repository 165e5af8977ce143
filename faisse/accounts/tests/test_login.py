"""Signing in with e-mail and password, signing out, the header links."""

import pytest
from django.urls import reverse

from faisse.accounts.models import Membership
from faisse.accounts.testing import make_member, make_user
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_login_page_is_french_and_links_to_signin_links(client):
    response = client.get(reverse("accounts:login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Connexion</h1>" in html
    assert 'for="id_username"' in html and 'type="email"' in html
    assert "Recevoir un lien de connexion par e-mail" in html
    assert reverse("accounts:signin_link") in html
    assert reverse("accounts:password_reset") in html
    assert "ProConnect" not in html  # OpenID Connect is off by default


def test_login_with_any_case_of_the_address_then_next(client):
    make_user("camille@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "Camille@Example.ORG", "password": "x", "next": "/compte/jetons/"},
    )
    assert response.status_code == 302 and response["Location"] == "/compte/jetons/"
    assert client.get(reverse("accounts:account")).status_code == 200


def test_login_refuses_an_outside_next(client):
    make_user("camille@example.org")
    response = client.post(
        reverse("accounts:login"),
        {"username": "camille@example.org", "password": "x", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("accounts:account")


def test_wrong_password_says_so_in_french(client):
    make_user("camille@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "camille@example.org", "password": "faux"}
    )
    assert response.status_code == 200
    assert "Adresse électronique ou mot de passe incorrect" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(client):
    client.force_login(make_user())
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    assert "_auth_user_id" not in client.session


def test_header_shows_login_or_account_and_logout(client):
    html = client.get(reverse("portal:home")).content.decode()
    assert 'href="/connexion/?next=/"' in html and "Se déconnecter" not in html
    client.force_login(make_user())
    html = client.get(reverse("portal:home")).content.decode()
    assert reverse("accounts:account") in html
    assert f'action="{reverse("accounts:logout")}"' in html


def test_pages_reserved_to_members_send_to_the_new_login_page(client, territory):
    response = client.get(reverse("members:list", args=[territory.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")


def test_account_page_lists_roles_and_every_member_s_space(client, territory):
    admin = make_member(territory, "admin", first_name="Camille", last_name="Admin")
    other = make_territory("Autre agglo")
    Membership.objects.create(user=admin, territory=other, role="partner")
    client.force_login(admin)
    html = client.get(reverse("accounts:account")).content.decode()
    assert "Agglo des Faïsses" in html and "Autre agglo" in html
    assert reverse("manage:home", args=[territory.slug]) in html
    assert reverse("manage:home", args=[other.slug]) in html  # a partner has one too


def test_an_elu_s_commune_on_the_account_page_links_to_its_page(client, territory):
    """ "Commune : Anduze" was plain text."""
    elu = make_member(territory, "elected")
    commune = territory.communes.order_by("insee").last()
    Membership.objects.filter(user=elu).update(commune=commune)
    client.force_login(elu)
    html = client.get(reverse("accounts:account")).content.decode()
    commune_url = reverse("portal:commune", args=[territory.slug, commune.insee])
    assert f'<a href="{commune_url}">{commune.name}</a>' in html
    assert client.get(commune_url).status_code == 200


def test_password_change(client):
    user = make_user("camille@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "x",
            "new_password1": "terrasse de pierre seche",
            "new_password2": "terrasse de pierre seche",
        },
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password("terrasse de pierre seche")


def test_a_person_without_password_chooses_one(client):
    user = make_user("agent@example.gouv.fr")
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    response = client.get(reverse("accounts:password_change"))
    assert "old_password" not in response.content.decode()


def test_a_form_with_errors_says_so_in_the_title_and_links_to_the_fields(client):
    response = client.post(reverse("accounts:signin_link"), {"email": "pas-une-adresse"})
    html = response.content.decode()
    assert "<title>Erreur : " in html
    assert 'role="alert"' in html and 'href="#id_email"' in html
    assert "1 champ est à corriger" in html
