"""Django settings for Faïsse, driven by environment variables.

FAISSE_DATA_DIR  where the SQLite file and uploaded files live (default ./var)
DATABASE_URL     e.g. postgres://user@host:5432/name (default: SQLite in FAISSE_DATA_DIR)
DB_CONN_MAX_AGE  seconds a PostgreSQL connection is kept between requests (default 0)
SECRET_KEY       required in production (FAISSE_PRODUCTION=1); a development key otherwise
DEBUG            "1"/"true" to turn on (default off; refused in production)
ALLOWED_HOSTS    comma-separated (default: localhost names; required in production)

Accounts, e-mail, cache and security settings (FAISSE_PRODUCTION, EMAIL_*, CACHE_URL,
FAISSE_LOGIN_*, FAISSE_SIGNIN_LINK_MINUTES, OIDC_*, SECURE_PROXY_SSL_HEADER…) are
described in docs/operations.md.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int, *, highest: int | None = None) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < 1 or (highest is not None and value > highest):
        bounds = f"between 1 and {highest}" if highest is not None else "at least 1"
        raise ImproperlyConfigured(f"{name} must be {bounds}, not {value}.")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("FAISSE_DATA_DIR", "var")).resolve()

# FAISSE_PRODUCTION=1 turns on everything a public deployment needs (HTTPS only, HSTS,
# secure cookies) and refuses to start with a development key or DEBUG.
PRODUCTION = env_bool("FAISSE_PRODUCTION")
DEBUG = env_bool("DEBUG")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must stay off in production (FAISSE_PRODUCTION=1).")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production (FAISSE_PRODUCTION=1).")
    # Development and demo only: a production deployment sets SECRET_KEY.
    SECRET_KEY = "insecure-dev-key-set-SECRET_KEY-in-production"
if PRODUCTION and not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (FAISSE_PRODUCTION=1).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",  # login throttling
    "csp",  # Content-Security-Policy (its checks catch outdated settings)
    "faisse.core",
    "faisse.accounts",
    "faisse.history",
    "ninja",  # serves the API docs page from its bundled Swagger UI files, not a CDN
    "faisse.territories",
    "faisse.plans",
    "faisse.participation",
    "faisse.locations",
    "faisse.actions",
    "faisse.indicators",
    "faisse.meetings",
    "faisse.questionnaires",
    "faisse.proposals",
    "faisse.reports",
    "faisse.manage",
    "faisse.portal",
    "faisse.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
]

ROOT_URLCONF = "faisse.urls"
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
        # Tests use a file too, not Django's shared in-memory database: its table locks
        # behave unlike a real WAL file, and the concurrency tests need the real thing.
        # One file per test run (process), so that two runs never share it.
        "TEST": {"NAME": str(DATA_DIR / f"test-faisse-{os.getpid()}.sqlite3")},
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

# Limits on what one plan, one file or one request may hold (docs/operations.md, "Limits").
# Levels of a plan's tree, sub-actions included (axis 1, orientation 2 … action 5); pages
# nest one element in another, so the ceiling keeps them far from Python's recursion limit.
MAX_PLAN_DEPTH = env_int("FAISSE_MAX_PLAN_DEPTH", 10, highest=25)
MAX_PLAN_NODES = env_int("FAISSE_MAX_PLAN_NODES", 5000)  # elements of one plan
MAX_UPLOAD_BYTES = env_int("FAISSE_MAX_UPLOAD_MB", 5) << 20  # an imported file
MAX_TITLE_LENGTH = env_int("FAISSE_MAX_TITLE_LENGTH", 1000)  # characters of a title
MAX_TEXT_LENGTH = env_int("FAISSE_MAX_TEXT_LENGTH", 20000)  # of a description, a note
# A request body may carry a title and three long texts, each character taking up to 12
# bytes once encoded (%XX%XX%XX%XX in a form, \uXXXX\uXXXX in JSON).
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, 12 * (MAX_TITLE_LENGTH + 3 * MAX_TEXT_LENGTH) + 65_536)

# Accounts: e-mail and password, one-time sign-in links (django-sesame), login throttling
# (django-axes), optional OpenID Connect (ProConnect). See docs/operations.md.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "portal:home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out people
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]

SIGNIN_LINK_MINUTES = int(os.environ.get("FAISSE_SIGNIN_LINK_MINUTES", "15"))
SESAME_MAX_AGE = SIGNIN_LINK_MINUTES * 60
SESAME_ONE_TIME = True  # a link works once: logging in invalidates it
SESAME_TOKENS = ["sesame.tokens_v2"]
# One sign-in link or password reset e-mail per address and per this many seconds.
ACCOUNT_EMAIL_INTERVAL = int(os.environ.get("FAISSE_ACCOUNT_EMAIL_INTERVAL", "60"))

AXES_FAILURE_LIMIT = int(os.environ.get("FAISSE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("FAISSE_LOGIN_LOCKOUT_MINUTES", "15")))
# Lock an address after repeated failures, and an IP address trying many addresses.
# "username+ip_address" would lock only the pair.
LOGIN_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item
    for item in env_list("FAISSE_LOGIN_LOCKOUT_PARAMETERS", "username,ip_address")
]
AXES_LOCKOUT_PARAMETERS = "faisse.accounts.throttling.lockout_parameters"
AXES_USERNAME_FORM_FIELD = "username"  # the field name of Django's login forms
AXES_USERNAME_CALLABLE = "faisse.accounts.throttling.attempted_email"
AXES_LOCKOUT_CALLABLE = "faisse.accounts.views.lockout"
# A successful login forgets only the failures against the account that signed in
# (faisse.accounts.throttling.forget_own_failures): axes' own reset would also forget an
# IP address's failures against other people's accounts.
AXES_RESET_ON_SUCCESS = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "sesame", "token"]
if os.environ.get("FAISSE_PROXY_COUNT"):  # behind reverse proxies that set X-Forwarded-For
    AXES_IPWARE_PROXY_COUNT = int(os.environ["FAISSE_PROXY_COUNT"])
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# OpenID Connect: entirely off unless OIDC_RP_CLIENT_ID is set. A person is matched by
# e-mail address; a login never creates a membership.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    _oidc_required = [
        "OIDC_RP_CLIENT_SECRET",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
        "OIDC_OP_TOKEN_ENDPOINT",
        "OIDC_OP_USER_ENDPOINT",
    ] + (["OIDC_OP_JWKS_ENDPOINT"] if OIDC_RP_SIGN_ALGO[:2] in {"RS", "ES"} else [])
    _oidc_missing = [name for name in _oidc_required if not os.environ.get(name)]
    if _oidc_missing:
        raise ImproperlyConfigured("OIDC_RP_CLIENT_ID is set but not " + ", ".join(_oidc_missing))
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email given_name usual_name")
    OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER")  # off: only people already known
    OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "ProConnect")
    OIDC_TIMEOUT = 10
    LOGIN_REDIRECT_URL_FAILURE = "/connexion/?oidc=echec"
    AUTHENTICATION_BACKENDS.append("faisse.accounts.oidc.OIDCBackend")

# E-mail: printed on the console unless an SMTP server is given.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
UNDELIVERED = ("console", "locmem", "dummy", "filebased")  # Django's backends that never send
if PRODUCTION and EMAIL_BACKEND.rsplit(".", 2)[-2] in UNDELIVERED:
    raise ImproperlyConfigured(
        "EMAIL_HOST (or EMAIL_BACKEND) must be set in production (FAISSE_PRODUCTION=1): "
        "sign-in links and invitations would be printed in the logs instead of sent."
    )
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Faïsse <ne-pas-repondre@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Cache: in each process by default. Several processes (workers, servers) share one with
# CACHE_URL=redis://host:6379/0, so that the limits on e-mails sent hold across them.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "faisse",
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must be a redis:// (or rediss://, unix://) address.")

# Security. Always: no framing, no MIME sniffing, no referrer to other sites, HttpOnly
# session cookie, a strict Content-Security-Policy. In production: HTTPS only.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
if os.environ.get("SECURE_PROXY_SSL_HEADER"):  # e.g. "HTTP_X_FORWARDED_PROTO,https"
    _header, _, _value = os.environ["SECURE_PROXY_SSL_HEADER"].partition(",")
    SECURE_PROXY_SSL_HEADER = (_header.strip(), _value.strip() or "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script: a page that needs one adds the request's nonce to its tag.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

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
