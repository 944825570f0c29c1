"""Celery worker processes of the tests' own (services lane).

Each consumes a queue of its own, and routes the certificates' tasks it enqueues
(the email after a render, the renders after a sweep) to that same queue, so no
other worker in the session takes them, and one can be killed mid-task.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

from lms.celery import app

ROOT = Path(__file__).resolve().parents[2]


def start_worker(*, name: str, queue: str, mail_dir, log_path, **env) -> subprocess.Popen:
    """A prefork worker with one child, consuming only ``queue``, against the
    test database; returns once it answers a ping."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "CERTIFICATES_QUEUE": queue,
        **env,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            f"--queues={queue}",
            f"--hostname={name}@%h",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=environment,
        stdout=open(log_path, "a"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, to kill it whole
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The worker {name} exited during start-up; see {log_path}")
        replies = app.control.ping(timeout=1.0)
        if any(reply_name.startswith(f"{name}@") for reply in replies for reply_name in reply):
            return process
    raise RuntimeError(f"The worker {name} did not answer a ping; see {log_path}")


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the worker and its pool: what an out-of-memory kill or a lost host does."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=20)


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kill_group(process)
