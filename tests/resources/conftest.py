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
