"""A learner's records: evidence that must never be lost or doubled.

Writes go through ``courses.services``; the database enforces the invariants.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Enrolment(models.Model):
    """One pass through a course. A refresher is a new enrolment; a finished one
    is never edited or deleted, so every completion stays on record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(completed_at__isnull=True),
                name="courses_one_open_enrolment_per_course",
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | Q(completed_at__gte=F("started_at")),
                name="courses_enrolment_completed_after_start",
            ),
        ]
        indexes = [models.Index(fields=["user", "completed_at"])]

    def __str__(self):
        return f"{self.user} on {self.course_id} from {self.started_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.completed_at is None


class LessonProgress(models.Model):
    """A lesson the learner marked as complete during one enrolment.

    If an editor deletes the lesson, the record stays: ``lesson`` becomes null and
    ``lesson_title`` keeps what it was called. Such a record no longer counts
    towards completing the course (only live lessons do).
    """

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_records",
    )
    lesson_title = models.CharField(max_length=255)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "lesson progress"
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="courses_one_record_per_lesson"
            ),
        ]

    def __str__(self):
        return f"{self.lesson_title} ({self.enrolment_id})"
