"""Where a learner stands with a knowledge check within one enrolment: the one
statement of when an attempt may be started or submitted, used by the services
that enforce it and the screens that offer it."""

from dataclasses import dataclass, field
from functools import cached_property

from courses.models import Enrolment
from quizzes.models import Attempt, KnowledgeCheck


@dataclass
class Standing:
    quiz: KnowledgeCheck
    enrolment: Enrolment | None
    attempts: list[Attempt] = field(default_factory=list)  # oldest first

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
    def can_start(self) -> bool:
        return self.current is None and self.refusal is None
