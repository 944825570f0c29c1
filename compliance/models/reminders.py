"""The sent logs: a row is written, under its unique constraint, before the
email is sent, so a rerun, a retry or two beat processes never send twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReminderKind(models.TextChoices):
    ASSIGNED = "assigned", "New requirement"
    DUE_14 = "due-14", "Due in 14 days"
    DUE_1 = "due-1", "Due tomorrow"
    OVERDUE = "overdue", "Overdue"
    WINDOW = "window", "Renewal window open"


class ReminderLog(models.Model):
    assignment = models.ForeignKey(
        "compliance.Assignment", on_delete=models.CASCADE, related_name="reminders"
    )
    cycle = models.PositiveIntegerField()
    # "overdue-1", "overdue-2", ...: each weekly overdue reminder is its own kind.
    kind = models.CharField(max_length=20)
    subject = models.CharField(max_length=200)
    sent_at = models.DateTimeField(default=timezone.now)
    # Which beat run wrote the row: the run sends only the rows it wrote.
    run = models.CharField(max_length=32, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "cycle", "kind"], name="compliance_reminder_sent_once"
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.assignment_id} (cycle {self.cycle})"


class DigestLog(models.Model):
    """One weekly digest per manager per ISO week."""

    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="compliance_digests"
    )
    iso_year = models.PositiveSmallIntegerField()
    iso_week = models.PositiveSmallIntegerField()
    people = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)
    run = models.CharField(max_length=32, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["manager", "iso_year", "iso_week"], name="compliance_digest_once_a_week"
            ),
        ]

    def __str__(self):
        return f"Digest for {self.manager_id}, {self.iso_year}-W{self.iso_week}"
