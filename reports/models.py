"""What reports keep: figures as at a date, and the monthly evidence packs.

A snapshot is written once and never changed (design.md, Evidence): the
queryset refuses bulk updates and deletes, and ``save`` refuses to rewrite a
row, so a lead who reports figures "as at 31 March" gets the same numbers next
year. Organisations and requirements are protected while snapshots name them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from kits.storage import private_storage


class ImmutableRecordError(Exception):
    """Raised on any attempt to change or delete a written snapshot."""


class SnapshotQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError("Snapshots are never changed.")

    def delete(self):
        raise ImmutableRecordError("Snapshots are never deleted.")


class SnapshotKind(models.TextChoices):
    MONTH_END = "month_end", "Month end"
    ON_DEMAND = "on_demand", "On demand"


class CoverageSnapshot(models.Model):
    """One organisation's figures on one requirement, as at the end of a day."""

    as_at = models.DateField()
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    requirement = models.ForeignKey(
        "compliance.Requirement", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=SnapshotKind.choices)
    # The organisation's sector when the snapshot was taken: a later change of
    # sector does not move old figures between sectors.
    sector = models.CharField(max_length=20)
    headcount = models.PositiveIntegerField()
    members = models.PositiveIntegerField()
    assigned = models.PositiveIntegerField()
    completed = models.PositiveIntegerField()
    due_soon = models.PositiveIntegerField()
    overdue = models.PositiveIntegerField()
    exempt = models.PositiveIntegerField()
    # What coverage divides by (see reports.selectors.coverage.denominator).
    denominator = models.PositiveIntegerField()
    taken_at = models.DateTimeField(default=timezone.now)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = SnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["as_at", "requirement", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["as_at", "organisation", "requirement"],
                name="reports_one_snapshot_per_day",
            ),
        ]
        indexes = [models.Index(fields=["requirement", "kind", "as_at"])]

    def __str__(self):
        return f"{self.organisation_id}/{self.requirement_id} as at {self.as_at}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ImmutableRecordError("Snapshots are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Snapshots are never deleted.")


class EvidencePack(models.Model):
    """A partnership's evidence pack for one calendar month, prepared once.

    The file holds figures only (no names); it lives in private storage and
    reaches leads through the checked download view, never as an attachment.
    """

    partnership = models.ForeignKey(
        "organisations.Partnership", on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    file = models.FileField(upload_to="evidence-packs/", storage=private_storage)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "period_start"], name="reports_one_pack_per_month"
            ),
        ]

    def __str__(self):
        return f"{self.partnership_id} {self.period_start:%B %Y}"


class EvidencePackNotice(models.Model):
    """The email telling a lead a pack is ready, written before it is sent so
    a rerun or a second beat process never sends it twice."""

    pack = models.ForeignKey(EvidencePack, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    # The run that claimed the row: only that run sends its email.
    run = models.CharField(max_length=32, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pack", "user"], name="reports_one_notice_per_lead"),
        ]

    def __str__(self):
        return f"{self.pack} to {self.user_id}"
