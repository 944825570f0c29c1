"""Writes to a learner's records: starting a course, completing lessons, and
completing the enrolment. Uniqueness is the database's job (see the models'
constraints); these functions are safe to repeat and to run concurrently."""

from django.db import transaction
from django.utils import timezone

from courses.events import enrolment_changed
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from courses.selectors import enrolment_is_finished


class EnrolmentFinishedError(Exception):
    """A finished enrolment is evidence and is never changed."""


def enrolment_start(*, user, course: CoursePage) -> Enrolment:
    """Return the learner's open enrolment on ``course``, opening one if there is none.

    Safe to repeat. A learner whose enrolments are all finished gets a new one:
    that is how a refresher starts, and the finished ones stay exactly as they were.
    Two concurrent starts meet the partial unique constraint; ``get_or_create``
    catches the loser's IntegrityError and fetches the winner's row.
    """
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(
            user=user, course=course, completed_at=None
        )
        if created:
            enrolment_changed(enrolment)
    return enrolment


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: LessonPage) -> LessonProgress:
    """Record that the learner finished ``lesson``; finishing the last required item
    completes the enrolment. Safe to repeat and to race: one record per lesson.

    Raises EnrolmentFinishedError for a finished enrolment. The returned record's
    ``enrolment`` is fresh, so callers can see whether this call completed it.
    """
    # Lock the enrolment: two lessons finished at the same moment must not both
    # miss that the course is now complete.
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if not enrolment.is_open:
        raise EnrolmentFinishedError(enrolment.pk)
    progress, _ = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson, defaults={"lesson_title": lesson.title[:255]}
    )
    progress.enrolment = enrolment
    enrolment_complete_if_finished(enrolment=enrolment)
    return progress


@transaction.atomic
def enrolment_complete_if_finished(*, enrolment: Enrolment) -> bool:
    """Complete ``enrolment`` if every required item (its course's live lessons and
    each module's extra requirements, see ``courses.requirements``) is done.

    Returns True only for the call that stamped ``completed_at``: the stamp is
    written once, under the enrolment's row lock, and never changed after. Quizzes
    call this when an attempt passes.
    """
    locked = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if not locked.is_open or not enrolment_is_finished(enrolment=locked):
        return False
    locked.completed_at = timezone.now()
    locked.save(update_fields=["completed_at"])
    enrolment.completed_at = locked.completed_at
    _on_enrolment_completed(locked)
    return True


def _on_enrolment_completed(enrolment: Enrolment) -> None:
    """The one place courses knows about certificates.

    Called exactly once per enrolment, inside the transaction that stamps
    ``completed_at``, so the pending certificate (the outbox row) commits or rolls
    back with the completion; its rendering is enqueued on commit.
    """
    from certificates.services import certificate_issue_on_completion

    certificate_issue_on_completion(enrolment=enrolment)
    enrolment_changed(enrolment)
