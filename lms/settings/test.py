"""The test suite. Runs on SQLite unless DATABASE_URL/REDIS_URL say otherwise
(``make test-services`` points them at PostgreSQL and Redis)."""

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, env

# Requests are one transaction each in every other environment. Under the test
# runner that transaction would be a savepoint inside the test's own, counted
# as two extra queries production never sends, so query budgets are measured
# without it; tests/services/test_faults.py runs gunicorn with it on.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail stays in memory (django.core.mail.outbox) unless a lane names a backend,
# as the services lane does for its Celery worker process.
if not env("EMAIL_URL", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process so each test sees its own results; tests marked
# ``services`` switch to the real broker and worker (tests/services/conftest.py).
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/lms-test-media")  # noqa: S108
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default="/tmp/lms-test-private")  # noqa: S108
STORAGES = {
    "default": {"BACKEND": "kits.storage.MediaStorage"},
    "private": {"BACKEND": "kits.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"]["KEY_PREFIX"] = "lms-test"
else:
    # Each test clears the cache without needing the database; the services
    # lane runs the same tests against the shared Redis cache.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
