"""Lessons a learner opened again after a failed attempt, when the check asks
them to reread before retrying."""

from django.db import models
from django.utils import timezone


class Reread(models.Model):
    """``attempt`` (a failed one) linked to ``lesson`` from a wrong answer, and the
    learner followed the link. One row per attempt and lesson."""

    attempt = models.ForeignKey("quizzes.Attempt", on_delete=models.CASCADE, related_name="rereads")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "lesson"], name="quizzes_one_reread_per_lesson"
            ),
        ]

    def __str__(self):
        return f"Lesson {self.lesson_id} reread after attempt {self.attempt_id}"
