"""A real Celery worker process, consuming from Redis and writing to the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from lms.celery import app

ROOT = Path(__file__).resolve().parents[2]


def _wait_for_worker(process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("The Celery worker exited during start-up")
        if app.control.ping(timeout=1.0):
            return
    raise RuntimeError("The Celery worker did not answer a ping")


@pytest.fixture(scope="session")
def mail_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("worker-mail")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, mail_dir):
    """Start ``celery worker`` once per session against the test database."""
    with django_db_blocker.unblock():
        database_name = connection.settings_dict["NAME"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database_name}",
        "EMAIL_URL": f"filemail:///{mail_dir}",  # four slashes: an absolute path
    }
    log = open(mail_dir.parent / "worker.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    eager = app.conf.task_always_eager
    try:
        _wait_for_worker(process)
        app.conf.task_always_eager = False
        yield process
    finally:
        app.conf.task_always_eager = eager  # as the lane had it
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wait_for(predicate, seconds=30, interval=0.2):
    """Poll until ``predicate()`` is true. A bound on waiting, not a speed test."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    return predicate()
