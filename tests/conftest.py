import pytest
from django.core.cache import cache

from tests.accounts.factories import PASSWORD, UserFactory

# Fails a full run that leaves any project URL unrequested (tests/url_coverage.py).
pytest_plugins = ["tests.url_coverage"]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _wagtail_base_rows(request):
    """Give every transactional test the rows Wagtail's migrations make.

    Such tests commit for real, so the database is flushed after each one, and
    the flush takes the default locale and the root page with it; content types
    come back with new ids, so the cached ones are dropped.
    """
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    ContentType.objects.clear_cache()
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code=language)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def home(db):
    """The site's home page, standing in for the one seed_demo makes."""
    from wagtail.models import Page, Site

    from lms.models import HomePage

    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page, and its Site
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="home", lead="Training for everyone.")
    )
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory(full_name="Sam Practitioner", email="sam@example.org")


@pytest.fixture
def other_user(db):
    return UserFactory(full_name="Alex Other", email="alex@example.org")


def pytest_collection_modifyitems(config, items):
    """Tests that need PostgreSQL, Redis or a worker run only in the services lane."""
    import os

    if os.environ.get("LMS_TEST_SERVICES"):
        return
    skip = pytest.mark.skip(reason="needs `make test-services` (PostgreSQL, Redis, Celery)")
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)
