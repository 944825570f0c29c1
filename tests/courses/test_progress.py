"""The learner's records: one per lesson, completion stamped once, history kept."""

import pytest
from django.db.models import ProtectedError

from courses import services
from courses.models import Enrolment, LessonProgress
from courses.services import EnrolmentFinishedError, enrolment_start, lesson_complete
from tests.courses.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(user, tree):
    return enrolment_start(user=user, course=tree.course)


@pytest.fixture
def completions(monkeypatch):
    """Every enrolment passed to the certificates plug-in point."""
    seen = []
    monkeypatch.setattr(services, "_on_enrolment_completed", seen.append)
    return seen


def complete_all(enrolment, lessons):
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()


def test_starting_twice_gives_one_open_enrolment(user, tree):
    first = enrolment_start(user=user, course=tree.course)
    assert enrolment_start(user=user, course=tree.course) == first
    assert Enrolment.objects.filter(user=user).count() == 1


def test_completing_a_lesson_twice_records_it_once(enrolment, tree):
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    assert enrolment.lesson_progress.count() == 1
    assert enrolment.lesson_progress.get().lesson_title == "Lesson 1.1"


def test_finishing_the_last_lesson_completes_the_enrolment_once(enrolment, tree, completions):
    complete_all(enrolment, tree.lessons[:-1])
    assert enrolment.completed_at is None and completions == []
    complete_all(enrolment, tree.lessons[-1:])
    assert enrolment.completed_at is not None
    assert [e.pk for e in completions] == [enrolment.pk]
    stamped = enrolment.completed_at
    assert services.enrolment_complete_if_finished(enrolment=enrolment) is False
    enrolment.refresh_from_db()
    assert enrolment.completed_at == stamped and len(completions) == 1


def test_a_finished_enrolment_is_never_changed(enrolment, tree):
    complete_all(enrolment, tree.lessons)
    with pytest.raises(EnrolmentFinishedError):
        lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    assert enrolment.lesson_progress.count() == len(tree.lessons)


def test_a_refresher_opens_a_new_enrolment_and_keeps_the_history(user, enrolment, tree):
    complete_all(enrolment, tree.lessons)
    refresher = enrolment_start(user=user, course=tree.course)
    assert refresher.pk != enrolment.pk and refresher.is_open
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert enrolment.lesson_progress.count() == len(tree.lessons)
    assert refresher.lesson_progress.count() == 0


def test_a_new_lesson_is_required_of_learners_part_way(enrolment, tree):
    complete_all(enrolment, tree.lessons[:-1])
    new = LessonPageFactory(parent=tree.modules[1], title="New lesson")
    complete_all(enrolment, tree.lessons[-1:])
    assert enrolment.completed_at is None
    complete_all(enrolment, [new])
    assert enrolment.completed_at is not None


def test_a_new_lesson_leaves_finished_enrolments_finished(enrolment, tree):
    complete_all(enrolment, tree.lessons)
    stamped = enrolment.completed_at
    LessonPageFactory(parent=tree.modules[0], title="New lesson")
    enrolment.refresh_from_db()
    assert enrolment.completed_at == stamped


def test_unpublished_lessons_are_not_required(enrolment, tree):
    tree.lessons[-1].unpublish()
    complete_all(enrolment, tree.lessons[:-1])
    assert enrolment.completed_at is not None


def test_deleting_a_lesson_keeps_the_record_with_its_title(enrolment, tree):
    complete_all(enrolment, tree.lessons[:1])
    tree.lessons[0].delete()
    record = LessonProgress.objects.get(enrolment=enrolment)
    assert record.lesson is None and record.lesson_title == "Lesson 1.1"


def test_deleting_a_module_keeps_its_lessons_records(enrolment, tree):
    complete_all(enrolment, tree.lessons[:2])
    tree.modules[0].delete()
    assert LessonProgress.objects.filter(enrolment=enrolment, lesson=None).count() == 2


def test_moving_and_reordering_lessons_keeps_progress(enrolment, tree):
    complete_all(enrolment, tree.lessons[:1])
    tree.lessons[0].move(tree.modules[1], pos="last-child")
    tree.lessons[3].move(tree.lessons[2], pos="left")
    assert enrolment.lesson_progress.get().lesson_id == tree.lessons[0].pk
    complete_all(enrolment, tree.lessons[1:])
    assert enrolment.completed_at is not None


def test_a_course_with_enrolments_cannot_be_deleted(enrolment, tree):
    with pytest.raises(ProtectedError):
        tree.course.delete()
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
