"""Background jobs for certificates. Each takes an id, re-fetches and calls a
service that is safe to run twice (see ``certificates.services``)."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction

from certificates import services

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """``task.delay_on_commit(*args)``, except that a broker refusing the task is
    logged instead of raised into a request whose transaction has already
    committed. Nothing is lost: the certificate row is the outbox, and the sweep
    enqueues it again."""

    def enqueue():
        try:
            task.delay(*args)
        except Exception:
            logger.exception("Could not enqueue %s%r; the sweep will try again", task.name, args)

    transaction.on_commit(enqueue)


@shared_task
def render_certificate(certificate_id: int) -> None:
    services.certificate_issue(certificate_id=certificate_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_certificate(certificate_id: int) -> None:
    services.certificate_email_send(certificate_id=certificate_id)


@shared_task
def sweep_pending_certificates() -> dict[str, list[int]]:
    """Run by Celery beat (``CELERY_BEAT_SCHEDULE``): the outbox's safety net."""
    requeued = services.certificates_requeue_stuck(
        older_than=timedelta(seconds=settings.CERTIFICATES_RETRY_AFTER)
    )
    if requeued["render"] or requeued["email"]:
        logger.warning("Certificates enqueued again: %s", requeued)
    return requeued
