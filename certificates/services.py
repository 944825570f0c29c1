"""Writes to certificates: issuing on completion, rendering, emailing, revoking,
and the sweep that keeps the outbox moving.

Every function is safe to repeat and to run concurrently: the database keeps
one certificate per enrolment, and the row lock taken before rendering or
emailing makes a second run see the first one's result.
"""

import os
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from certificates.codes import code_generate
from certificates.events import certificate_revoked
from certificates.expiry import certificate_expires_at
from certificates.mail import certificate_email_message
from certificates.models import Certificate, CertificateBranding
from certificates.pdf import certificate_pdf
from certificates.selectors import certificates_stuck
from courses.models import Enrolment
from kits.audit import audit_log
from organisations.access import partnership_for_user

# Only the tests of a worker killed mid-render set this (seconds): it holds the
# render open, row lock taken, long enough to kill the worker.
RENDER_DELAY_ENV = "CERTIFICATES_TEST_RENDER_DELAY"


def certificate_issue_on_completion(*, enrolment: Enrolment) -> Certificate | None:
    """Create the pending certificate for a just-completed ``enrolment`` in the
    caller's transaction, and enqueue its rendering for when that commits.

    None if the course issues no certificate. A repeat, or a concurrent call,
    returns the one certificate the database allows per enrolment.
    """
    course = enrolment.course
    if not course.issues_certificate:
        return None
    if enrolment.completed_at is None:
        raise ValueError(f"Enrolment {enrolment.pk} is not completed")
    user = enrolment.user
    partnership = partnership_for_user(user)
    certificate, created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "code": code_generate(),
            "holder_name": (user.full_name or user.email)[:255],
            "course_title": course.title[:255],
            "partnership": partnership,
            "completed_at": enrolment.completed_at,
            "expires_at": certificate_expires_at(
                completed_at=enrolment.completed_at, validity_months=course.validity_months
            ),
        },
    )
    if created:
        from certificates.tasks import enqueue_on_commit, render_certificate

        enqueue_on_commit(render_certificate, certificate.pk)
    return certificate


def _store_pdf(certificate: Certificate) -> bytes:
    """Render ``certificate`` and store the PDF under a name of its own, replacing
    any earlier file, so a retried render leaves no orphans. Does not save the row."""
    branding = CertificateBranding.objects.filter(partnership_id=certificate.partnership_id).first()
    content = certificate_pdf(certificate=certificate, branding=branding)
    storage = certificate.pdf.storage
    # Named by the row, not the code: the code is what the public may know.
    name = f"certificates/{certificate.pk}.pdf"
    if storage.exists(name):
        storage.delete(name)
    certificate.pdf.name = storage.save(name, ContentFile(content))
    return content


def certificate_issue(*, certificate_id: int) -> Certificate | None:
    """Render and store the PDF, mark the certificate issued and enqueue its email.

    An issued certificate is left as it is, so a redelivered task does nothing.
    A failed attempt is counted, with its error, and raised; the sweep tries again.
    """
    try:
        with transaction.atomic():
            certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
            if certificate is None or certificate.is_issued:
                return certificate
            if delay := float(os.environ.get(RENDER_DELAY_ENV) or 0):
                time.sleep(delay)
            certificate.issued_at = timezone.now()
            _store_pdf(certificate)
            certificate.state = Certificate.State.ISSUED
            certificate.attempts += 1
            certificate.last_error = ""
            # The email is a new step: its retries back off from the start.
            certificate.requeued_count, certificate.next_requeue_at = 0, None
            certificate.save(
                update_fields=[
                    *("state", "issued_at", "pdf", "attempts", "last_error"),
                    *("requeued_count", "next_requeue_at"),
                ]
            )
            from certificates.tasks import email_certificate, enqueue_on_commit

            enqueue_on_commit(email_certificate, certificate.pk)
        return certificate
    except Exception as error:
        _record_failure(certificate_id, error)
        raise


def certificate_pdf_content(*, certificate: Certificate) -> bytes:
    """The issued certificate's PDF; if the stored file has gone, it is rendered
    again (with the same dates and code) and stored before it is returned."""
    if not certificate.is_issued:
        raise ValueError(f"Certificate {certificate.pk} has not been issued")
    try:
        with certificate.pdf.open("rb") as stored:
            return stored.read()
    except (OSError, ValueError):  # ValueError: no file name recorded
        pass
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        content = _store_pdf(locked)
        locked.save(update_fields=["pdf"])
    certificate.pdf.name = locked.pdf.name
    return content


def _record_failure(certificate_id: int, error: Exception) -> None:
    Certificate.objects.filter(pk=certificate_id).update(
        attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
    )


def certificate_email_send(*, certificate_id: int) -> bool:
    """Email the learner their certificate, attached, at most once. False if
    there was nothing to send: already sent, not yet issued, revoked or gone.

    The send is claimed (``emailed_at``) and committed before the message goes
    out, so a worker killed mid-send, and the task's redelivery, never send it
    twice. A send that fails with an error gives the claim back, is counted
    with its error, and is raised for a retry.
    """
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrolment__user")
            .filter(pk=certificate_id)
            .first()
        )
        if (
            certificate is None
            or not certificate.is_issued
            or certificate.emailed_at is not None
            or certificate.revoked_at is not None
        ):
            return False
        message = certificate_email_message(
            certificate=certificate, pdf=certificate_pdf_content(certificate=certificate)
        )
        certificate.emailed_at = timezone.now()
        certificate.save(update_fields=["emailed_at"])
    try:
        message.send()
    except Exception as error:
        Certificate.objects.filter(pk=certificate_id).update(emailed_at=None)
        _record_failure(certificate_id, error)
        raise
    return True


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Revoke ``certificate``, keeping who did it, when and why. Revoking again
    changes nothing: the first revocation stands."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A revocation needs a reason")
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.revocation_reason = reason
            locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
            audit_log(
                instance=locked, action="certificates.revoke", user=by, data={"reason": reason}
            )
            certificate_revoked(locked)
    return locked


def _backoff(requeued_count: int) -> timedelta:
    """How long the sweep waits after enqueuing a certificate for the
    ``requeued_count + 1``-th time: doubling from CERTIFICATES_RETRY_AFTER, capped."""
    base = settings.CERTIFICATES_RETRY_AFTER
    return timedelta(
        seconds=min(base * 2 ** min(requeued_count, 20), settings.CERTIFICATES_RETRY_MAX_DELAY)
    )


def certificates_requeue_stuck(*, older_than: timedelta) -> dict[str, list[int]]:
    """Enqueue again every certificate still pending, and every issued one not
    yet emailed, after ``older_than``, whose backoff has run out and which has
    not failed too often. Each is then left alone for twice as long as last
    time. Idempotent: the tasks skip finished work."""
    from certificates.tasks import email_certificate, render_certificate

    now = timezone.now()
    pending, unsent = certificates_stuck(older_than=older_than, now=now)
    for task, due in ((render_certificate, pending), (email_certificate, unsent)):
        for certificate_id, requeued_count in due:
            Certificate.objects.filter(pk=certificate_id).update(
                requeued_count=F("requeued_count") + 1,
                next_requeue_at=now + _backoff(requeued_count),
            )
            task.delay(certificate_id)
    return {"render": [pk for pk, _ in pending], "email": [pk for pk, _ in unsent]}


def certificate_retry(*, certificate: Certificate, by) -> bool:
    """An administrator's retry of a stuck certificate: its failure count and
    backoff start again and its render (or email) is enqueued at once. False if
    there is nothing left to do (issued and emailed, or revoked)."""
    from certificates.tasks import email_certificate, enqueue_on_commit, render_certificate

    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.is_issued and (locked.emailed_at or locked.revoked_at):
            return False
        Certificate.objects.filter(pk=locked.pk).update(
            attempts=0, requeued_count=0, next_requeue_at=None
        )
        audit_log(
            instance=locked,
            action="certificates.retry",
            user=by,
            data={"last_error": locked.last_error[:500]},
        )
        enqueue_on_commit(email_certificate if locked.is_issued else render_certificate, locked.pk)
    return True
