"""Item analysis for editors: how each question of a check performs.

Per question: how many submitted attempts asked it, the share right at each
learner's first attempt, how often each option is chosen, and a discrimination
index, the share right in attempts that passed minus the share right in attempts
that failed (from -1 to 1; near 0 or below, the question does not separate those
who know the module from those who do not). Questions almost everyone gets right
(over 90%) or wrong (under 20%) at the first attempt are flagged once at least
``FLAG_AFTER`` first attempts have answered them. The misconception is the wrong
option chosen most often at first attempts. Counts only: never who answered.
One query for the answers, however many there are.

The admin reads every attempt; the partnership reports narrow it to learners
with an active membership of given partnerships' or organisations' staff, of a
sector, and to attempts submitted in a period. A first attempt stays a learner's
first go at the check in their enrolment whatever the period: an attempt in the
period after an earlier one outside it is not a first attempt. Callers scope the
ids through ``organisations.access``; this module does not.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, QuerySet

from organisations.access import active_memberships
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
    first_chosen: Counter = field(default_factory=Counter)  # option key -> first attempts
    first_learners: set = field(default_factory=set, repr=False)  # never shown, only counted

    @property
    def first_people(self) -> int:
        """How many people made the first attempts (one may re-enrol later)."""
        return len(self.first_learners)

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
    def misconception(self) -> tuple[Option, int, int] | None:
        """The wrong option chosen most often at first attempts, how many first
        attempts chose it and that as a percentage of first attempts; the earlier
        option in the bank on a tie. None when no first attempt chose a wrong one."""
        wrong = [
            (option, self.first_chosen[option.key])
            for option in self.question.options
            if not option.correct and self.first_chosen[option.key]
        ]
        if not wrong:
            return None
        option, count = max(wrong, key=lambda pair: pair[1])  # max keeps the first of a tie
        return option, count, round(100 * count / self.first_attempts)

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


def _learners(
    responses: QuerySet,
    *,
    partnership_ids: Iterable[int] | None,
    organisation_ids: Iterable[int] | None,
    sector: str,
) -> QuerySet:
    if partnership_ids is None and organisation_ids is None and not sector:
        return responses
    # Exists, not a join: someone in two organisations counts once.
    members = active_memberships().filter(user=OuterRef("attempt__enrolment__user"))
    if partnership_ids is not None:
        members = members.filter(organisation__partnership_id__in=list(partnership_ids))
    if organisation_ids is not None:
        members = members.filter(organisation_id__in=list(organisation_ids))
    if sector:
        members = members.filter(organisation__sector=sector)
    return responses.filter(Exists(members))


def _answers(
    quiz: KnowledgeCheck,
    *,
    partnership_ids: Iterable[int] | None = None,
    organisation_ids: Iterable[int] | None = None,
    sector: str = "",
    submitted_from: date | None = None,
    submitted_to: date | None = None,
):
    """Every response to ``quiz`` in a submitted attempt, marking those from a
    learner's first submitted attempt in their enrolment."""
    earlier = Attempt.objects.filter(
        enrolment=OuterRef("attempt__enrolment"),
        quiz=quiz,
        submitted_at__lt=OuterRef("attempt__submitted_at"),
    )
    responses = Response.objects.filter(attempt__quiz=quiz, attempt__submitted_at__isnull=False)
    if submitted_from is not None:
        responses = responses.filter(attempt__submitted_at__date__gte=submitted_from)
    if submitted_to is not None:
        responses = responses.filter(attempt__submitted_at__date__lte=submitted_to)
    responses = _learners(
        responses, partnership_ids=partnership_ids, organisation_ids=organisation_ids, sector=sector
    )
    return (
        responses.annotate(later=Exists(earlier))
        .values_list(
            "question_key",
            "selected",
            "correct",
            "attempt__passed",
            "later",
            "attempt__enrolment__user_id",
        )
        .order_by()
    )


def item_analysis(
    *,
    quiz: KnowledgeCheck,
    partnership_ids: Iterable[int] | None = None,
    organisation_ids: Iterable[int] | None = None,
    sector: str = "",
    submitted_from: date | None = None,
    submitted_to: date | None = None,
    questions: dict[str, Question] | None = None,
) -> list[ItemStatistic]:
    """The statistics of every question now in ``quiz``'s bank, in its order,
    over the learners and period the filters give (dates inclusive). Pass
    ``questions`` (``quiz.question_map()``) to reuse a bank already read."""
    labels = quiz.topic_labels()
    questions = quiz.question_map() if questions is None else questions
    items = {
        question.key: ItemStatistic(
            number=number, question=question, topic=labels.get(question.topic, "")
        )
        for number, question in enumerate(questions.values(), start=1)
    }
    answers = _answers(
        quiz,
        partnership_ids=partnership_ids,
        organisation_ids=organisation_ids,
        sector=sector,
        submitted_from=submitted_from,
        submitted_to=submitted_to,
    )
    for key, selected, correct, passed, later, learner in answers.iterator(chunk_size=2000):
        item = items.get(key)
        if item is None:  # a question since removed from the bank
            continue
        item.attempts += 1
        item.chosen.update(selected)
        if not later:
            item.first_attempts += 1
            item.first_correct += correct
            item.first_chosen.update(selected)
            item.first_learners.add(learner)
        tally = item.passed if passed else item.failed
        tally[0] += correct
        tally[1] += 1
    return list(items.values())
