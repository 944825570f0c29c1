"""Writes to a learner's attempts: starting one, and submitting it for scoring.

Uniqueness is the database's job (one open attempt per enrolment and check, one
response per question); these functions lock the rows they decide on, so they
are safe to repeat and to race. Anything refused changes nothing.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from courses.services import enrolment_complete_if_finished
from quizzes.answers import checked_answers
from quizzes.layout import attempt_layout
from quizzes.models import Attempt, KnowledgeCheck, Response
from quizzes.scoring import answer_is_correct, score
from quizzes.standing import Standing


class AttemptRefused(Exception):
    """The learner may not start or submit this attempt. ``str(error)`` says why."""


@dataclass(frozen=True)
class Submission:
    attempt: Attempt
    scored_now: bool  # False: it had been submitted already; nothing changed
    completed_course: bool = False


def attempt_start(
    *, enrolment: Enrolment, quiz: KnowledgeCheck, rng: random.Random | None = None
) -> Attempt:
    """Return the learner's open attempt at ``quiz``, or open a new one with the
    questions and options in the order the server chooses for it.

    Raises AttemptRefused when the enrolment is finished, the check is already
    passed, or every allowed attempt has been used.
    """
    with transaction.atomic():
        # Starts for one enrolment queue on its row, so the count of attempts used
        # cannot be read twice before either writes.
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        standing = Standing(
            quiz=quiz,
            enrolment=enrolment,
            attempts=list(Attempt.objects.filter(enrolment=enrolment, quiz=quiz)),
        )
        if standing.current is not None:
            return standing.current
        if standing.refusal:
            raise AttemptRefused(standing.refusal)
        layout = attempt_layout(
            questions=list(quiz.question_map().values()),
            random_order=quiz.random_order,
            shuffle_options=quiz.shuffle_options,
            rng=rng or random.SystemRandom(),
        )
        return Attempt.objects.create(
            enrolment=enrolment, quiz=quiz, layout=layout, pass_mark=quiz.pass_mark
        )


@transaction.atomic
def attempt_submit(*, attempt: Attempt, answers: Mapping[str, Sequence[str]]) -> Submission:
    """Score ``attempt`` from ``answers`` ({question key: [option keys]}) and record
    one response per question. Passing completes the enrolment if nothing else
    is left to do in the course.

    The attempt's row is locked first, so of two submissions at once one scores
    it and the other finds it submitted and changes nothing. Raises
    AttemptRefused, AnswersRejected or AnswersIncomplete, having written nothing.
    """
    attempt = (
        Attempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "enrolment")
        .get(pk=attempt.pk)
    )
    if attempt.is_submitted:
        return Submission(attempt=attempt, scored_now=False)
    quiz, enrolment = attempt.quiz, attempt.enrolment
    earlier = Attempt.objects.filter(enrolment=enrolment, quiz=quiz, submitted_at__isnull=False)
    refusal = Standing(quiz=quiz, enrolment=enrolment, attempts=list(earlier)).refusal
    if refusal:
        raise AttemptRefused(refusal)
    questions = quiz.question_map()
    chosen = checked_answers(layout=attempt.layout, questions=questions, answers=answers)
    marks = {
        key: answer_is_correct(correct=questions[key].correct_keys, chosen=options)
        for key, options in chosen.items()
    }
    Response.objects.bulk_create(
        Response(attempt=attempt, question_key=key, selected=sorted(chosen[key]), correct=mark)
        for key, mark in marks.items()
    )
    result = score(marks=marks.values(), pass_mark=attempt.pass_mark)
    attempt.submitted_at = timezone.now()
    attempt.score, attempt.out_of, attempt.passed = result.correct, result.total, result.passed
    attempt.save(update_fields=["submitted_at", "score", "out_of", "passed"])
    completed = result.passed and enrolment_complete_if_finished(enrolment=enrolment)
    return Submission(attempt=attempt, scored_now=True, completed_course=completed)
