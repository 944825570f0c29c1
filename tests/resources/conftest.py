import pytest
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from lms.models import HomePage
from resources.models import ResourceIndexPage
from tests.resources.factories import SchoolFactory, teacher_at


@pytest.fixture
def home(db):
    """A site whose root is the home page (made from scratch if a transactional
    test has flushed Wagtail's initial tree)."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", lead="Training."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


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
