"""Training done elsewhere, and exemptions: a claim with evidence that a
manager of the person's organisation approves or declines."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from kits.storage import private_storage


def _evidence_path(record, filename: str) -> str:
    # The stored name carries no part of the uploaded name: only the checked type.
    extension = filename.rsplit(".", 1)[-1]
    return f"compliance/evidence/{timezone.now():%Y/%m}/{record.user_id}-{record.token}.{extension}"


class RecordKind(models.TextChoices):
    PRIOR_LEARNING = "prior", "Completed elsewhere"
    EXEMPTION = "exemption", "Exempt"


class RecordState(models.TextChoices):
    PENDING = "pending", "Waiting for a decision"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class ExternalRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="external_records"
    )
    requirement = models.ForeignKey(
        "compliance.Requirement", on_delete=models.PROTECT, related_name="external_records"
    )
    kind = models.CharField(max_length=10, choices=RecordKind.choices)
    state = models.CharField(max_length=10, choices=RecordState.choices, default="pending")
    provider = models.CharField(max_length=200, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    reason = models.TextField(blank=True)
    token = models.CharField(max_length=32, editable=False)
    evidence = models.FileField(
        storage=private_storage, upload_to=_evidence_path, blank=True, max_length=200
    )
    evidence_type = models.CharField(max_length=40, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="prior") | Q(completed_on__isnull=False),
                name="compliance_prior_learning_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(kind="exemption") | ~Q(reason=""),
                name="compliance_exemption_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(state="pending") | Q(decided_at__isnull=False),
                name="compliance_decision_is_dated",
            ),
            models.CheckConstraint(
                condition=~Q(state="approved", kind="prior") | Q(expires_on__isnull=False),
                name="compliance_approved_prior_learning_expires",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user} ({self.get_state_display()})"
