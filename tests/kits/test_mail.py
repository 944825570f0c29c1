"""Every email is logged before it is sent, and a second run of its task, a
retry or a redelivery sends nothing."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from kits.mail import MAX_ATTEMPTS, mail_send_later, outgoing_email_send
from kits.models import OutgoingEmail
from kits.tasks import send_email

pytestmark = pytest.mark.django_db


def message(to="pat@example.org", subject="Reset your password"):
    email = EmailMultiAlternatives(
        subject=subject,
        body="Follow the link: https://training.example/reset/abc/",
        from_email="training@safeguarding.example",
        to=[to],
    )
    email.attach_alternative("<p>Follow the link</p>", "text/html")
    return email


def test_the_email_is_logged_and_sent_once_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = mail_send_later(message())
        assert OutgoingEmail.objects.get().state == OutgoingEmail.State.PENDING
        assert mail.outbox == []  # not before the caller's transaction commits
    (sent,) = mail.outbox
    assert sent.to == ["pat@example.org"] and sent.subject == "Reset your password"
    assert sent.alternatives[0][1] == "text/html"
    row.refresh_from_db()
    assert row.state == OutgoingEmail.State.SENT and row.sent_at and row.attempts == 1
    assert row.body == "" and row.alternatives == []  # its links are not kept

    # A redelivered or rerun task finds it sent and sends nothing.
    assert send_email.apply(args=(row.pk,)).get() is False
    assert outgoing_email_send(email_id=row.pk) is False
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.attempts == 1


def test_two_messages_are_two_rows_and_two_emails(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        mail_send_later(message(to="a@example.org"))
        mail_send_later(message(to="b@example.org"))
    assert OutgoingEmail.objects.filter(state=OutgoingEmail.State.SENT).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_a_key_queues_a_message_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = mail_send_later(message(), key="digest:7:2026-W49")
        again = mail_send_later(message(), key="digest:7:2026-W49")
    assert first.pk == again.pk
    assert OutgoingEmail.objects.count() == 1 and len(mail.outbox) == 1


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail_send_later(message())
        raise RuntimeError("the sign-up failed")
    assert not OutgoingEmail.objects.exists() and mail.outbox == []


@pytest.fixture
def mail_server_down(settings):
    """SMTP to a loopback port nobody listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 5
    return settings


def test_a_failed_send_records_its_error_and_can_be_retried(mail_server_down):
    row = mail_send_later(message())  # the callback is never run here
    with pytest.raises(ConnectionRefusedError):
        outgoing_email_send(email_id=row.pk)
    row.refresh_from_db()
    assert row.state == OutgoingEmail.State.PENDING and row.attempts == 1
    assert row.last_error.startswith("ConnectionRefusedError:")

    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outgoing_email_send(email_id=row.pk) is True
    row.refresh_from_db()
    assert row.state == OutgoingEmail.State.SENT and row.attempts == 2
    assert len(mail.outbox) == 1


def test_a_message_that_keeps_failing_is_given_up(mail_server_down):
    row = mail_send_later(message())
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(OSError):
            outgoing_email_send(email_id=row.pk)
    row.refresh_from_db()
    assert row.state == OutgoingEmail.State.FAILED and row.attempts == MAX_ATTEMPTS
    assert outgoing_email_send(email_id=row.pk) is False


def test_the_broker_being_down_sends_at_once(monkeypatch, django_capture_on_commit_callbacks):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(send_email, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        row = mail_send_later(message())
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.state == OutgoingEmail.State.SENT


def test_a_task_queued_with_a_whole_message_is_still_sent():
    payload = {
        "subject": "Confirm your email address",
        "body": "Confirm: https://training.example/confirm/abc/",
        "from_email": "training@safeguarding.example",
        "to": ["old@example.org"],
        "alternatives": [],
    }
    send_email.apply(args=(payload,))
    assert [m.to for m in mail.outbox] == [["old@example.org"]]
