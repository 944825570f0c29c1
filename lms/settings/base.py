"""Settings shared by every environment.

Everything reads the environment through django-environ; with no environment at
all the project runs on the embedded default (SQLite, eager Celery, console email,
media on disk). ``dev``, ``test`` and ``production`` are short overrides.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-embedded-default-key-change-me-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

# The public address of the site, used in emails and on certificates' QR codes.
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_SITE_NAME = env("SERVICE_NAME", default="Safeguarding Learning")

INSTALLED_APPS = [
    "lms",
    "kits",
    "accounts",
    "organisations",
    "courses",
    "quizzes",
    "certificates",
    "resources",
    "compliance",
    "reports",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # allauth's security-key pages format dates with it.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kits.csp.SiteCSPMiddleware",
    "kits.csp.PermissionsPolicyMiddleware",
    "kits.request_guard.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.mfa_policy.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kits.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.context_processors.service",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# The embedded default is a SQLite file in the project. WAL lets readers work
# while one writer writes; IMMEDIATE transactions take the write lock at BEGIN so
# two writers queue on the busy timeout instead of failing with "database is
# locked" half-way through.
# https://docs.djangoproject.com/en/5.2/ref/databases/#sqlite-transaction-behavior
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Each request is one transaction: a request cut short (the database restarting,
# a worker killed) leaves nothing half-written.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------
# Rate limits and sessions must be shared by every process, so the cache is
# never process-local: Redis when REDIS_URL is set, otherwise a database table.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache, but a Redis outage degrades rather than
            # breaks pages (kits/cache.py); short timeouts so it is noticed fast.
            "BACKEND": "kits.cache.ResilientRedisCache",
            # A separate database can keep the cache apart from the broker's queues.
            "LOCATION": env("REDIS_CACHE_URL", default=REDIS_URL),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lms_cache",
        }
    }

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "organisations.forms.SignupForm"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_PREVENT_ENUMERATION = True
# Throttles live in the shared cache above. Values are allauth's "count/period".
# Failures are limited per account (the key is the email tried); an address only
# has a generous ceiling, because a police station, a hospital or a school signs
# in from one address, and behind the proxy every client would otherwise share it.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "300/5m/ip,5/5m/key",
    "login": "600/m/ip",
    "signup": "200/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "200/m/ip,5/m/key",
    "reset_password_from_key": "200/m/ip",
}
# Account security emails: password changed or reset, email address added,
# removed or made primary, authenticator added or removed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The client address behind the proxies we run. With neither setting, the
# socket's address is used and X-Forwarded-For is ignored (it can be forged).
# https://docs.allauth.org/en/latest/common/configuration.html
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default="") or None

# https://docs.allauth.org/en/latest/mfa/configuration.html
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
# Security keys and passkeys beside authenticator apps, as a second factor.
# Passkey-only sign-in stays off: every sign-in starts with the password.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False
# WebAuthn needs a secure origin; http://localhost counts as one.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
MFA_RECOVERY_CODE_COUNT = 10

# --- Wagtail --------------------------------------------------------------
# The admin signs in through allauth, so rate limits and MFA apply there too.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Email ----------------------------------------------------------------
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="training@safeguarding.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An email still waiting, or still being handed to the mail server, this many
# seconds after it was queued or claimed is stuck: the sweep queues a waiting
# one again, and administrators see both under Settings > Outgoing email.
EMAIL_STUCK_AFTER = env.int("EMAIL_STUCK_AFTER", default=900)
# Sent emails are kept this many days (their bodies are emptied when sent),
# then pruned; failed and stuck ones are kept until an administrator acts.
EMAIL_SENT_KEEP_DAYS = env.int("EMAIL_SENT_KEEP_DAYS", default=90)

# --- Celery ---------------------------------------------------------------
# No broker configured means the embedded default: tasks run in-process.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = not (REDIS_URL or env("CELERY_BROKER_URL", default=""))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TIMEZONE = "Europe/London"
# Periodic jobs (run `celery -A lms beat` beside the worker). Each is idempotent.
CELERY_BEAT_SCHEDULE = {
    # Certificates still pending, or issued but not emailed, are enqueued again.
    "certificates-sweep": {
        "task": "certificates.tasks.sweep_pending_certificates",
        "schedule": 120.0,
    },
    # Emails left waiting (a lost task) are queued again; old sent ones pruned.
    "email-sweep": {
        "task": "kits.tasks.sweep_outgoing_email",
        "schedule": 300.0,
    },
    "email-prune": {
        "task": "kits.tasks.prune_sent_email",
        "schedule": crontab(hour=3, minute=40),
    },
    # Mandatory training (Europe/London, CELERY_TIMEZONE): statuses rebuilt at
    # night, learner reminders each morning, manager digests on Monday mornings.
    "compliance-reconcile": {
        "task": "compliance.tasks.reconcile_assignments",
        "schedule": crontab(hour=2, minute=15),
    },
    "compliance-reminders": {
        "task": "compliance.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    "compliance-digests": {
        "task": "compliance.tasks.send_manager_digests",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon"),
    },
    # Reports: every evening the month-end snapshot (it writes only on a month's
    # last day, after the day's changes); on the 1st, last month's evidence packs.
    "reports-month-end-snapshots": {
        "task": "reports.tasks.take_month_end_snapshots",
        "schedule": crontab(hour=23, minute=30),
    },
    "reports-evidence-packs": {
        "task": "reports.tasks.prepare_evidence_packs",
        "schedule": crontab(hour=6, minute=0, day_of_month=1),
    },
}

# --- Certificates ---------------------------------------------------------
# A certificate still pending (or not yet emailed) this many seconds after it was
# created is enqueued again by the sweep: the row is the outbox (design.md).
CERTIFICATES_RETRY_AFTER = env.int("CERTIFICATES_RETRY_AFTER", default=300)
# Each time the sweep enqueues a certificate again it waits twice as long before
# the next (5, 10, 20 minutes...), never more than this, so a worker outage does
# not multiply the queue.
CERTIFICATES_RETRY_MAX_DELAY = env.int("CERTIFICATES_RETRY_MAX_DELAY", default=6 * 3600)
# After this many failed renders or sends the sweep stops; the certificate waits
# on the admin's "Stuck certificates" screen for someone to look and retry.
CERTIFICATES_MAX_ATTEMPTS = env.int("CERTIFICATES_MAX_ATTEMPTS", default=8)
# The public verification pages, counted in the shared cache per client address
# per minute: a generous ceiling on all requests (a whole workplace may share
# one address), and a tighter one on codes not found, which guessing produces.
CERTIFICATES_VERIFY_RATE = env.int("CERTIFICATES_VERIFY_RATE", default=300)
CERTIFICATES_VERIFY_MISS_RATE = env.int("CERTIFICATES_VERIFY_MISS_RATE", default=30)
# The sign-up form's organisation suggestion, per client address per minute.
ORGANISATIONS_SUGGEST_RATE = env.int("ORGANISATIONS_SUGGEST_RATE", default=120)
# Certificates' tasks go to a queue of their own when this names one, so their
# rendering can be given its own workers; the services tests give each worker
# they start a queue of its own this way.
CERTIFICATES_QUEUE = env("CERTIFICATES_QUEUE", default="")
if CERTIFICATES_QUEUE:
    CELERY_TASK_ROUTES = {"certificates.tasks.*": {"queue": CERTIFICATES_QUEUE}}

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files only some people may fetch (certificate PDFs, evidence of training done
# elsewhere, lesson-plan documents, which the default storage routes there):
# outside MEDIA_ROOT, with no URL, served only by views that check
# access (kits/storage.py).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "kits.storage.MediaStorage"},
    "private": {"BACKEND": "kits.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Security -------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views override this for their own iframe.
X_FRAME_OPTIONS = "DENY"
# Powerful browser features the site never uses are switched off for every page
# and any frame in it (kits.csp.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Site pages: nothing inline but the one nonce'd script that flags JS support.
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            SELF,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail's in-process task runner logs every reference-index update.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # One line per page saved is noise when the content loaders run.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
    },
}
