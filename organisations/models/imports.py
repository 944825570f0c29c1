from django.conf import settings
from django.db import models

from organisations.models.organisation import Organisation


class StaffImportState(models.TextChoices):
    PREVIEWED = "previewed", "Waiting for confirmation"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class StaffImport(models.Model):
    """An uploaded staff file between its preview and its import, and afterwards
    a record of who imported what. Only files without problems are kept."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    state = models.CharField(
        max_length=10, choices=StaffImportState.choices, default=StaffImportState.PREVIEWED
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    # Counts of new invitations, updates and unchanged rows: previewed, then done.
    preview = models.JSONField(default=dict)
    result = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} for {self.organisation}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.processed * 100 // self.total)
