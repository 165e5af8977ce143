"""Read faisse/settings.py again with another environment, without touching Django's
configured settings: what a deployment with these variables would get."""

import os
import runpy
from pathlib import Path

import faisse.settings

STRONG_KEY = "k3y-" + "Zx8#qLm2$Wn5^Rt7&Yp9(Vb4)Hs6-Jd1+Gf0=Ce3!Ua" * 2
PRODUCTION_ENV = {
    "FAISSE_PRODUCTION": "1",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "faisse.example.org",
    "EMAIL_HOST": "smtp.example.org",
}
SECURITY_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_HTTPONLY",
    "CONTENT_SECURITY_POLICY",
)
# Variables of the test run's own environment that would change the result.
CLEARED = (
    "DEBUG",
    "FAISSE_PRODUCTION",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "OIDC_RP_CLIENT_ID",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "CACHE_URL",
)


def settings_with(monkeypatch, tmp_path: Path, **env: str) -> dict:
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FAISSE_DATA_DIR", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(faisse.settings.__file__)


def subprocess_env(tmp_path: Path, **env: str) -> dict:
    """The environment of a `faisse` subprocess: this one, without what the test run
    itself sets (pytest-django's DJANGO_ALLOW_ASYNC_UNSAFE, for browser tests)."""
    dropped = {*CLEARED, "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return base | {"FAISSE_DATA_DIR": str(tmp_path)} | env
