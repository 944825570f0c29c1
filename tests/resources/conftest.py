import pytest

from resources.models import ResourceIndexPage
from tests.resources.factories import SchoolFactory, teacher_at


@pytest.fixture
def library(home):
    return home.add_child(
        instance=ResourceIndexPage(title="Lesson plans for schools", slug="schools")
    )


@pytest.fixture
def school(db):
    return SchoolFactory(name="Riverside Academy")


@pytest.fixture
def teacher(school):
    return teacher_at(school, full_name="Tia Teacher", email="tia@riverside.example")


@pytest.fixture
def manager(school):
    return teacher_at(school, manager=True, full_name="Hana Head", email="head@riverside.example")


@pytest.fixture
def modules(home):
    return module_pages(home)


def module_pages(home):
    """Three published practitioner modules a plan can link to, with the source
    keys the course loader gives them."""
    from tests.courses.factories import (
        CourseIndexPageFactory,
        CoursePageFactory,
        ModulePageFactory,
    )

    index = CourseIndexPageFactory(parent=home, slug="training")
    course = CoursePageFactory(parent=index, title="CSE awareness", slug="cse-awareness")
    slugs = ["what-cse-is", "myths-and-realities", "warning-signs"]
    return [
        ModulePageFactory(
            parent=course, title=f"Module {n}", slug=slug, source_key=f"cse-awareness/{slug}"
        )
        for n, slug in enumerate(slugs, start=1)
    ]
