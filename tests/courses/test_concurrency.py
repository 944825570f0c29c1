"""Concurrent writes on PostgreSQL: the database keeps one record and one stamp.

Runs in the services lane (make test-services); SQLite serialises writers anyway.
"""

import contextlib
import threading

import pytest
from django.db import close_old_connections, connection

from courses import services
from courses.models import Enrolment, LessonProgress

pytestmark = [
    pytest.mark.services,
    # Threads need committed data (tests/conftest.py restores Wagtail's tree).
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (make test-services)"
    ),
]

THREADS = 8


def run_together(target, args_list):
    """Start every call at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(args_list))
    errors = []

    def worker(*args):
        try:
            barrier.wait()
            target(*args)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors


def test_concurrent_completes_of_one_lesson_give_one_record(transactional_db, user, tree):
    enrolment = services.enrolment_start(user=user, course=tree.course)
    lesson = tree.lessons[0]
    run_together(
        lambda: services.lesson_complete(enrolment=enrolment, lesson=lesson),
        [()] * THREADS,
    )
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).count() == 1


def test_concurrent_starts_give_one_open_enrolment(transactional_db, user, tree):
    run_together(lambda: services.enrolment_start(user=user, course=tree.course), [()] * THREADS)
    assert Enrolment.objects.filter(user=user, completed_at=None).count() == 1


def test_finishing_the_last_lessons_together_completes_once(
    transactional_db, user, tree, monkeypatch
):
    completed = []
    monkeypatch.setattr(services, "_on_enrolment_completed", completed.append)
    enrolment = services.enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons[:2]:
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
    last_two = [(lesson,) for lesson in tree.lessons[2:]] * 3
    run_together(lambda lesson: _complete_unless_finished(enrolment, lesson), last_two)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert [e.pk for e in completed] == [enrolment.pk]
    assert enrolment.lesson_progress.count() == 4


def _complete_unless_finished(enrolment, lesson):
    # A request that finds the course already complete has nothing to do.
    with contextlib.suppress(services.EnrolmentFinishedError):
        services.lesson_complete(enrolment=enrolment, lesson=lesson)
