import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "SECRET_KEY": "k9$Gq2!vX7zR4mT8wB1nL6pC3yH5jD0fS2aE9uI4oP7qW1eR8tY3",
    "DATABASE_URL": "postgres://lms@127.0.0.1:5432/lms",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@127.0.0.1:587",
    "ALLOWED_HOSTS": "training.example.org",
    "SITE_BASE_URL": "https://training.example.org",
}


# Set by the browser tests' harness in this process; never part of a deployment.
HARNESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, env):
    clean = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k not in HARNESS_ONLY
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "environment variables" in result.stderr


def test_production_names_every_missing_variable():
    env = {"DJANGO_SETTINGS_MODULE": "lms.settings.production"}
    result = manage("check", env=env)
    assert result.returncode != 0
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_URL",
        "ALLOWED_HOSTS",
        "SITE_BASE_URL",
    ):
        assert name in result.stderr


def test_production_refuses_a_site_address_that_is_not_https():
    env = {**PRODUCTION_ENV, "SITE_BASE_URL": "http://127.0.0.1:8000"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SITE_BASE_URL must be the site's public https:// address" in result.stderr


def _python(code: str, env):
    clean = {
        k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k not in HARNESS_ONLY
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_wsgi_entry_point_defaults_to_production():
    result = _python("import lms.wsgi", env={})
    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
    result = _python(
        "import lms.wsgi; from django.conf import settings; print(settings.DEBUG)",
        env={k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_celery_entry_point_defaults_to_production():
    result = _python(
        "from lms.celery import app; from django.conf import settings; "
        "print(settings.SETTINGS_MODULE, settings.DEBUG)",
        env={k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "lms.settings.production False"


def test_hsts_preload_is_opt_in():
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.SECURE_HSTS_PRELOAD)"
    assert _python(code, env=PRODUCTION_ENV).stdout.strip() == "False"
    opted = {**PRODUCTION_ENV, "SECURE_HSTS_PRELOAD": "true"}
    assert _python(code, env=opted).stdout.strip() == "True"
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=opted)
    assert result.returncode == 0, result.stderr
