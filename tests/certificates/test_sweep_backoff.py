"""The sweep backs off: a long worker outage does not multiply the queue, a
certificate that always fails stops being retried, and administrators see the
stuck ones with their last error and can retry them."""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from certificates.services import certificate_issue, certificates_requeue_stuck
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

OLDER = datetime.timedelta(minutes=5)
LIST = "/admin/certificates-stuck/"


def _age(certificate, minutes=6):
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def _sweep_at(monkeypatch, moment):
    monkeypatch.setattr("certificates.services.timezone.now", lambda: moment)
    return certificates_requeue_stuck(older_than=OLDER)


@pytest.fixture
def offline(monkeypatch):
    """The broker takes tasks but no worker runs them (a worker outage)."""
    sent = []
    monkeypatch.setattr("certificates.tasks.render_certificate.delay", sent.append)
    monkeypatch.setattr("certificates.tasks.email_certificate.delay", sent.append)
    return sent


def test_a_day_of_worker_outage_enqueues_a_certificate_a_handful_of_times(
    pending, offline, monkeypatch, settings
):
    settings.CERTIFICATES_RETRY_AFTER = 300
    settings.CERTIFICATES_RETRY_MAX_DELAY = 6 * 3600
    _age(pending)
    start = timezone.now()
    # Beat runs the sweep every two minutes for a day: 720 sweeps.
    for n in range(720):
        _sweep_at(monkeypatch, start + datetime.timedelta(minutes=2 * n))
    # 5, 10, 20, 40, 80, 160, 320 minutes, then every 6 hours: about a dozen, not 720.
    assert 8 <= len(offline) <= 14
    assert offline == [pending.pk] * len(offline)
    pending.refresh_from_db()
    assert pending.next_requeue_at - pending.created_at <= datetime.timedelta(hours=31)


def test_the_wait_doubles_and_is_capped(pending, offline, monkeypatch, settings):
    settings.CERTIFICATES_RETRY_AFTER = 60
    settings.CERTIFICATES_RETRY_MAX_DELAY = 300
    _age(pending)
    now = timezone.now()
    waits = []
    for _ in range(6):
        _sweep_at(monkeypatch, now)
        pending.refresh_from_db()
        waits.append((pending.next_requeue_at - now).total_seconds())
        now = pending.next_requeue_at
    assert waits == [60, 120, 240, 300, 300, 300]


def test_a_certificate_that_always_fails_stops_being_retried(pending, monkeypatch, settings):
    settings.CERTIFICATES_MAX_ATTEMPTS = 3

    def broken(**kwargs):
        raise RuntimeError("renderer out of memory")

    monkeypatch.setattr("certificates.services.certificate_pdf", broken)
    for _ in range(3):
        with pytest.raises(RuntimeError):
            certificate_issue(certificate_id=pending.pk)
    _age(pending)
    assert certificates_requeue_stuck(older_than=OLDER) == {"render": [], "email": []}


@pytest.fixture
def administrator(db):
    admin = UserFactory(is_superuser=True, full_name="Ada Admin")
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return admin


def test_administrators_see_stuck_certificates_and_retry_them(
    client, pending, administrator, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.CERTIFICATES_MAX_ATTEMPTS = 1
    real_pdf = __import__("certificates.pdf", fromlist=["certificate_pdf"]).certificate_pdf

    def broken(**kwargs):
        raise RuntimeError("font file missing")

    monkeypatch.setattr("certificates.services.certificate_pdf", broken)
    with pytest.raises(RuntimeError):
        certificate_issue(certificate_id=pending.pk)
    client.force_login(administrator)
    html = client.get(LIST).content.decode()
    assert pending.holder_name in html
    assert "RuntimeError: font file missing" in html
    assert f"{LIST}retry/{pending.pk}/" in html
    # The list's search and paging answer from its results view.
    results = client.get(f"{LIST}results/", {"q": pending.holder_name})
    assert pending.holder_name in results.content.decode()

    monkeypatch.setattr("certificates.services.certificate_pdf", real_pdf)
    confirm = client.get(f"{LIST}retry/{pending.pk}/")
    assert confirm.status_code == 200 and "Retry now" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{LIST}retry/{pending.pk}/", follow=True)
    assert response.status_code == 200
    pending.refresh_from_db()
    assert pending.state == Certificate.State.ISSUED  # eager tasks: rendered at once
    assert pending.emailed_at is not None
    (entry,) = ModelLogEntry.objects.filter(action="certificates.retry")
    assert entry.user_id == administrator.pk
    assert pending.holder_name not in client.get(LIST).content.decode()


def test_retrying_needs_the_permission(client, pending, db):
    editor = UserFactory()
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_certificate"),
    )
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    response = client.post(f"{LIST}retry/{pending.pk}/")
    assert response.status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="certificates.retry").exists()
