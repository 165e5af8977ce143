"""/compte/jetons/: create a token shown once, revoke it; only for the person's territories."""

import pytest

from faisse.accounts.models import ApiToken, Role
from faisse.accounts.testing import make_member
from faisse.territories.testing import make_territory

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    assert client.get("/compte/jetons/").status_code == 302
    assert client.post("/compte/jetons/creer/").status_code == 302


def test_create_shows_the_secret_once_then_revoke(client):
    territory = make_territory()
    user = make_member(territory, Role.EDITOR)
    client.force_login(user)
    response = client.post(
        "/compte/jetons/creer/",
        {"territory": territory.pk, "scope": "read", "name": "Tableur"},
        follow=True,
    )
    token = ApiToken.objects.get(user=user)
    page = response.content.decode()
    secret = page.split('id="jeton" value="')[1].split('"')[0]
    assert ApiToken.find(secret) == token
    assert secret not in client.get("/compte/jetons/").content.decode()  # shown once
    confirm_page = client.post(f"/compte/jetons/{token.pk}/revoquer/").content.decode()
    assert "Révoquer le jeton" in confirm_page and ApiToken.find(secret) == token  # asked
    client.post(f"/compte/jetons/{token.pk}/revoquer/", {"confirm": "1"})
    assert ApiToken.find(secret) is None


def test_no_token_for_a_territory_without_role_nor_revoking_someone_else_s(client):
    mine, other = make_territory(), make_territory()
    user = make_member(mine, Role.PARTNER)
    client.force_login(user)
    response = client.post(
        "/compte/jetons/creer/", {"territory": other.pk, "scope": "read", "name": "x"}, follow=True
    )
    assert "où vous avez un rôle" in response.content.decode()
    assert not ApiToken.objects.exists()
    someone, _secret = ApiToken.create(make_member(other, Role.ADMIN), other, "x", "read")
    assert client.post(f"/compte/jetons/{someone.pk}/revoquer/").status_code == 404
    someone.refresh_from_db()
    assert someone.revoked_at is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("jeton\x00nul", "Caractère nul"),
        ("cloche\x07", "Caractère de contrôle U+0007"),
        ("x" * 101, "au plus 100 caractères"),
        ("   ", "Donnez un nom"),
    ],
)
def test_a_bad_token_name_is_refused_with_a_message(client, name, message):
    """The probe's NUL in a token name gave a 500 on PostgreSQL; a long name was cut."""
    territory = make_territory()
    client.force_login(make_member(territory, Role.EDITOR))
    response = client.post(
        "/compte/jetons/creer/",
        {"territory": territory.pk, "scope": "read", "name": name},
        follow=True,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()
