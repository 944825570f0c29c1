"""Item analysis for editors: how each question of a check performs.

Per question: how many submitted attempts asked it, the share right at each
learner's first attempt, how often each option is chosen, and a discrimination
index, the share right in attempts that passed minus the share right in attempts
that failed (from -1 to 1; near 0 or below, the question does not separate those
who know the module from those who do not). Questions almost everyone gets right
(over 90%) or wrong (under 20%) at the first attempt are flagged once at least
``FLAG_AFTER`` first attempts have answered them. Counts only: never who
answered. One query for the answers, however many there are.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from quizzes.models import Attempt, KnowledgeCheck, Response
from quizzes.questions import Option, Question

FLAG_AFTER = 20
TOO_EASY, TOO_HARD = 90, 20


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class ItemStatistic:
    number: int  # the question's position in the bank as written
    question: Question
    topic: str  # the topic's label
    attempts: int = 0
    first_attempts: int = 0
    first_correct: int = 0
    chosen: Counter = field(default_factory=Counter)  # option key -> times chosen
    passed: list[int] = field(default_factory=lambda: [0, 0])  # [right, asked]
    failed: list[int] = field(default_factory=lambda: [0, 0])

    @property
    def percent_first_correct(self) -> int | None:
        share = _share(self.first_correct, self.first_attempts)
        return None if share is None else round(100 * share)

    @property
    def discrimination(self) -> float | None:
        """Share right among passing attempts minus among failing ones, to two
        places; None until there is at least one of each."""
        high, low = _share(*self.passed), _share(*self.failed)
        return None if high is None or low is None else round(high - low, 2)

    @property
    def options(self) -> list[tuple[Option, int, int]]:
        """Each option, how many attempts chose it, and that as a percentage."""
        return [
            (option, self.chosen[option.key], round(100 * self.chosen[option.key] / self.attempts))
            if self.attempts
            else (option, 0, 0)
            for option in self.question.options
        ]

    @property
    def flag(self) -> str | None:
        percent = self.percent_first_correct
        if percent is None or self.first_attempts < FLAG_AFTER:
            return None
        if percent > TOO_EASY:
            return "Almost everyone gets this right"
        if percent < TOO_HARD:
            return "Almost everyone gets this wrong"
        return None


def _answers(quiz: KnowledgeCheck):
    """Every response to ``quiz`` in a submitted attempt, marking those from a
    learner's first submitted attempt in their enrolment."""
    earlier = Attempt.objects.filter(
        enrolment=OuterRef("attempt__enrolment"),
        quiz=quiz,
        submitted_at__lt=OuterRef("attempt__submitted_at"),
    )
    return (
        Response.objects.filter(attempt__quiz=quiz, attempt__submitted_at__isnull=False)
        .annotate(later=Exists(earlier))
        .values_list("question_key", "selected", "correct", "attempt__passed", "later")
        .order_by()
    )


def item_analysis(*, quiz: KnowledgeCheck) -> list[ItemStatistic]:
    """The statistics of every question now in ``quiz``'s bank, in its order."""
    labels = quiz.topic_labels()
    items = {
        question.key: ItemStatistic(
            number=number, question=question, topic=labels.get(question.topic, "")
        )
        for number, question in enumerate(quiz.question_map().values(), start=1)
    }
    for key, selected, correct, passed, later in _answers(quiz).iterator(chunk_size=2000):
        item = items.get(key)
        if item is None:  # a question since removed from the bank
            continue
        item.attempts += 1
        item.chosen.update(selected)
        if not later:
            item.first_attempts += 1
            item.first_correct += correct
        tally = item.passed if passed else item.failed
        tally[0] += correct
        tally[1] += 1
    return list(items.values())
