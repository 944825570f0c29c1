from dataclasses import dataclass

import pytest

from courses.models import CoursePage, LessonPage, ModulePage
from tests.courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)


@dataclass
class CourseTree:
    course: CoursePage
    modules: list[ModulePage]
    lessons: list[LessonPage]


@pytest.fixture
def tree(home) -> CourseTree:
    """A course of two modules with two lessons each, all published."""
    index = CourseIndexPageFactory(parent=home, slug="training")
    course = CoursePageFactory(parent=index, title="CSE awareness", slug="cse-awareness")
    modules, lessons = [], []
    for m in (1, 2):
        module = ModulePageFactory(parent=course, title=f"Module {m}", slug=f"module-{m}")
        modules.append(module)
        for n in (1, 2):
            lessons.append(
                LessonPageFactory(parent=module, title=f"Lesson {m}.{n}", slug=f"lesson-{m}-{n}")
            )
    return CourseTree(course=course, modules=modules, lessons=lessons)


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client
