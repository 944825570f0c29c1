"""Issuing: the pending row is the outbox; rendering, storing and emailing are
safe to repeat, and one enrolment never gets two certificates."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from certificates.codes import code_generate
from certificates.models import Certificate
from certificates.services import (
    certificate_email_send,
    certificate_issue,
    certificate_issue_on_completion,
    certificates_requeue_stuck,
)
from certificates.tasks import email_certificate, render_certificate, sweep_pending_certificates
from tests.certificates.factories import completed_enrolment
from tests.certificates.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def test_completion_creates_a_pending_certificate_with_what_it_will_say(pending, enrolment):
    assert pending.state == Certificate.State.PENDING
    assert pending.issued_at is None
    assert not pending.pdf
    assert pending.holder_name == "Sam Practitioner"
    assert pending.course_title == enrolment.course.title
    assert pending.partnership.name == "Northvale"
    assert pending.completed_at == enrolment.completed_at
    assert (
        pending.expires_at.date() == (enrolment.completed_at + datetime.timedelta(days=365)).date()
    )


def test_rendering_waits_for_the_completion_to_commit(
    enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        certificate = certificate_issue_on_completion(enrolment=enrolment)
    assert len(callbacks) == 1
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.PENDING


def test_once_committed_it_is_rendered_issued_and_emailed_with_the_pdf(
    enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = certificate_issue_on_completion(enrolment=enrolment)
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.ISSUED
    assert certificate.issued_at is not None
    assert certificate.emailed_at is not None
    assert certificate.attempts == 1
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"]
    assert certificate.course_title in message.subject
    assert certificate.display_code in message.body
    assert certificate.get_verify_url() in message.body
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == "application/pdf"
    assert filename.endswith(".pdf")
    assert certificate.display_code in pdf_text(content)


def test_a_course_that_issues_no_certificate_gets_none(enrolment):
    enrolment.course.issues_certificate = False
    enrolment.course.save()
    assert certificate_issue_on_completion(enrolment=enrolment) is None
    assert not Certificate.objects.exists()


def test_an_open_enrolment_cannot_be_certified(enrolment):
    enrolment.completed_at = None
    with pytest.raises(ValueError, match="not completed"):
        certificate_issue_on_completion(enrolment=enrolment)


def test_issuing_twice_gives_the_same_certificate(enrolment):
    first = certificate_issue_on_completion(enrolment=enrolment)
    second = certificate_issue_on_completion(enrolment=enrolment)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


def test_the_database_refuses_a_second_certificate_for_an_enrolment(pending, enrolment):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrolment=enrolment,
            code=code_generate(),
            holder_name="x",
            course_title="y",
            completed_at=enrolment.completed_at,
        )


def test_a_refresher_is_a_new_enrolment_with_its_own_certificate(learner, course, pending):
    later = completed_enrolment(
        user=learner, course=course, completed_at=timezone.now() + datetime.timedelta(days=1)
    )
    refresher = certificate_issue_on_completion(enrolment=later)
    assert refresher.pk != pending.pk
    assert refresher.code != pending.code


def test_rendering_twice_renders_and_emails_once(pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        render_certificate.delay(pending.pk)
        render_certificate.delay(pending.pk)
        email_certificate.delay(pending.pk)
    pending.refresh_from_db()
    assert pending.attempts == 1
    assert len(mail.outbox) == 1
    assert certificate_email_send(certificate_id=pending.pk) is False


def test_a_failed_render_is_counted_and_left_pending_for_the_sweep(pending, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("renderer out of memory")

    monkeypatch.setattr("certificates.services.certificate_pdf", broken)
    with pytest.raises(RuntimeError):
        certificate_issue(certificate_id=pending.pk)
    pending.refresh_from_db()
    assert pending.state == Certificate.State.PENDING
    assert pending.attempts == 1
    assert "renderer out of memory" in pending.last_error


def test_a_task_for_a_certificate_that_is_gone_does_nothing(db):
    render_certificate.delay(987654)
    email_certificate.delay(987654)


def test_the_sweep_enqueues_only_what_has_waited_too_long(pending, enrolment, settings):
    assert certificates_requeue_stuck(older_than=datetime.timedelta(minutes=5)) == {
        "render": [],
        "email": [],
    }
    Certificate.objects.filter(pk=pending.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=6)
    )
    settings.CERTIFICATES_RETRY_AFTER = 300
    assert sweep_pending_certificates.delay().get() == {"render": [pending.pk], "email": []}
    pending.refresh_from_db()
    assert pending.state == Certificate.State.ISSUED
    # Issued long ago but never emailed (the broker was down at that moment).
    Certificate.objects.filter(pk=pending.pk).update(
        issued_at=timezone.now() - datetime.timedelta(minutes=6)
    )
    assert sweep_pending_certificates.delay().get() == {"render": [], "email": [pending.pk]}
    assert len(mail.outbox) == 1
    assert sweep_pending_certificates.delay().get() == {"render": [], "email": []}


def test_the_sweep_is_scheduled_with_celery_beat(settings):
    (entry,) = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == sweep_pending_certificates.name
    ]
    assert entry["schedule"] <= settings.CERTIFICATES_RETRY_AFTER


def test_completing_a_course_through_courses_leaves_a_pending_certificate(
    learner, course, django_capture_on_commit_callbacks
):
    """Needs courses.services._on_enrolment_completed to call the certificates service."""
    from courses import services
    from tests.certificates.factories import module_with_lesson

    lesson = module_with_lesson(course)
    enrolment = services.enrolment_start(user=learner, course=course)
    with django_capture_on_commit_callbacks() as callbacks:
        progress = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    assert not progress.enrolment.is_open
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.state == Certificate.State.PENDING
    assert certificate.completed_at == progress.enrolment.completed_at
    # Its rendering, enqueued for after the commit, and the completion's
    # announcement to the apps on the right (courses_enrolment_changed).
    assert len(callbacks) == 2
