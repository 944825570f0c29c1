"""How confident a learner feels, before a course and after it: evidence that the
training changes confidence, read by the partnership's reports.

A course's statements are a StreamField on the course page; a rating stores the
statement's block id (which survives rewording and reordering in the admin) and
a copy of its text as the learner saw it. One rating per enrolment, stage and
statement is a database rule, so a double submit records one answer; a learner
who skips records nothing.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

RATINGS = [
    (1, "1: not at all confident"),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, "5: very confident"),
]


class Stage(models.TextChoices):
    BEFORE = "before", "At the start of the course"
    AFTER = "after", "On completing the course"


class ConfidenceRating(models.Model):
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="confidence_ratings"
    )
    stage = models.CharField(max_length=10, choices=Stage.choices)
    statement_key = models.CharField(max_length=64)
    statement = models.CharField(max_length=300)
    rating = models.PositiveSmallIntegerField(choices=RATINGS)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "stage", "statement_key"],
                name="courses_one_rating_per_statement_and_stage",
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="courses_rating_from_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(stage__in=["before", "after"]), name="courses_rating_stage_known"
            ),
        ]
        indexes = [models.Index(fields=["statement_key", "stage"])]

    def __str__(self):
        return f"{self.rating} for {self.statement_key} ({self.stage}, {self.enrolment_id})"
