"""An account email is sent once even when the worker sending it is killed
after the mail server has the message (services lane: PostgreSQL, Redis and a
real prefork worker of the test's own, on a queue of its own)."""

import os
import signal
import time
import uuid

import pytest
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction

from kits.mail import mail_send_later
from kits.models import OutgoingEmail
from kits.tasks import send_email
from lms.celery import app
from tests.certificates.test_services_lane import SlowSMTPServer
from tests.certificates.workers import child_pids, start_worker, stop_worker
from tests.services.conftest import wait_for

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def real_broker():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = eager  # as the lane had it


def _queued_email() -> OutgoingEmail:
    """Logged and committed, with its task left for the test to route."""
    with transaction.atomic():
        email = mail_send_later(
            EmailMultiAlternatives(
                subject="Your password has been changed",
                body="If this was not you, reset your password at once.",
                from_email="training@safeguarding.example",
                to=["kim@example.org"],
            )
        )
        connection.run_on_commit.clear()
    return email


def test_a_worker_killed_while_sending_an_account_email_sends_it_once(real_broker, tmp_path):
    queue = f"mail-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "worker.log"
    smtp = SlowSMTPServer(hold=30)
    worker = start_worker(
        name=queue,
        queue=queue,
        mail_dir=tmp_path / "mail",
        log_path=log,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
    )
    try:
        email = _queued_email()
        send_email.apply_async(args=[email.pk], queue=queue)
        assert wait_for(lambda: smtp.received == 1, seconds=60)
        (child,) = child_pids(worker.pid)
        os.kill(child, signal.SIGKILL)  # the server has the message; no reply yet
        # acks_late + reject_on_worker_lost: the task goes back on the queue and
        # the pool's new process runs it; so does anyone enqueuing it by hand.
        assert wait_for(lambda: "WorkerLostError" in log.read_text())
        send_email.apply_async(args=[email.pk], queue=queue)
        time.sleep(5)
        assert smtp.received == 1
        email.refresh_from_db()
        # Died between the send and marking it sent: left claimed, never resent.
        assert email.state == OutgoingEmail.State.SENDING
        assert email.attempts == 1
        assert email.sent_at is None
    finally:
        stop_worker(worker)
        smtp.close()


def test_a_redelivered_email_that_was_sent_sends_nothing(real_broker, tmp_path):
    queue = f"mail-{uuid.uuid4().hex[:8]}"
    mail = tmp_path / "mail"
    worker = start_worker(name=queue, queue=queue, mail_dir=mail, log_path=tmp_path / "w.log")
    try:
        email = _queued_email()
        send_email.apply_async(args=[email.pk], queue=queue)
        assert wait_for(
            lambda: OutgoingEmail.objects.get(pk=email.pk).state == OutgoingEmail.State.SENT,
            seconds=60,
        )
        send_email.apply_async(args=[email.pk], queue=queue)
        time.sleep(3)
        messages = [m for path in mail.iterdir() for m in path.read_text().split("-" * 79)]
        assert len([m for m in messages if "To: kim@example.org" in m]) == 1
    finally:
        stop_worker(worker)
