"""Where a learner stands with a knowledge check within one enrolment: the one
statement of when an attempt may be started or submitted, used by the services
that enforce it and the screens that offer it."""

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from django.utils import timezone
from django.utils.formats import time_format

from courses.models import Enrolment
from quizzes.models import Attempt, KnowledgeCheck, Reread


@dataclass
class Standing:
    quiz: KnowledgeCheck
    enrolment: Enrolment | None
    attempts: list[Attempt] = field(default_factory=list)  # oldest first
    # Lessons linked from the latest failed attempt's wrong answers that the learner
    # has not reopened yet (only when the check asks for rereading).
    unread_lessons: list = field(default_factory=list)
    now: datetime = field(default_factory=timezone.now)

    @cached_property
    def submitted(self) -> list[Attempt]:
        return [attempt for attempt in self.attempts if attempt.is_submitted]

    @property
    def current(self) -> Attempt | None:
        """The attempt in progress, while the enrolment is open."""
        if self.enrolment is None or not self.enrolment.is_open:
            return None
        return next((a for a in self.attempts if not a.is_submitted), None)

    @property
    def latest_result(self) -> Attempt | None:
        return self.submitted[-1] if self.submitted else None

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.submitted)

    @property
    def attempts_left(self) -> int | None:
        """None when there is no limit."""
        if self.quiz.max_attempts is None:
            return None
        return max(self.quiz.max_attempts - len(self.submitted), 0)

    @property
    def refusal(self) -> str | None:
        """Why a new attempt may not be made or submitted now, or None if it may."""
        if self.enrolment is None:
            return "Start the course before you take its knowledge checks."
        if not self.enrolment.is_open:
            return "You have completed this course, so its knowledge checks are closed."
        if self.passed:
            return "You have already passed this knowledge check."
        if self.attempts_left == 0:
            return (
                f"You have used all {self.quiz.max_attempts} of your attempts at this "
                "knowledge check. Ask your training lead what to do next."
            )
        return None

    @property
    def retry_at(self) -> datetime | None:
        """When the wait after the latest failed attempt ends, if it has not yet."""
        latest = self.latest_result
        wait = self.quiz.retry_wait_minutes
        if latest is None or latest.passed or not wait:
            return None
        ends = latest.submitted_at + timedelta(minutes=wait)
        return ends if ends > self.now else None

    @property
    def retry_refusal(self) -> str | None:
        """Why another attempt cannot start yet after a failed one: the check's wait,
        or lessons still to reread. None when nothing stands in the way."""
        if self.retry_at is not None:
            minutes = math.ceil((self.retry_at - self.now).total_seconds() / 60)
            at = time_format(timezone.localtime(self.retry_at), "H:i")
            return (
                f"You can try again from {at}, in {minutes} minute{'s' if minutes != 1 else ''}. "
                f"This check asks you to wait {self.quiz.retry_wait_minutes} minutes after an "
                "attempt that did not pass, so you have time to go over what you missed."
            )
        if self.unread_lessons:
            return (
                "Before you try again, reread the lessons linked from the questions you "
                "answered wrongly. Open each one from the list of what to go over."
            )
        return None

    @property
    def can_start(self) -> bool:
        return self.current is None and self.refusal is None and self.retry_refusal is None


def lessons_to_reread(*, attempt: Attempt, questions) -> list:
    """The lessons linked from ``attempt``'s wrong answers, once each, in the order
    the attempt asked them; ``questions`` is the check's question map."""
    wrong = set(attempt.responses.filter(correct=False).values_list("question_key", flat=True))
    lessons = {}
    for entry in attempt.layout:
        question = questions.get(entry["question"])
        if question is not None and question.key in wrong and question.lesson is not None:
            lessons.setdefault(question.lesson.pk, question.lesson)
    return list(lessons.values())


def standing_for(*, quiz: KnowledgeCheck, enrolment: Enrolment | None, attempts=None) -> Standing:
    """The learner's standing, with the lessons still to reread worked out when the
    check asks for it after a failed attempt."""
    if attempts is None:
        attempts = [] if enrolment is None else list(quiz.attempts.filter(enrolment=enrolment))
    standing = Standing(quiz=quiz, enrolment=enrolment, attempts=attempts)
    latest = standing.latest_result
    if quiz.reread_before_retry and latest is not None and not latest.passed:
        read = set(Reread.objects.filter(attempt=latest).values_list("lesson_id", flat=True))
        lessons = lessons_to_reread(attempt=latest, questions=quiz.question_map())
        standing.unread_lessons = [lesson for lesson in lessons if lesson.pk not in read]
    return standing
