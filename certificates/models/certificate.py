"""A learner's certificate: evidence that must never be lost or doubled.

The row is created, pending, in the transaction that completes the enrolment;
it is the outbox from which a Celery task renders the PDF and emails it (see
``certificates.services``). The database keeps one certificate per enrolment.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from certificates.codes import code_display
from kits.storage import private_storage


class CertificateStatus(models.TextChoices):
    """What a certificate means today, as people read it."""

    PENDING = "pending", "Being prepared"
    VALID = "valid", "Valid"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"

    @property
    def tag_class(self) -> str:
        return {
            "pending": "govuk-tag--grey",
            "valid": "govuk-tag--green",
            "expired": "govuk-tag--orange",
            "revoked": "govuk-tag--red",
        }[self.value]


class Certificate(models.Model):
    """One enrolment's certificate: pending until its PDF is rendered, then issued."""

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        ISSUED = "issued", "Issued"

    enrolment = models.OneToOneField(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(max_length=32, unique=True, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    # What the certificate says, fixed when it is awarded: a later change of name
    # or course title must not make a printed certificate disagree with its record.
    holder_name = models.CharField(max_length=255)
    course_title = models.CharField(max_length=255)
    partnership = models.ForeignKey(
        "organisations.Partnership",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    completed_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Private storage: the PDF has no public address and is served only by the
    # download view, which checks the holder and the certificate's standing.
    pdf = models.FileField(
        upload_to="certificates/", blank=True, editable=False, storage=private_storage
    )
    # Failed renders and sends, with the last error; past CERTIFICATES_MAX_ATTEMPTS
    # the sweep leaves the certificate for an administrator (Stuck certificates).
    attempts = models.PositiveIntegerField(default=0, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    # The sweep's backoff: how often it has enqueued this one again, and when it
    # may next (CERTIFICATES_RETRY_AFTER doubling each time, capped).
    requeued_count = models.PositiveIntegerField(default=0, editable=False)
    next_requeue_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revocation_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-completed_at"]
        permissions = [
            ("revoke_certificate", "Can revoke a certificate"),
            ("retry_certificate", "Can retry a stuck certificate"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state="pending", issued_at__isnull=True)
                | Q(state="issued", issued_at__isnull=False),
                name="certificates_issued_at_matches_state",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revocation_reason=""),
                name="certificates_revocation_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "created_at"]),
            models.Index(fields=["expires_at"]),
        ]

    def __str__(self):
        return f"{self.holder_name}: {self.course_title}"

    @property
    def display_code(self) -> str:
        return code_display(self.code)

    def get_verify_url(self) -> str:
        """The absolute address of the public verification page, for the QR code."""
        path = reverse("certificates:verify_result", args=[self.display_code])
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path

    @property
    def is_issued(self) -> bool:
        return self.state == self.State.ISSUED

    def status(self, now=None) -> CertificateStatus:
        """Revoked wins over expired, and expired over valid."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if not self.is_issued:
            return CertificateStatus.PENDING
        if self.expires_at is not None and self.expires_at <= now:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID
