import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from courses.services import enrolment_start, lesson_complete
from lms.models import HomePage
from tests.courses import conftest as courses_fixtures
from tests.quizzes.factories import KnowledgeCheckFactory

# The course tree and a signed-in client, reused from the courses tests.
tree = courses_fixtures.tree
signed_in = courses_fixtures.signed_in


@pytest.fixture
def home(db):
    """As ``tests.courses.conftest.home`` (which ``tree`` builds on), but it also
    remakes what migrations made, the default locale and the root page, when a
    transactional test has flushed them: the browser and concurrency tests run
    after such tests in the full lanes."""
    ContentType.objects.clear_cache()  # a flush renumbers the content types
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code=language)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", lead="Training."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def quiz(tree):
    """A check on the first module: single, multiple, myth or fact, scenario."""
    return KnowledgeCheckFactory(module=tree.modules[0], title="Check: module 1")


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
