"""How learners answer each question: the statistics editors see beside a check
and the reports read. One query per call, however many questions a check has."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from organisations.models import Membership
from quizzes.models import KnowledgeCheck, Response
from quizzes.questions import Question


@dataclass(frozen=True)
class QuestionStatistic:
    number: int  # the question's position in the check as written
    question: Question
    answered: int  # submitted attempts that answered it
    correct: int

    @property
    def percent_correct(self) -> int | None:
        return round(100 * self.correct / self.answered) if self.answered else None


def question_statistics(
    *,
    quiz: KnowledgeCheck,
    partnership_ids: Iterable[int] | None = None,
    organisation_ids: Iterable[int] | None = None,
    submitted_from: date | None = None,
    submitted_to: date | None = None,
) -> list[QuestionStatistic]:
    """For each question now in ``quiz``, how many submitted attempts answered it
    and how many of those got it right. One query.

    The filters narrow to learners in those partnerships' or organisations' staff
    and to attempts submitted between the two dates (inclusive). Callers scope
    the ids through ``organisations.access``; this function does not.
    """
    responses = Response.objects.filter(attempt__quiz=quiz, attempt__submitted_at__isnull=False)
    if submitted_from is not None:
        responses = responses.filter(attempt__submitted_at__date__gte=submitted_from)
    if submitted_to is not None:
        responses = responses.filter(attempt__submitted_at__date__lte=submitted_to)
    if partnership_ids is not None or organisation_ids is not None:
        # Exists, not a join: someone in two organisations counts once.
        members = Membership.objects.active().filter(user=OuterRef("attempt__enrolment__user"))
        if partnership_ids is not None:
            members = members.filter(organisation__partnership_id__in=list(partnership_ids))
        if organisation_ids is not None:
            members = members.filter(organisation_id__in=list(organisation_ids))
        responses = responses.filter(Exists(members))
    counts = {
        row["question_key"]: row
        for row in responses.order_by()
        .values("question_key")
        .annotate(answered=Count("pk"), right=Count("pk", filter=Q(correct=True)))
    }
    return [
        QuestionStatistic(
            number=number,
            question=question,
            answered=counts.get(question.key, {}).get("answered", 0),
            correct=counts.get(question.key, {}).get("right", 0),
        )
        for number, question in enumerate(quiz.question_map().values(), start=1)
    ]
