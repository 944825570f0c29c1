"""A learner's attempts at a knowledge check, and their answers: evidence that is
written once, scored on the server, and never changed after submission."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from quizzes.scoring import percent


class Attempt(models.Model):
    """One go at a knowledge check within an enrolment.

    ``layout`` is what the server chose to show: the question keys in order, each
    with its option keys in order (see ``quizzes.layout``). ``score`` counts the
    questions answered correctly out of ``out_of``; ``pass_mark`` is the mark in
    force when the attempt started.
    """

    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.PROTECT, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "quizzes.KnowledgeCheck", on_delete=models.PROTECT, related_name="attempts"
    )
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    layout = models.JSONField(default=list, editable=False)
    pass_mark = models.PositiveSmallIntegerField()
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    out_of = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="quizzes_one_open_attempt",
            ),
            models.CheckConstraint(
                condition=Q(
                    submitted_at__isnull=True,
                    score__isnull=True,
                    out_of__isnull=True,
                    passed__isnull=True,
                )
                | Q(
                    submitted_at__gte=F("started_at"),
                    score__lte=F("out_of"),
                    passed__isnull=False,
                ),
                name="quizzes_attempt_scored_once_submitted",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "submitted_at"])]

    def __str__(self):
        return f"Attempt {self.pk} at {self.quiz_id} ({self.enrolment_id})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def percent(self) -> int | None:
        if not self.is_submitted:
            return None
        return percent(correct=self.score, total=self.out_of)


class Response(models.Model):
    """The options a learner chose for one question of a submitted attempt.

    ``question_key`` is the question's StreamField block id: it survives editing,
    so statistics follow a question through rewording and reordering.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question_key = models.CharField(max_length=64)
    selected = models.JSONField(default=list)
    correct = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_key"], name="quizzes_one_response_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.question_key} in attempt {self.attempt_id}"
