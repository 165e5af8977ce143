"""The security baseline: headers on every kind of response, production settings,
`faisse check --deploy` clean, no account created by migrations."""

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from faisse.accounts.models import User
from faisse.accounts.testing import make_user
from faisse.accounts.tests.settings_env import (
    PRODUCTION_ENV,
    SECURITY_SETTINGS,
    settings_with,
    subprocess_env,
)

pytestmark = pytest.mark.django_db

PAGES = {
    "a public page": lambda: reverse("portal:home"),
    "an API response": lambda: reverse("api:list_territories"),
    "the admin login": lambda: reverse("admin:login"),
    "the login page": lambda: reverse("accounts:login"),
    "a 404": lambda: "/nulle-part/ni-ailleurs/",
}


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("page", list(PAGES))
def test_responses_carry_the_security_headers(client, page):
    response = client.get(PAGES[page]())
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == csp["form-action"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response  # development: plain HTTP allowed


def test_the_api_docs_run_no_inline_script(client):
    """Swagger UI is served from ninja's own files; its settings travel as JSON data."""
    import re

    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts
    for attributes in scripts:
        assert "src=" in attributes or 'type="application/json"' in attributes
    assert "http://" not in html and "https://" not in html  # nothing from another site


def test_session_cookie_is_http_only(client):
    make_user("camille@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "camille@example.org", "password": "x"}
    )
    assert response.cookies["sessionid"]["httponly"]
    assert not response.cookies["sessionid"]["secure"]  # development


def test_production_settings(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path, **PRODUCTION_ENV)
    assert conf["DEBUG"] is False and conf["SECURE_SSL_REDIRECT"] is True
    assert conf["SECURE_HSTS_SECONDS"] == 31536000
    assert conf["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and conf["SECURE_HSTS_PRELOAD"]
    assert conf["SESSION_COOKIE_SECURE"] and conf["CSRF_COOKIE_SECURE"]
    assert "SECURE_PROXY_SSL_HEADER" not in conf
    behind_proxy = settings_with(
        monkeypatch,
        tmp_path,
        **PRODUCTION_ENV,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
    )
    assert behind_proxy["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_development_settings_stay_usable_over_http(monkeypatch, tmp_path):
    conf = settings_with(monkeypatch, tmp_path)
    assert not conf["SECURE_SSL_REDIRECT"] and conf["SECURE_HSTS_SECONDS"] == 0
    assert not conf["SESSION_COOKIE_SECURE"]
    assert conf["X_FRAME_OPTIONS"] == "DENY" and conf["SESSION_COOKIE_HTTPONLY"]


@pytest.mark.parametrize(
    "missing, extra, message",
    [
        ("SECRET_KEY", {}, "SECRET_KEY must be set"),
        ("ALLOWED_HOSTS", {}, "ALLOWED_HOSTS must be set"),
        (None, {"DEBUG": "1"}, "DEBUG must stay off"),
        ("EMAIL_HOST", {}, "EMAIL_HOST .or EMAIL_BACKEND. must be set"),
        (
            None,
            {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
            "must be set in production",
        ),
        (None, {"CACHE_URL": "memcached://x"}, "CACHE_URL must be a redis"),
    ],
)
def test_production_refuses_unsafe_settings(monkeypatch, tmp_path, missing, extra, message):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing} | extra
    with pytest.raises(ImproperlyConfigured, match=message):
        settings_with(monkeypatch, tmp_path, **env)


def test_production_responses_are_https_only_with_hsts_and_secure_cookies(
    client, monkeypatch, tmp_path
):
    conf = settings_with(monkeypatch, tmp_path, **PRODUCTION_ENV)
    make_user("camille@example.org")
    with override_settings(**{name: conf[name] for name in SECURITY_SETTINGS}):
        plain = client.get(reverse("portal:home"))
        assert plain.status_code == 301 and plain["Location"].startswith("https://")
        response = client.get(reverse("accounts:login"), secure=True)
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        )
        assert response.cookies["csrftoken"]["secure"]
        login = client.post(
            reverse("accounts:login"),
            {"username": "camille@example.org", "password": "x"},
            secure=True,
        )
        assert login.status_code == 302
        assert login.cookies["sessionid"]["secure"] and login.cookies["sessionid"]["httponly"]
        api = client.get(reverse("api:list_territories"), secure=True)
        assert "Strict-Transport-Security" in api and "Content-Security-Policy" in api


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "faisse", "check", "--deploy"],
        env=subprocess_env(tmp_path, **PRODUCTION_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output
    assert "System check identified no issues" in output


def test_check_deploy_warns_without_production_settings(tmp_path):
    """The check itself works: without FAISSE_PRODUCTION it complains about HSTS etc."""
    result = subprocess.run(
        [sys.executable, "-m", "faisse", "check", "--deploy"],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "security.W004" in result.stdout + result.stderr


def test_migrations_create_no_account():
    """Demo accounts come from `faisse demo` only, never from a fresh database."""
    assert not User.objects.exists()
