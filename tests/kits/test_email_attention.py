"""Emails that failed or got stuck: the sweep queues a waiting one again, an
administrator sees failed and stuck ones and can send one again, and old sent
emails are pruned."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from kits.mail import (
    outgoing_email_prune,
    outgoing_email_retry,
    outgoing_email_sweep,
    outgoing_emails_needing_attention,
)
from kits.models import OutgoingEmail
from kits.tasks import prune_sent_email, sweep_outgoing_email
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/outgoing-email/"
State = OutgoingEmail.State


def email(subject, state=State.PENDING, *, age_minutes=0, **fields):
    at = timezone.now() - timedelta(minutes=age_minutes)
    return OutgoingEmail.objects.create(
        subject=subject,
        to=["pat@example.org"],
        body="Your invitation: https://training.example/invite/abc/",
        state=state,
        created_at=at,
        claimed_at=at if state == State.SENDING else None,
        **fields,
    )


@pytest.fixture
def emails(settings):
    settings.EMAIL_STUCK_AFTER = 900
    return {
        "fresh": email("Fresh, still waiting", age_minutes=1),
        "lost": email("Lost task, waiting", age_minutes=60),
        "half": email("Handed over, never confirmed", State.SENDING, age_minutes=60),
        "failed": email(
            "Mail server refused",
            State.FAILED,
            age_minutes=5,
            attempts=6,
            last_error="SMTPRecipientsRefused: pat@example.org",
        ),
        "sent": email("Already sent", State.SENT, age_minutes=60, sent_at=timezone.now()),
    }


def test_failed_and_stuck_emails_need_attention(emails):
    listed = [e.subject for e in outgoing_emails_needing_attention()]
    assert listed == [
        "Lost task, waiting",
        "Handed over, never confirmed",
        "Mail server refused",
    ]


def test_the_sweep_sends_a_lost_email_once_and_leaves_a_half_sent_one(emails):
    # Celery runs eagerly in this lane: queuing again sends at once.
    assert sweep_outgoing_email.apply().get() == 1
    assert [m.subject for m in mail.outbox] == ["Lost task, waiting"]
    emails["lost"].refresh_from_db()
    assert emails["lost"].state == State.SENT
    emails["half"].refresh_from_db()
    assert emails["half"].state == State.SENDING  # it may have reached the server
    assert outgoing_email_sweep() == []  # a second run finds nothing
    assert len(mail.outbox) == 1


def test_sending_again_starts_the_attempts_afresh_and_is_audited(
    emails, django_capture_on_commit_callbacks
):
    admin = UserFactory(is_superuser=True)
    failed = emails["failed"]
    with django_capture_on_commit_callbacks(execute=True):
        assert outgoing_email_retry(email=failed, by=admin) is True
    failed.refresh_from_db()
    assert failed.state == State.SENT and failed.attempts == 1
    assert [m.subject for m in mail.outbox] == ["Mail server refused"]
    (entry,) = ModelLogEntry.objects.filter(action="kits.email_retry")
    assert entry.user_id == admin.pk
    assert entry.data["was"] == "Failed"
    # Sent now: a second retry (a double click) does nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert outgoing_email_retry(email=failed, by=admin) is False
    assert len(mail.outbox) == 1


def test_an_email_that_is_not_stuck_is_not_sent_again(emails):
    admin = UserFactory(is_superuser=True)
    assert outgoing_email_retry(email=emails["fresh"], by=admin) is False
    assert outgoing_email_retry(email=emails["sent"], by=admin) is False
    assert not ModelLogEntry.objects.filter(action="kits.email_retry").exists()


def test_old_sent_emails_are_pruned_and_the_rest_kept(emails, settings):
    settings.EMAIL_SENT_KEEP_DAYS = 90
    old = email("Sent long ago", State.SENT, sent_at=timezone.now() - timedelta(days=91))
    assert prune_sent_email.apply().get() == 1
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()
    assert OutgoingEmail.objects.count() == len(emails)  # failed and stuck ones stay
    assert outgoing_email_prune() == 0


@pytest.fixture
def administrator():
    admin = UserFactory(is_superuser=True, full_name="Ada Admin")
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return admin


def test_administrators_see_the_list_and_send_one_again(
    client, emails, administrator, django_capture_on_commit_callbacks
):
    client.force_login(administrator)
    html = client.get(LIST).content.decode()
    for kept in ("Lost task, waiting", "Handed over, never confirmed", "Mail server refused"):
        assert kept in html
    assert "Fresh, still waiting" not in html and "Already sent" not in html
    assert "SMTPRecipientsRefused: pat@example.org" in html
    failed = emails["failed"]
    assert f"{LIST}retry/{failed.pk}/" in html
    filtered = client.get(f"{LIST}results/", {"state": "failed"}).content.decode()
    assert "Mail server refused" in filtered and "Lost task" not in filtered

    half = client.get(f"{LIST}retry/{emails['half'].pk}/").content.decode()
    assert "may deliver it twice" in half
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{LIST}retry/{failed.pk}/", follow=True)
    assert response.status_code == 200
    assert "will be sent again now" in response.content.decode()
    assert [m.subject for m in mail.outbox] == ["Mail server refused"]
    assert client.get(f"{LIST}retry/999999/").status_code == 404


def test_sending_again_needs_the_permission(client, emails):
    editor = UserFactory()
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingemail"),
    )
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    assert client.get(LIST).status_code == 200
    response = client.post(f"{LIST}retry/{emails['failed'].pk}/")
    assert response.status_code in (302, 403)
    emails["failed"].refresh_from_db()
    assert emails["failed"].state == State.FAILED
    assert mail.outbox == []


def test_the_list_costs_the_same_queries_for_few_and_many(
    client, administrator, django_assert_max_num_queries
):
    def failed(n):
        for i in range(n):
            email(f"Failed {i}", State.FAILED, last_error="OSError: refused")

    client.force_login(administrator)
    counts = []
    for n in (2, 10):
        failed(n)
        client.get(LIST)  # warm the per-process caches
        with django_assert_max_num_queries(40) as captured:
            assert client.get(LIST).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
