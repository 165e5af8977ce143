"""Django settings for Faïsse, driven by environment variables.

FAISSE_DATA_DIR  where the SQLite file and uploaded files live (default ./var)
DATABASE_URL     e.g. postgres://user@host:5432/name (default: SQLite in FAISSE_DATA_DIR)
DB_CONN_MAX_AGE  seconds a PostgreSQL connection is kept between requests (default 0)
SECRET_KEY       required when DEBUG is off
DEBUG            "1"/"true" to turn on (default off)
ALLOWED_HOSTS    comma-separated (default: localhost names)
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("FAISSE_DATA_DIR", "var")).resolve()

DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("FAISSE_INSECURE_DEV_KEY", default=True):
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    # Development and demo only: a production deployment sets SECRET_KEY.
    SECRET_KEY = "insecure-dev-key-set-SECRET_KEY-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "faisse.accounts",
    "faisse.history",
    "ninja",  # serves the API docs page from its bundled Swagger UI files, not a CDN
    "faisse.territories",
    "faisse.plans",
    "faisse.participation",
    "faisse.locations",
    "faisse.portal",
    "faisse.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "faisse.urls"
LOGIN_URL = "admin:login"
WSGI_APPLICATION = "faisse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        # Persistent connections (seconds) are worth it behind a real server; off by default.
        max_age = int(os.environ.get("DB_CONN_MAX_AGE", "0"))
        return dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=max_age > 0)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "faisse.sqlite3",
        "OPTIONS": {
            # WAL lets readers work while a writer commits; IMMEDIATE avoids
            # "database is locked" upgrades in the middle of a transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface is written in French (the source language of its messages) and goes
# through Django's translation machinery so that other languages can be added.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
# Static files are served from the installed apps by WhiteNoise (no collectstatic step);
# STATIC_ROOT is only needed by those who want to collect them for another server.
STATIC_ROOT = os.environ.get("FAISSE_STATIC_ROOT") or None
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG  # pick up edited static files without a restart

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
