"""Outages, against PostgreSQL, Redis and real Celery worker processes.

A broker outage delays a certificate but never loses it; a worker killed in the
middle of rendering leaves it to be issued exactly once, with one email. The
workers are the tests' own (tests/certificates/workers.py), each on a queue of
its own, so they can be killed without touching the session's shared worker.
"""

import os
import signal
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import RENDER_DELAY_ENV, certificate_issue_on_completion
from certificates.tasks import render_certificate, sweep_pending_certificates
from courses.models import Enrolment
from lms.celery import app
from tests.accounts.factories import UserFactory
from tests.certificates.factories import completed_enrolment, course_index, course_page
from tests.certificates.workers import child_pids, kill_group, start_worker, stop_worker
from tests.services.conftest import wait_for

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def course(db):
    return course_page(course_index())


@pytest.fixture
def learner(db):
    return UserFactory(full_name="Wren Worker", email="wren@example.org")


@pytest.fixture
def queue():
    return f"certificates-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def real_broker():
    """Tasks go through Redis, not run in this process."""
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager  # as the lane had it


@pytest.fixture
def worker(real_broker, queue, tmp_path):
    process = start_worker(
        name=queue, queue=queue, mail_dir=tmp_path / "mail", log_path=tmp_path / "worker.log"
    )
    yield process
    stop_worker(process)


def _reset_producers():
    """Make the app look its broker connection up again (kombu keeps one pool per URL)."""
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_down():
    """Publishing goes to a closed loopback port inside the block."""
    working = app.conf.broker_url
    _reset_producers()
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        yield
    finally:
        _reset_producers()
        app.conf.broker_url = working


def _emails(mail_dir) -> list[str]:
    if not mail_dir.exists():
        return []
    return [
        message
        for path in mail_dir.iterdir()
        for message in path.read_text().split("-" * 79)
        if "To: wren@example.org" in message
    ]


def _certificate(certificate_id) -> Certificate:
    return Certificate.objects.get(pk=certificate_id)


def _is_being_rendered(certificate_id) -> bool:
    """True while a worker holds the certificate's row lock (it renders under it)."""
    try:
        with transaction.atomic():
            Certificate.objects.select_for_update(nowait=True).get(pk=certificate_id)
    except DatabaseError:
        return True
    return False


def _pending_certificate(learner, course) -> Certificate:
    """Created and committed with nothing enqueued: as if the broker had refused it."""
    with transaction.atomic():
        enrolment = completed_enrolment(user=learner, course=course)
        certificate = certificate_issue_on_completion(enrolment=enrolment)
        connection.run_on_commit.clear()
    return certificate


def _sweep_after_a_while(certificate, queue):
    """The periodic sweep, run once the certificate has waited longer than it allows."""
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    sweep_pending_certificates.apply_async(queue=queue)


def test_the_services_lane_runs_on_postgresql(db):
    assert connection.vendor == "postgresql"


def test_concurrent_completions_make_one_certificate(learner, course):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    enrolment = completed_enrolment(user=learner, course=course)
    barrier = threading.Barrier(2)
    made, errors = [], []

    def complete():
        try:
            with transaction.atomic():
                barrier.wait(timeout=10)
                fresh = Enrolment.objects.select_related("course", "user").get(pk=enrolment.pk)
                made.append(certificate_issue_on_completion(enrolment=fresh).pk)
                time.sleep(0.3)  # hold the transaction open: the other insert must wait
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(made) == 2 and made[0] == made[1]
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_a_broker_outage_delays_a_certificate_and_the_sweep_issues_it(
    worker, queue, learner, course, tmp_path
):
    with broker_down(), transaction.atomic():  # the completing transaction
        enrolment = completed_enrolment(user=learner, course=course)
        certificate = certificate_issue_on_completion(enrolment=enrolment)
        # The enqueue after the commit failed; it was logged, not raised.
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at is not None
    time.sleep(2)  # the worker is up, and nothing reached it
    assert _certificate(certificate.pk).state == Certificate.State.PENDING

    _sweep_after_a_while(certificate, queue)  # the broker is back
    assert wait_for(lambda: _certificate(certificate.pk).is_issued, seconds=60)
    assert wait_for(lambda: _emails(tmp_path / "mail"), seconds=30)
    time.sleep(1)
    (email,) = _emails(tmp_path / "mail")
    assert "application/pdf" in email
    assert _certificate(certificate.pk).attempts == 1


def test_a_worker_process_killed_mid_render_is_replaced_and_issues_it_once(
    real_broker, queue, learner, course, tmp_path
):
    worker = start_worker(
        name=queue,
        queue=queue,
        mail_dir=tmp_path / "mail",
        log_path=tmp_path / "worker.log",
        **{RENDER_DELAY_ENV: "3"},
    )
    try:
        certificate = _pending_certificate(learner, course)
        render_certificate.apply_async(args=[certificate.pk], queue=queue)
        assert wait_for(lambda: _is_being_rendered(certificate.pk), seconds=30)
        (child,) = child_pids(worker.pid)
        os.kill(child, signal.SIGKILL)  # the pool's process, mid-render
        # acks_late + reject_on_worker_lost: the message goes back on the queue,
        # and the pool's replacement process renders it.
        assert wait_for(lambda: _certificate(certificate.pk).is_issued, seconds=60)
        assert wait_for(lambda: _emails(tmp_path / "mail"), seconds=30)
        time.sleep(2)
        assert len(_emails(tmp_path / "mail")) == 1
        assert _certificate(certificate.pk).attempts == 1  # the killed attempt never finished
        assert "WorkerLostError" in (tmp_path / "worker.log").read_text()
    finally:
        stop_worker(worker)


def test_a_whole_worker_killed_mid_render_is_covered_by_the_sweep(
    real_broker, queue, learner, course, tmp_path
):
    mail = tmp_path / "mail"
    first = start_worker(
        name=f"{queue}-a",
        queue=queue,
        mail_dir=mail,
        log_path=tmp_path / "a.log",
        **{RENDER_DELAY_ENV: "30"},
    )
    certificate = _pending_certificate(learner, course)
    render_certificate.apply_async(args=[certificate.pk], queue=queue)
    assert wait_for(lambda: _is_being_rendered(certificate.pk), seconds=30)
    kill_group(first)  # the whole host: its message stays unacknowledged in Redis
    assert wait_for(lambda: not _is_being_rendered(certificate.pk), seconds=30)
    second = start_worker(
        name=f"{queue}-b", queue=queue, mail_dir=mail, log_path=tmp_path / "b.log"
    )
    try:
        _sweep_after_a_while(certificate, queue)
        assert wait_for(lambda: _certificate(certificate.pk).is_issued, seconds=60)
        assert wait_for(lambda: _emails(mail), seconds=30)
        # When Redis hands the lost message out again, running it again does nothing.
        render_certificate.apply_async(args=[certificate.pk], queue=queue)
        time.sleep(3)
        assert len(_emails(mail)) == 1
        assert _certificate(certificate.pk).attempts == 1
    finally:
        stop_worker(second)


class SlowSMTPServer:
    """An SMTP server on loopback that takes each message, counts it, and then
    keeps the sender waiting for the final reply: the moment to kill a worker."""

    def __init__(self, hold: float):
        import socketserver

        self.received = 0
        self.hold = hold
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self.wfile.write(b"220 loopback ESMTP\r\n")
                while line := self.rfile.readline():
                    command = line.strip().upper()
                    if command.startswith((b"EHLO", b"HELO")):
                        self.wfile.write(b"250 loopback\r\n")
                    elif command == b"DATA":
                        self.wfile.write(b"354 go ahead\r\n")
                        while self.rfile.readline() not in (b".\r\n", b""):
                            pass
                        server.received += 1
                        time.sleep(server.hold)
                        self.wfile.write(b"250 queued\r\n")
                    elif command == b"QUIT":
                        self.wfile.write(b"221 bye\r\n")
                        return
                    else:
                        self.wfile.write(b"250 ok\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_a_worker_killed_while_sending_the_email_sends_it_once(
    real_broker, queue, learner, course, tmp_path
):
    from certificates.tasks import email_certificate

    smtp = SlowSMTPServer(hold=30)
    worker = start_worker(
        name=queue,
        queue=queue,
        mail_dir=tmp_path / "mail",
        log_path=tmp_path / "worker.log",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
    )
    try:
        certificate = _pending_certificate(learner, course)
        render_certificate.apply_async(args=[certificate.pk], queue=queue)
        assert wait_for(lambda: smtp.received == 1, seconds=60)
        (child,) = child_pids(worker.pid)
        os.kill(child, signal.SIGKILL)  # mid-send: the server has the message
        # The task goes back on the queue (acks_late) and the pool's new
        # process runs it again; so does anyone enqueuing it by hand.
        assert wait_for(lambda: "WorkerLostError" in (tmp_path / "worker.log").read_text())
        email_certificate.apply_async(args=[certificate.pk], queue=queue)
        time.sleep(5)
        assert smtp.received == 1
        assert _certificate(certificate.pk).emailed_at is not None
    finally:
        stop_worker(worker)
        smtp.close()
