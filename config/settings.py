"""Settings for the agency site, read from the environment (see .env.example)."""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from contacts.otp import totp_issuer
from pagecache.configuration import guarded

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

# Development may run on a throwaway key; anything else must be given one.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see .env.example)."
        )
    SECRET_KEY = "django-insecure-development-only"  # noqa: S105 (debug only)

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The admin lives at an address of the deployment's choosing, e.g. "office-7f3a/".
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/")

INSTALLED_APPS = [
    # Before the admin, as its documentation asks: its translated fields then appear in the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "solo",
    "phonenumber_field",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "pagecache",
    "news",
    "contacts",
    "alerts",
    # Last, as its documentation asks: deletes a replaced or removed upload once the change is
    # committed, for the models that opt in (not the revision history's copies).
    "django_cleanup.apps.CleanupSelectedConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.csp.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the ETag, which is the uncompressed body's (weakened when compressed), and below the
    # static files, which WhiteNoise serves pre-compressed.
    "core.compression.TextGZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Cached public pages are answered here, with every header above and nothing below.
    "pagecache.middleware.PageCacheMiddleware",
    # Only the admin's requests are refused, and no cached page is one.
    "core.errors.refuse_null_characters",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's (/ru/, /be/, /en/); elsewhere (the admin) the staff member's.
    "core.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.errors.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into a 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "contacts.context_processors.contact_block",
                "core.low_vision.low_vision",
                "pagecache.generation.content_generation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Connections are kept between requests (opening one costs more than a page's queries); the health
# check replaces one that a database restart has broken.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A server that accepts and never answers (a dropped route) gives readers the 503 page, not
    # a worker stuck until gunicorn kills it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DJANGO_DB_CONNECT_TIMEOUT", default=5)
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two saves at once: the second waits for the write lock (`timeout` s) rather than failing
    # with "database is locked"; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("DJANGO_SQLITE_TIMEOUT", default=20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    } | DATABASES["default"].get("OPTIONS", {})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every process (a save in one invalidates for all): files here, or Redis (REDIS_URL).
if REDIS_URL := env("REDIS_URL", default=""):
    CACHES = {"default": env.cache_url_config(REDIS_URL)}
else:
    CACHES = {
        "default": env.cache(
            "DJANGO_CACHE_URL", default=f"filecache://{BASE_DIR / 'var' / 'cache'}"
        ),
    }
# Redis and the file cache, however given, go through the guard of pagecache/backends.py: a cache
# that refuses, hangs or fails (a full disk, a read-only folder) is left alone for this many
# seconds, with one warning in the log, and pages are served from the database meanwhile.
CACHE_COOLDOWN_SECONDS = env.float("DJANGO_CACHE_COOLDOWN_SECONDS", default=30)
CACHES["default"] = guarded(CACHES["default"])

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Five failed logins for one username from one address lock that pair out for an hour (HTTP 429),
# whatever password is tried next.
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("DJANGO_LOGIN_LOCKOUT_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
# The reverse proxies whose X-Forwarded-For header is believed.
TRUSTED_PROXIES = env.list("DJANGO_TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

# Staff sign in to the admin with a password and a TOTP code (django-otp): on in production.
ADMIN_REQUIRE_2FA = env.bool("DJANGO_ADMIN_REQUIRE_2FA", default=not DEBUG)
# The agency's short name, read when a staff member enrols an authenticator.
OTP_TOTP_ISSUER = totp_issuer

# Rendered public pages and feeds kept in the cache (pagecache/); off to measure the site without
# it. A page is kept once per answer of each variant function (the low-vision version it renders).
PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=True)
PAGE_CACHE_VARIANTS = ["core.low_vision.page_variant"]
# The front proxy's microcache (config/nginx/agency.conf): how long it keeps a public page (never
# past its next change), and how long it may serve its last copy while the application fails.
PROXY_CACHE_SECONDS = env.int("DJANGO_PROXY_CACHE_SECONDS", default=1)
PROXY_STALE_SECONDS = env.int("DJANGO_PROXY_STALE_SECONDS", default=3600)
# Absolute addresses (canonical, Open Graph, feeds, sitemaps) name the host the reader asked for,
# which the shipped nginx passes in X-Forwarded-Host with its port: on behind that proxy only.
USE_X_FORWARDED_HOST = env.bool("DJANGO_USE_X_FORWARDED_HOST", default=False)
# The public address, for the links of e-mail alerts, sent where there is no request to ask.
SITE_URL = env.url("DJANGO_SITE_URL", default="http://127.0.0.1:8000").geturl()
# Throttles (the e-mail alerts' form) count in the cache; with the cache down, the form's
# per-address limit, in the database, still holds.
RATELIMIT_FAIL_OPEN = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}Validator"}
    for name in ("UserAttributeSimilarity", "MinimumLength", "CommonPassword", "NumericPassword")
]

# The site is in Russian, Belarusian and English (dates in each: config/formats). The default is
# where "/" leads a browser that asks for none of them, where an old address without a language
# leads, and the language new articles are written in; another would leave pages unanswered.
LANGUAGE_CODE = env("DJANGO_LANGUAGE_CODE", default="ru")
LANGUAGES = [("ru", _("Russian")), ("be", _("Belarusian")), ("en", _("English"))]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"DJANGO_LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}, not {LANGUAGE_CODE!r}."
    )
# Short texts of records (the agency's name, labels, topics) in every language on the same row
# (django-modeltranslation): a missing one is read in Russian, then in English (texts written
# before the site had languages, which the migrations kept as English).
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ru", "en")
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = env("DJANGO_TIME_ZONE", default="Europe/Minsk")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    # Uploads: this machine's disk by default; a deployment may name another backend (object
    # storage, say django-storages' S3Storage) and its options.
    "default": {
        "BACKEND": env("DJANGO_MEDIA_STORAGE", default="core.storage.MediaStorage"),
        "OPTIONS": env.json("DJANGO_MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

NEWS_MAX_IMAGE_MB = env.int("NEWS_MAX_IMAGE_MB", default=10)  # upload limits, in MB
NEWS_MAX_ATTACHMENT_MB = env.int("NEWS_MAX_ATTACHMENT_MB", default=25)

# The body editor's mark for a passage in another language (news/rich_text.py), and its module.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("news/editor/language.js")],
        "extensions": {"Language": html_tags(["span"], {"span": ["lang"]})},
    }
]

# Security headers, on every response. The site itself has no inline script or style, and the
# admin's one inline import map is allowed by its hash (news/admin/csp.py).
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
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort")
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# HTTPS: the reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers ask over plain HTTP, and a redirect would pass for healthy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Mail (the review's notices, the alerts): the console with debug on, else SMTP; a hung server
# costs a save EMAIL_TIMEOUT seconds at most. The pattern django-environ documents.
_mail = "consolemail://" if DEBUG else "smtp://localhost:25"
vars().update(env.email_url("DJANGO_EMAIL_URL", default=_mail))
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=10)

PHONENUMBER_DEFAULT_REGION = "BY"
PHONENUMBER_DEFAULT_FORMAT = "E164"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}
