import pytest
from django.core.cache import cache

from tests.accounts.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


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
