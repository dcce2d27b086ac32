"""Django settings: the only module that reads the environment. No side effects at import.

Environment:
  EXPORTCTL_DATA_DIR    data directory (SQLite file, uploads, secret key); default ./var
  DATABASE_URL          postgres://user@host:port/db (PostgreSQL) or sqlite:///path; default SQLite
  EXPORTCTL_SECRET_KEY  secret key; default: the file <data dir>/secret_key written by `exportctl init`
  EXPORTCTL_DEBUG       1 to enable debug pages
  EXPORTCTL_ALLOWED_HOSTS  comma-separated; default localhost,127.0.0.1
  EXPORTCTL_EMAIL_BACKEND  Django e-mail backend path; default console
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("EXPORTCTL_DATA_DIR", "var")).resolve()


def _flag(name: str, default: str = "0") -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value not in {"0", "1", "true", "false", "yes", "no", ""}:
        raise ImproperlyConfigured(f"{name} must be 0 or 1, not {value!r}")
    return value in {"1", "true", "yes"}


def _database(url: str | None) -> dict[str, object]:
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "exportctl.sqlite3")}
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        path = path[1:] if path.startswith("//") else path
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")) or "exportctl",
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "TEST": {"NAME": (unquote(parsed.path.lstrip("/")) or "exportctl") + "_pytest"},
        }
    raise ImproperlyConfigured(f"DATABASE_URL scheme {parsed.scheme!r} is not sqlite or postgres")


def _secret_key() -> str:
    if key := os.environ.get("EXPORTCTL_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    # Not an error at import: `exportctl init` writes the file before anything is served.
    return "unset-run-exportctl-init"


DEBUG = _flag("EXPORTCTL_DEBUG")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("EXPORTCTL_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "exportctl.accounts",
    "exportctl.audit",
    "exportctl.catalogue",
    "exportctl.parties",
    "exportctl.screening",
    "exportctl.determination",
    "exportctl.licensing",
    "exportctl.web",
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
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "exportctl.accounts.middleware.OrganisationMiddleware",
]

ROOT_URLCONF = "exportctl.urls"
WSGI_APPLICATION = "exportctl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "exportctl.web.context.navigation",
            ],
            "builtins": ["exportctl.web.templatetags.exportctl_tags"],
        },
    }
]

DATABASES = {"default": _database(os.environ.get("DATABASE_URL"))}
# Per-process memory cache: only values that may lag a few seconds go here (the queue's count of
# open cases); nothing that decides access, statuses or deadlines.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# ModelBackend that reads the organisation with the user (one query less per page). Sessions
# remember their backend, so sessions signed in under another backend must sign in again.
AUTHENTICATION_BACKENDS = ["exportctl.web.session_user.UserWithOrganisationBackend"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "exportctl_language"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_ROOT = DATA_DIR / "uploads"  # outside the web root; never served as static files

EMAIL_BACKEND = os.environ.get(
    "EXPORTCTL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = "exportctl@localhost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
