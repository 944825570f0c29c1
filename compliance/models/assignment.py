"""Who must take which requirement, by when, and where they stand.

Status is derived, never typed: ``compliance.status`` computes it from the
learner records, and ``compliance.services`` writes the result here so screens
and reminders can read it cheaply. The nightly reconciliation rebuilds it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    COMPLETED = "completed", "Completed"
    EXPIRED = "expired", "Expired"
    EXEMPT = "exempt", "Exempt"

    @property
    def tag_class(self) -> str:
        return {
            "not_started": "govuk-tag--grey",
            "in_progress": "govuk-tag--light-blue",
            "due_soon": "govuk-tag--yellow",
            "overdue": "govuk-tag--red",
            "completed": "govuk-tag--green",
            "expired": "govuk-tag--orange",
            "exempt": "govuk-tag--purple",
        }[self.value]


class Assignment(models.Model):
    """The one current row per (person, requirement).

    ``in_audience`` goes false when the person leaves the audience; the row, its
    cycles and its completions stay, so rejoining picks up where they were.
    ``cycle`` counts the completions that counted (0: never completed).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    requirement = models.ForeignKey(
        "compliance.Requirement", on_delete=models.PROTECT, related_name="assignments"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="assignments",
        help_text="The organisation through which the person is in the audience.",
    )
    in_audience = models.BooleanField(default=True)
    assigned_on = models.DateField()
    # The first due date, fixed when the row is made; ``due_on`` is the date
    # that matters now (the first due date, or the current expiry).
    first_due_on = models.DateField()
    due_on = models.DateField()
    cycle = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=AssignmentStatus.choices)
    completed_until = models.DateField(null=True, blank=True)
    completed_elsewhere = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "requirement"], name="compliance_one_assignment_per_person"
            ),
        ]
        indexes = [
            models.Index(fields=["requirement", "status"]),
            models.Index(fields=["organisation", "status"]),
            # Holds every column the coverage figures count, in the order they
            # group by, so the dashboard reads the index alone, already sorted.
            models.Index(
                fields=["requirement", "in_audience", "organisation", "status", "cycle"],
                name="compliance_assignment_cover",
            ),
        ]

    def __str__(self):
        return f"{self.user} / {self.requirement_id}: {self.status}"

    @property
    def status_choice(self) -> AssignmentStatus:
        return AssignmentStatus(self.status)


class AssignmentCycle(models.Model):
    """One completion that counted, with the expiry it gave: the history of
    renewals, kept when the next cycle begins."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="cycles")
    number = models.PositiveIntegerField()
    completed_on = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    renewed_from = models.CharField(
        max_length=12,
        choices=[
            ("first", "First completion"),
            ("expiry", "Old expiry"),
            ("completion", "Completion date"),
        ],
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    record = models.ForeignKey(
        "compliance.ExternalRecord",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["assignment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "number"], name="compliance_one_row_per_cycle"
            ),
        ]

    def __str__(self):
        return f"{self.assignment_id} cycle {self.number}"
