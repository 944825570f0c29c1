"""Private PostgreSQL and Redis servers, and gunicorn against them, for fault
tests: they are started, stopped and restarted here, never the machine's
shared ones."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres() -> list[str]:
    # PostgreSQL refuses to run as root.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@dataclass
class PrivatePostgres:
    root: Path
    port: int = field(default_factory=free_port)

    @property
    def bin(self) -> Path:
        return sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/lms"

    def _ctl(self, *args) -> None:
        subprocess.run(
            [*_as_postgres(), str(self.bin / "pg_ctl"), "-D", str(self.root / "data")]
            + ["-l", str(self.root / "log"), "-w", *args],
            check=True,
            capture_output=True,
        )

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        subprocess.run(
            [*_as_postgres(), str(self.bin / "initdb"), "-D", str(self.root / "data")]
            + ["-A", "trust", "-U", "postgres"],
            check=True,
            capture_output=True,
        )
        self.start()
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
            + ["-U", "postgres", "lms"],
            check=True,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root}"
        self._ctl("-o", options, "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")


@dataclass
class PrivateRedis:
    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.root)],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@dataclass
class Site:
    """gunicorn (2 workers) under production settings on the private servers."""

    postgres: PrivatePostgres
    redis: PrivateRedis
    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict:
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LMS_"))},
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": self.postgres.url,
            "REDIS_URL": self.redis.url,
            "REDIS_CACHE_URL": self.redis.url,
            "EMAIL_URL": "consolemail://",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_BASE_URL": "https://training.example.org",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(self.root / "static"),
            "LOG_LEVEL": "ERROR",
        }

    def manage(self, *args) -> str:
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "lms.wsgi", "--workers", "2"]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", "30"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "gunicorn.log", "w"),  # noqa: SIM115
        )
        self.wait_healthy()

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError("the site did not become healthy")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)


def make_site() -> Site:
    root = Path(tempfile.mkdtemp(prefix="lms-faults-"))
    root.chmod(0o755)
    postgres = PrivatePostgres(root=root / "pg")
    postgres.root.mkdir()
    postgres.init()
    redis = PrivateRedis(root=root)
    redis.start()
    site = Site(postgres=postgres, redis=redis, root=root)
    site.manage("migrate", "--noinput")
    site.manage("collectstatic", "--noinput")
    site.manage("seed_demo", "--allow-demo-accounts")
    site.start()
    return site


class Browser:
    """A requests session that sends production's Secure cookies over loopback
    http (standing in for the TLS proxy) and carries the CSRF token."""

    def __init__(self, site: Site):
        self.site = site
        self.session = requests.Session()

    def _headers(self) -> dict:
        jar = self.session.cookies
        return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in jar)}

    def get(self, path: str) -> requests.Response:
        return self.session.get(
            self.site.url + path, headers=self._headers(), timeout=15, allow_redirects=False
        )

    def post(self, path: str, data: dict) -> requests.Response:
        if "csrftoken" not in self.session.cookies:
            self.get(path)
        data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        return self.session.post(
            self.site.url + path,
            data=data,
            headers=self._headers(),
            timeout=15,
            allow_redirects=False,
        )
