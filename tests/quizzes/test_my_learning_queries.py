"""My learning costs the same number of queries for one course or many, knowledge
checks included."""

import pytest

from courses.services import enrolment_start, lesson_complete
from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.quizzes.factories import KnowledgeCheckFactory

pytestmark = pytest.mark.django_db

MY_LEARNING = "/my-learning/"


def _course_with_a_check(index, n: int):
    course = CoursePageFactory(parent=index, title=f"Course {n}", slug=f"course-{n}")
    module = ModulePageFactory(parent=course, title=f"Module {n}", slug=f"module-{n}")
    lesson = LessonPageFactory(parent=module, title=f"Lesson {n}", slug=f"lesson-{n}")
    KnowledgeCheckFactory(module=module, title=f"Check {n}")
    return course, lesson


def test_my_learning_queries_do_not_grow_with_courses(
    signed_in, user, tree, django_assert_max_num_queries
):
    index = tree.course.get_parent()
    counts = []
    for size in (1, 6):
        while len(list(user.enrolments.filter(completed_at=None))) < size:
            n = user.enrolments.count()
            course, lesson = _course_with_a_check(index, n)
            enrolment = enrolment_start(user=user, course=course)
            lesson_complete(enrolment=enrolment, lesson=lesson)
        signed_in.get(MY_LEARNING)  # warm the per-process caches
        with django_assert_max_num_queries(14) as captured:
            response = signed_in.get(MY_LEARNING)
        assert response.status_code == 200
        assert response.content.decode().count("Course ") >= size
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
