"""Login throttling (django-axes): after 5 failures for an address, or from an IP
address, logging in is refused for 15 minutes with a French page (HTTP 429)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from faisse.accounts.testing import make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def attempt(client, email, password="faux", ip="192.0.2.10"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_settings_are_the_documented_ones():
    assert settings.AUTHENTICATION_BACKENDS[:3] == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "sesame.backends.ModelBackend",
    ]
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.LOGIN_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_five_failures_lock_the_address_even_with_the_right_password(client):
    make_user("camille@example.org")
    for _ in range(4):
        assert attempt(client, "camille@example.org").status_code == 200
    locked = attempt(client, "Camille@example.org")  # the same address, whatever the case
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Connexion bloquée" in html and "15 minutes" in html
    assert reverse("accounts:signin_link") in html
    # From elsewhere, the right password does not open the locked account either.
    response = attempt(client, "camille@example.org", "x", ip="198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_ends_after_the_cool_off(client):
    make_user("camille@example.org")
    for _ in range(5):
        attempt(client, "camille@example.org")
    assert attempt(client, "camille@example.org", "x").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = attempt(client, "camille@example.org", "x")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_an_ip_address_trying_many_addresses_is_locked(client):
    make_user("camille@example.org")
    for n in range(5):
        attempt(client, f"personne{n}@example.org")
    assert attempt(client, "camille@example.org", "x").status_code == 429
    # Another IP address is not concerned.
    assert attempt(client, "camille@example.org", "x", ip="198.51.100.7").status_code == 302


def test_success_resets_the_count(client):
    make_user("camille@example.org")
    for _ in range(4):
        attempt(client, "camille@example.org")
    assert attempt(client, "camille@example.org", "x").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "camille@example.org").status_code == 200


def test_the_admin_login_is_throttled_too(client):
    make_user("camille@example.org", is_staff=True)
    url = reverse("admin:login")
    for _ in range(5):
        response = client.post(url, {"username": "camille@example.org", "password": "faux"})
    assert response.status_code == 429


def test_bad_signin_links_lock_their_ip_address_only(client, mailoutbox):
    """Failures without an address (sign-in links) are counted by IP address: bad links
    sent from many places must not block everybody's sign-in links."""
    make_user("elu@example.org")
    for n in range(6):
        client.post(
            reverse("accounts:signin_link_open", args=["lien-faux"]),
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
    client.post(reverse("accounts:signin_link"), {"email": "elu@example.org"})
    link = mailoutbox[0].body.split("http://testserver")[1].split()[0]
    assert client.post(link, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_an_ip_address_trying_many_bad_links_is_locked(client, mailoutbox):
    make_user("elu@example.org")
    for _ in range(5):
        client.post(reverse("accounts:signin_link_open", args=["x"]), REMOTE_ADDR="203.0.113.9")
    client.post(reverse("accounts:signin_link"), {"email": "elu@example.org"})
    link = mailoutbox[0].body.split("http://testserver")[1].split()[0]
    assert client.post(link, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.post(link, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_signing_in_to_ones_own_account_does_not_forget_guesses_at_another(client):
    """The attack: 4 wrong guesses at a victim's password, 1 login to one's own account,
    again and again. Only the failures against the account that signed in are forgotten,
    so the fifth guess at the victim locks both the victim's address and the IP address."""
    make_user("victime@example.org")  # password "x"
    make_user("attaquant@example.org")
    for _ in range(4):
        assert attempt(client, "victime@example.org").status_code == 200
    assert attempt(client, "attaquant@example.org", "x").status_code == 302
    client.logout()
    assert attempt(client, "victime@example.org").status_code == 429
    # 16 guesses in the probe: now the right password is refused from there…
    assert attempt(client, "victime@example.org", "x").status_code == 429
    # …and the attacker's IP address is locked for their own account too.
    assert attempt(client, "attaquant@example.org", "x").status_code == 429
    assert "_auth_user_id" not in client.session


def test_success_forgets_the_failures_against_that_account_only(client):
    make_user("camille@example.org")
    for _ in range(2):
        attempt(client, "camille@example.org")
    for _ in range(2):
        attempt(client, "dominique@example.org")
    assert attempt(client, "camille@example.org", "x").status_code == 302
    assert not AccessAttempt.objects.filter(username="camille@example.org").exists()
    assert AccessAttempt.objects.get(username="dominique@example.org").failures_since_start == 2
