"""The site under load: 50 simulated people for 60 seconds.

Starts gunicorn (3 workers) under production settings on PostgreSQL
(``DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/lms_bench``,
created if missing) and Redis database 8 (``BENCH_REDIS_URL``), seeds the demo
content and a learner for each simulated user, and drives it with locust
(headless, loopback only): each learner signs in, reads lessons, completes them
and takes knowledge checks; anonymous visitors read the home page. Prints one
line per page and nothing else on stdout:

    load <page>: rps=<n> p50=<ms>ms p95=<ms>ms p99=<ms>ms errors=<n>

Targets (design.md): 0 errors, lesson page p95 <= 300 ms.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60]
"""

import argparse
import csv
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGES = [
    "home page",
    "sign in",
    "start course",
    "lesson page",
    "complete lesson",
    "start check",
    "knowledge check",
    "submit check",
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def production_env(database_url: str, redis_url: str, static_root: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": "consolemail://",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_BASE_URL": "https://training.example.org",
        # Loopback plain http stands in for the TLS-terminating proxy.
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args) -> None:
    subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


SEED = """
import json, sys
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from accounts.models import User
from courses.models import CoursePage, LessonPage
from quizzes.models import KnowledgeCheck

users, password = int(sys.argv[1]), sys.argv[2]
hashed = make_password(password)  # once: hashing is slow on purpose
emails = []
for n in range(users):
    email = f"load{n}@health.northvale.example"
    user, _ = User.objects.update_or_create(
        email=email, defaults={"full_name": f"Load Learner {n}", "password": hashed}
    )
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    emails.append(email)
course = CoursePage.objects.live().first()
lessons = [page.url for page in LessonPage.objects.live().descendant_of(course)]
checks = list(KnowledgeCheck.objects.filter(live=True).values_list("pk", flat=True))
print(json.dumps({"emails": emails, "password": password, "course": course.pk,
                  "lessons": lessons, "checks": checks}))
"""


def seed(env, users: int) -> dict:
    log("seeding demo content and learners")
    manage(env, "seed_demo", "--allow-demo-accounts")
    manage(env, "load_course_content")
    manage(env, "load_knowledge_checks")
    password = secrets.token_urlsafe(16)
    result = subprocess.run(
        [
            str(BIN / "python"),
            "manage.py",
            "shell",
            "-c",
            SEED.replace("sys.argv[1]", str(users)).replace("sys.argv[2]", repr(password)),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_gunicorn(env, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "lms.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz")


def run_locust(port: int, plan: dict, users: int, seconds: int, out: str) -> None:
    log(f"running {users} users for {seconds} s")
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--only-summary",
            # Two people a second arrive, so sign-ins (slow on purpose: password
            # hashing) spread over the first half minute as a morning would.
            "-u",
            str(users),
            "-r",
            "2",
            "-t",
            f"{seconds}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            out,
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env={**os.environ, "LOAD_PLAN": json.dumps(plan)},
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def report(out: str) -> None:
    with open(f"{out}_stats.csv", newline="") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    for page in PAGES:
        row = rows.get(page)
        if row is None:
            print(f"load {page}: rps=0 p50=0ms p95=0ms p99=0ms errors=0")
            continue
        print(
            f"load {page}: rps={float(row['Requests/s']):.1f} "
            f"p50={row['50%']}ms p95={row['95%']}ms p99={row['99%']}ms "
            f"errors={row['Failure Count']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    options = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_bench")
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
    ensure_database(database_url)
    with tempfile.TemporaryDirectory(prefix="load-bench-") as scratch:
        env = production_env(database_url, redis_url, f"{scratch}/static")
        log("migrating and collecting static files")
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        plan = seed(env, options.users)
        port = free_port()
        server = start_gunicorn(env, port)
        try:
            run_locust(port, plan, options.users, options.seconds, f"{scratch}/locust")
        finally:
            server.terminate()
            server.wait(timeout=30)
        report(f"{scratch}/locust")
        failures = Path(f"{scratch}/locust_failures.csv")
        if failures.exists() and len(failures.read_text().splitlines()) > 1:
            log("failures:\n" + failures.read_text())


if __name__ == "__main__":
    main()
