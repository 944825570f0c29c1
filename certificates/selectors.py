"""Reads for the certificate screens, the sweep and (later) the reminders."""

from datetime import timedelta

from django.db.models import QuerySet
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


def certificates_stuck(*, older_than: timedelta, now=None) -> tuple[list[int], list[int]]:
    """Ids of certificates still pending, and of issued ones not yet emailed,
    after ``older_than``: what the sweep enqueues again."""
    cutoff = (now or timezone.now()) - older_than
    pending = Certificate.objects.filter(state=Certificate.State.PENDING, created_at__lte=cutoff)
    unsent = Certificate.objects.filter(
        state=Certificate.State.ISSUED,
        emailed_at__isnull=True,
        revoked_at__isnull=True,
        issued_at__lte=cutoff,
    )
    return (
        list(pending.order_by("pk").values_list("pk", flat=True)),
        list(unsent.order_by("pk").values_list("pk", flat=True)),
    )
