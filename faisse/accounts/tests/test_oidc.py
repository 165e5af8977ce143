"""OpenID Connect (ProConnect): off by default, switched on by environment variables.
No test contacts an identity provider."""

import importlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse

from faisse.accounts.models import Membership, Role
from faisse.accounts.testing import make_member, make_user
from faisse.accounts.tests.settings_env import settings_with

pytest.importorskip("mozilla_django_oidc")
pytestmark = pytest.mark.django_db

OIDC_ENV = {
    "OIDC_RP_CLIENT_ID": "faisse-test",
    "OIDC_RP_CLIENT_SECRET": "secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
}
BACKEND = "faisse.accounts.oidc.OIDCBackend"


def test_off_by_default(client):
    assert settings.OIDC_ENABLED is False
    assert BACKEND not in settings.AUTHENTICATION_BACKENDS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert client.get("/oidc/authenticate/").status_code == 404
    assert "ProConnect" not in client.get(reverse("accounts:login")).content.decode()


def test_environment_switches_it_on(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path, **OIDC_ENV)
    assert conf["OIDC_ENABLED"] is True
    assert conf["AUTHENTICATION_BACKENDS"][0] == "axes.backends.AxesStandaloneBackend"
    assert conf["AUTHENTICATION_BACKENDS"][-1] == BACKEND
    assert conf["OIDC_RP_SIGN_ALGO"] == "RS256"
    assert conf["OIDC_CREATE_USER"] is False
    assert conf["OIDC_OP_JWKS_ENDPOINT"] == "https://idp.example/jwks"


def test_an_incomplete_configuration_is_refused(monkeypatch, tmp_path):
    env = {k: v for k, v in OIDC_ENV.items() if k != "OIDC_OP_TOKEN_ENDPOINT"}
    with pytest.raises(ImproperlyConfigured, match="OIDC_OP_TOKEN_ENDPOINT"):
        settings_with(monkeypatch, tmp_path, **env)


@pytest.fixture
def oidc_on(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path, **OIDC_ENV)
    names = [name for name in conf if name.startswith("OIDC_")]
    names += ["AUTHENTICATION_BACKENDS", "LOGIN_REDIRECT_URL_FAILURE"]
    import faisse.urls

    with override_settings(**{name: conf[name] for name in names}):
        importlib.reload(faisse.urls)
        clear_url_caches()
        yield
    importlib.reload(faisse.urls)
    clear_url_caches()


def test_the_login_page_offers_proconnect_and_the_link_goes_to_the_provider(client, oidc_on):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "Se connecter avec ProConnect" in html
    response = client.get(reverse("oidc_authentication_init"))
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        "https://idp.example/authorize"
    )
    query = parse_qs(location.query)
    assert query["client_id"] == ["faisse-test"] and query["state"]
    assert query["redirect_uri"] == ["http://testserver/oidc/callback/"]


def backend_with_claims(monkeypatch, claims):
    from faisse.accounts.oidc import OIDCBackend

    backend = OIDCBackend()
    monkeypatch.setattr(backend, "get_userinfo", lambda *args: claims)
    return backend


def test_a_person_is_matched_by_email_and_gets_no_role(monkeypatch, oidc_on, territory):
    known = make_user("agent@example.gouv.fr")
    claims = {"email": "Agent@Example.GOUV.fr", "given_name": "Alex", "usual_name": "Agent"}
    user = backend_with_claims(monkeypatch, claims).get_or_create_user("at", "it", {})
    assert user == known
    assert user.get_full_name() == "Alex Agent"  # missing names are filled in
    assert not Membership.objects.exists()


def test_roles_are_never_changed_by_the_provider(monkeypatch, oidc_on, territory):
    member = make_member(territory, Role.PARTNER, "agent@example.gouv.fr")
    claims = {"email": "agent@example.gouv.fr", "given_name": "A", "usual_name": "B"}
    backend_with_claims(monkeypatch, claims).get_or_create_user("at", "it", {})
    assert list(Membership.objects.values_list("user", "role")) == [(member.pk, Role.PARTNER)]


def test_unknown_people_are_refused_unless_creation_is_on(monkeypatch, oidc_on):
    claims = {"email": "nouveau@example.gouv.fr", "given_name": "N", "usual_name": "V"}
    assert backend_with_claims(monkeypatch, claims).get_or_create_user("at", "it", {}) is None
    with override_settings(OIDC_CREATE_USER=True):
        user = backend_with_claims(monkeypatch, claims).get_or_create_user("at", "it", {})
    assert user.email == "nouveau@example.gouv.fr" and not user.has_usable_password()
    assert not Membership.objects.exists()
