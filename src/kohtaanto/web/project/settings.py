"""Django settings for kohtaanto. Every value comes from the environment through ``config``."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from kohtaanto.web.project.config import load_config
from kohtaanto.web.project.logging import configure_logging

CONFIG = load_config(os.environ)
PACKAGE_DIR = Path(__file__).resolve().parents[2]

DEBUG = CONFIG.debug
SECRET_KEY = CONFIG.secret_key
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)
CSRF_TRUSTED_ORIGINS = list(CONFIG.csrf_trusted_origins)
DATA_DIR = CONFIG.data_dir

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "kohtaanto.web.audit",
    "kohtaanto.web.accounts",
    "kohtaanto.web.matching",
    "kohtaanto.web.plainlang",
    "kohtaanto.web.hiring",
    "kohtaanto.web.outreach",
    "kohtaanto.web.coaching",
    "kohtaanto.web.esf",
    "kohtaanto.web.retention",
    "kohtaanto.web.jobs",
    "kohtaanto.web.supports",
    "kohtaanto.web.seeker",
    "kohtaanto.web.outcomes",
    "django_q",
    "mozilla_django_oidc",
    "kohtaanto.web.pages",
    "kohtaanto.web.api",
]

MIDDLEWARE = [
    "kohtaanto.web.project.middleware.RequestIdMiddleware",
    "kohtaanto.web.project.middleware.UnstorableInputMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kohtaanto.web.project.middleware.PrivateResponsesMiddleware",
    "kohtaanto.web.project.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kohtaanto.web.project.urls"
WSGI_APPLICATION = "kohtaanto.web.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [
            Path(__file__).resolve().parent / "templates"
        ],  # project-wide overrides (e.g. admin/base_site.html)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "kohtaanto.web.pages.context.site",
            ],
            "builtins": ["kohtaanto.web.pages.templatetags.locale_format"],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(CONFIG.database_url, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The database holds health-related data: its files are the owner's only, also those made earlier.
    for _suffix in ("", "-wal", "-shm"):
        _file = Path(str(DATABASES["default"]["NAME"]) + _suffix)
        if _file.is_file() and _file.stat().st_mode & 0o077:
            _file.chmod(0o600)
# Files this process makes (the SQLite database, backups, restored copies, exports) are private.
os.umask(0o077)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: sessions made without a password name it
    "kohtaanto.web.accounts.signin.GuardBackend",  # sprays from one address, guesses from many
    "kohtaanto.web.accounts.oidc.Backend",  # does nothing unless OpenID Connect is configured
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in through OpenID Connect (mozilla-django-oidc), off unless KOHTAANTO_OIDC_CLIENT_ID is set.
_OIDC = CONFIG.oidc or {}
KOHTAANTO_OIDC_ENABLED = bool(_OIDC)
KOHTAANTO_OIDC_NAME = _OIDC.get("name", "")
KOHTAANTO_OIDC_NEW_JOB_SEEKERS_AREA = _OIDC.get("new_job_seekers_area", "")
OIDC_RP_CLIENT_ID = _OIDC.get("client_id", "")
OIDC_RP_CLIENT_SECRET = _OIDC.get("client_secret", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = _OIDC.get("authorization", "")
OIDC_OP_TOKEN_ENDPOINT = _OIDC.get("token", "")
OIDC_OP_USER_ENDPOINT = _OIDC.get("userinfo", "")
OIDC_OP_JWKS_ENDPOINT = _OIDC.get("jwks", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_CREATE_USER = True  # the backend makes job-seeker accounts only where an area is configured
LOGIN_REDIRECT_URL_FAILURE = "/login/?oidc=failed"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "pages:login"
LOGIN_REDIRECT_URL = "pages:dashboard"
LOGOUT_REDIRECT_URL = "pages:login"

# Failed-login throttling (django-axes): 5 failures per username and address lock for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kohtaanto.web.accounts.lockout.lockout_response"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = 1 if CONFIG.behind_tls_proxy else None

LANGUAGE_CODE = "fi"
# The whole service speaks fi, sv and en; a job seeker's own journey also ru, et, ar (right to left), uk and
# so (kohtaanto.core.language.JOURNEY_LANGUAGES). Each name is written in its own language.
LANGUAGES = [
    ("fi", "suomi"),
    ("sv", "svenska"),
    ("en", "English"),
    ("ru", "Русский"),
    ("et", "Eesti"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("so", "Soomaali"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "kohtaanto_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = CONFIG.production
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
FORMAT_MODULE_PATH = ["kohtaanto.web.project.formats"]  # dates as written in Finland, in fi and sv
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if CONFIG.production
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not CONFIG.production
if not CONFIG.production:
    STATIC_ROOT.mkdir(
        parents=True, exist_ok=True
    )  # whitenoise expects it; collectstatic fills it in production

# Security headers and cookies.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CONFIG.production
CSRF_COOKIE_SECURE = CONFIG.production
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if CONFIG.production:
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = CONFIG.behind_tls_proxy
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if CONFIG.behind_tls_proxy:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kohtaanto.web.accounts.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "kohtaanto.web.api.pagination.BoundedLimitOffset",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kohtaanto.web.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["kohtaanto.web.api.parsers.SafeJSONParser"],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.ScopedRateThrottle",
        "kohtaanto.web.api.throttles.UserRate",
        "kohtaanto.web.api.throttles.AnonRate",
    ],
    "DEFAULT_THROTTLE_RATES": {"token": "20/min"},
}
KOHTAANTO_AUDIT_KEY = CONFIG.audit_key
KOHTAANTO_BACKUP_KEY = os.environ.get("KOHTAANTO_BACKUP_KEY", "")
KOHTAANTO_API_TOKEN_DAYS = CONFIG.api_token_days
# Employers' job → people runs per organisation: an hour's runs, and a day's runs flagged as probes.
KOHTAANTO_EMPLOYER_RUN_LIMITS = {
    "runs_per_hour": CONFIG.employer_runs_per_hour,
    "probes_per_day": CONFIG.employer_probes_per_day,
}
# Per-process counters (the default cache); with several server processes the limit is per process.
KOHTAANTO_API_RATES = {
    "user": os.environ.get("KOHTAANTO_API_RATE_USER", "600/min"),
    "anon": os.environ.get("KOHTAANTO_API_RATE_ANON", "60/min"),
    "integration": os.environ.get("KOHTAANTO_API_RATE_INTEGRATION", "6000/min"),
}
# Request bodies: at most 2.5 MB in memory and 2 000 form fields (file uploads have their own limits).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SPECTACULAR_SETTINGS = {
    "TITLE": "kohtaanto API",
    "DESCRIPTION": (
        "Inclusive recruitment: people, organisations, employment areas and the audit trail. Errors are in "
        "English; what answers explain follows `lang` or your saved language. Text in a request must not "
        "contain a NUL character or an unpaired surrogate (400). Unknown query parameters are ignored."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "OAS_VERSION": "3.1.0",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kohtaanto.web.api.schemas.require_request_bodies",
    ],
    # one name for each set of language choices (the interface's, and a text's with "auto")
    "ENUM_NAME_OVERRIDES": {
        "UiLanguageEnum": "kohtaanto.web.accounts.models.Language",
        "TextLanguageEnum": ["auto", "fi", "sv", "en"],
    },
}
# HSTS preload is a commitment an operator makes for the whole domain (and cannot quickly undo); the
# site sends HSTS with subdomains, and the operator adds the domain to the preload list if they choose.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

configure_logging(CONFIG.log_format, CONFIG.log_level)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Background jobs (django-q2 on the ORM broker: the same database, SQLite or PostgreSQL). A job whose
# worker dies is handed out again after ``retry`` seconds, up to ``max_attempts`` times.
Q_CLUSTER = {
    "name": "kohtaanto",
    "orm": "default",
    "workers": 1,
    "timeout": CONFIG.job_timeout,
    "retry": CONFIG.job_retry,
    "max_attempts": 3,
    "ack_failures": False,
    "catch_up": False,
    "poll": 1,
    "save_limit": 1000,
    "label": "Jobs",
}

# E-mail (reminders): SMTP when KOHTAANTO_SMTP_HOST is set, otherwise files under DATA_DIR/mail.
if os.environ.get("KOHTAANTO_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["KOHTAANTO_SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("KOHTAANTO_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("KOHTAANTO_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("KOHTAANTO_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = True
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(DATA_DIR / "mail")
DEFAULT_FROM_EMAIL = os.environ.get("KOHTAANTO_EMAIL_FROM", "kohtaanto@localhost")
