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
from quizzes.bank import draw_questions
from quizzes.layout import attempt_layout
from quizzes.models import Attempt, KnowledgeCheck, Reread, Response
from quizzes.scoring import answer_is_correct, score
from quizzes.standing import Standing, lessons_to_reread, standing_for


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
    """Return the learner's open attempt at ``quiz``, or open a new one: a fresh
    draw from the bank (see ``quizzes.bank``), with the questions and options in
    the order the server chooses for it.

    Raises AttemptRefused when the enrolment is finished, the check is already
    passed, every allowed attempt has been used, or the wait or rereading asked
    for after a failed attempt is not yet done.
    """
    with transaction.atomic():
        # Starts for one enrolment queue on its row, so the count of attempts used
        # cannot be read twice before either writes.
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        standing = standing_for(
            quiz=quiz,
            enrolment=enrolment,
            attempts=list(Attempt.objects.filter(enrolment=enrolment, quiz=quiz)),
        )
        if standing.current is not None:
            return standing.current
        if standing.refusal or standing.retry_refusal:
            raise AttemptRefused(standing.refusal or standing.retry_refusal)
        rng = rng or random.SystemRandom()
        drawn = draw_questions(
            questions=list(quiz.question_map().values()),
            draw=quiz.draw,
            topics=list(quiz.topic_labels()),
            rng=rng,
        )
        layout = attempt_layout(
            questions=drawn,
            random_order=quiz.random_order,
            shuffle_options=quiz.shuffle_options,
            rng=rng,
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


def reread_record(*, attempt: Attempt, lesson_id: int):
    """Record that the learner reopened a lesson linked from one of ``attempt``'s
    wrong answers, and return the lesson; None if the attempt links to no such
    lesson. Safe to repeat: one row per attempt and lesson."""
    if not attempt.is_submitted or attempt.passed:
        return None
    lessons = lessons_to_reread(attempt=attempt, questions=attempt.quiz.question_map())
    lesson = next((lesson for lesson in lessons if lesson.pk == lesson_id), None)
    if lesson is not None:
        Reread.objects.get_or_create(attempt=attempt, lesson=lesson)
    return lesson
