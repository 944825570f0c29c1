import pytest

from courses.services import enrolment_start, lesson_complete
from tests.courses import conftest as courses_fixtures
from tests.quizzes.factories import KnowledgeCheckFactory, one_of_each, taught, topics

# The course tree and a signed-in client, reused from the courses tests.
tree = courses_fixtures.tree
signed_in = courses_fixtures.signed_in


@pytest.fixture
def quiz(tree):
    """A check on the first module: single, multiple, myth or fact, scenario, on
    topics "a" (taught in lesson 1.1) and "b" (lesson 1.2)."""
    lessons = tree.lessons[:2]
    questions = [
        taught(question, topic="ab"[n % 2], lesson=lessons[n % 2])
        for n, question in enumerate(one_of_each())
    ]
    return KnowledgeCheckFactory(
        module=tree.modules[0],
        title="Check: module 1",
        topics=topics("a", "b"),
        questions=questions,
    )


@pytest.fixture
def enrolment(user, tree):
    return enrolment_start(user=user, course=tree.course)


@pytest.fixture
def lessons_done(enrolment, tree, quiz):
    """Every lesson finished while ``quiz`` is on the first module: only the
    knowledge checks are left."""
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment
