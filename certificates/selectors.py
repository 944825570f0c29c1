"""Reads for the certificate screens, the sweep and (later) the reminders."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from certificates.access import learner_certificates
from certificates.codes import code_normalise
from certificates.models import Certificate


def certificates_of_learner(*, user) -> list[Certificate]:
    """The learner's own certificates, newest completion first."""
    return list(learner_certificates(user).select_related("enrolment").order_by("-completed_at"))


def certificate_for_code(*, code: str) -> Certificate | None:
    """The issued certificate with ``code`` (as typed: any case, spaces or dashes),
    or None. A pending certificate's code has not been shown to anyone yet."""
    normalised = code_normalise(code)
    if normalised is None:
        return None
    return Certificate.objects.filter(code=normalised, state=Certificate.State.ISSUED).first()


def certificates_expiring_within(*, days: int, now=None) -> QuerySet[Certificate]:
    """Certificates, not revoked, that expire in the next ``days`` days (for reminders)."""
    now = now or timezone.now()
    return Certificate.objects.filter(
        revoked_at__isnull=True, expires_at__gt=now, expires_at__lte=now + timedelta(days=days)
    ).order_by("expires_at")


def _waiting(cutoff) -> tuple[QuerySet[Certificate], QuerySet[Certificate]]:
    pending = Certificate.objects.filter(state=Certificate.State.PENDING, created_at__lte=cutoff)
    unsent = Certificate.objects.filter(
        state=Certificate.State.ISSUED,
        emailed_at__isnull=True,
        revoked_at__isnull=True,
        issued_at__lte=cutoff,
    )
    return pending, unsent


def certificates_stuck(
    *, older_than: timedelta, now=None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(id, requeued_count)`` of certificates still pending, and of issued ones
    not yet emailed, after ``older_than``, whose backoff has run out and which
    have failed fewer than ``CERTIFICATES_MAX_ATTEMPTS`` times: what the sweep
    enqueues again."""
    now = now or timezone.now()
    due = Q(next_requeue_at__isnull=True) | Q(next_requeue_at__lte=now)
    retrying = Q(attempts__lt=settings.CERTIFICATES_MAX_ATTEMPTS) & due
    pending, unsent = _waiting(now - older_than)
    fields = ("pk", "requeued_count")
    return (
        list(pending.filter(retrying).order_by("pk").values_list(*fields)),
        list(unsent.filter(retrying).order_by("pk").values_list(*fields)),
    )


def certificates_needing_attention(*, older_than: timedelta, now=None) -> QuerySet[Certificate]:
    """Certificates pending, or issued but not emailed, for longer than
    ``older_than``, and any with a failure recorded: the admin's stuck list,
    most failed first."""
    pending, unsent = _waiting((now or timezone.now()) - older_than)
    still_open = Q(state=Certificate.State.PENDING) | Q(
        emailed_at__isnull=True, revoked_at__isnull=True
    )
    failing = Certificate.objects.filter(still_open, attempts__gt=0)
    return (pending | unsent | failing).distinct().order_by("-attempts", "created_at")
