"""The test suite. Runs on SQLite unless DATABASE_URL/REDIS_URL say otherwise
(``make test-services`` points them at PostgreSQL and Redis)."""

from .base import *  # noqa: F403
from .base import CACHES, env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail stays in memory (django.core.mail.outbox) unless a lane names a backend,
# as the services lane does for its Celery worker process.
if not env("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process so each test sees its own results; tests marked
# ``services`` switch to the real broker and worker (tests/services/conftest.py).
CELERY_TASK_ALWAYS_EAGER = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": "/tmp/lms-test-private", "base_url": None},  # noqa: S108
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/lms-test-media")  # noqa: S108
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"]["KEY_PREFIX"] = "lms-test"
else:
    # Each test clears the cache without needing the database; the services
    # lane runs the same tests against the shared Redis cache.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
