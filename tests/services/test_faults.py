"""Faults, on private servers (tests/services/servers.py): PostgreSQL restarted
mid-run, Redis stopped. The machine's shared PostgreSQL and Redis are never
touched."""

import threading
import time

import psycopg
import pytest

from tests.services.servers import Browser, make_site

pytestmark = pytest.mark.services

UNAVAILABLE = "Sorry, the service is unavailable"


@pytest.fixture(scope="module")
def site():
    site = make_site()
    yield site
    site.stop()
    site.redis.stop()
    site.postgres.stop()


def _signup(browser, email):
    return browser.post(
        "/accounts/signup/",
        {
            "full_name": "Fault Tester",
            "email": email,
            "organisation": "",
            "job_role": "Nurse",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )


def _traffic(site, stop, results):
    """Readers of the home page and people signing up, until ``stop``."""
    n = 0
    while not stop.is_set():
        n += 1
        browser = Browser(site)
        email = f"fault{n}@clinic.example"
        try:
            page = browser.get("/")
            form = browser.get("/accounts/signup/")
            # No form (the outage answered instead), no sign-up to try.
            signup = _signup(browser, email) if form.status_code == 200 else None
        except Exception as error:  # a refused connection is a failure too
            results.append(("error", repr(error), email, None))
            continue
        results.append((time.monotonic(), page, email, signup))
        time.sleep(0.02)


def test_a_database_restart_gives_a_clear_503_then_none_and_nothing_half_written(site):
    results, stop = [], threading.Event()
    worker = threading.Thread(target=_traffic, args=(site, stop, results))
    worker.start()
    try:
        time.sleep(1.5)
        site.postgres.stop()
        time.sleep(2.5)
        site.postgres.start()
        site.wait_healthy()
        back = time.monotonic()
        time.sleep(2.5)
    finally:
        stop.set()
        worker.join(timeout=60)
    assert not [r for r in results if r[0] == "error"], "a request failed without an answer"
    pages = [(at, page) for at, page, _, _ in results]
    assert {page.status_code for _, page in pages} <= {200, 503}
    outage = [page for _, page in pages if page.status_code == 503]
    assert outage, "the outage was never seen"
    assert all(UNAVAILABLE in page.text for page in outage)
    assert all(page.headers["Retry-After"] for page in outage)
    after = [page for at, page in pages if at > back + 0.5]
    assert after and all(page.status_code == 200 for page in after)

    with psycopg.connect(site.postgres.url) as connection:
        rows = connection.execute(
            "SELECT u.email, count(e.id) FROM accounts_user u "
            "LEFT JOIN account_emailaddress e ON e.user_id = u.id "
            "WHERE u.email LIKE 'fault%%' GROUP BY u.email"
        ).fetchall()
    stored = dict(rows)
    assert all(count == 1 for count in stored.values()), "a user without an email address"
    tried = [(email, signup) for _, _, email, signup in results if signup is not None]
    assert any(signup.status_code == 302 for _, signup in tried)
    for email, signup in tried:
        if signup.status_code == 302:
            assert email in stored
        else:
            assert signup.status_code == 503 and UNAVAILABLE in signup.text
            assert email not in stored


def test_with_redis_stopped_pages_serve_and_sign_in_says_it_cannot(site):
    from lms.demo import DEMO_USERS

    learner = DEMO_USERS[0]
    site.redis.stop()
    try:
        browser = Browser(site)
        assert browser.get("/").status_code == 200
        assert browser.get("/accounts/login/").status_code == 200
        health = browser.get("/healthz")
        assert health.status_code == 503
        assert health.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
        response = browser.post(
            "/accounts/login/", {"login": learner.email, "password": learner.password}
        )
        assert response.status_code == 200
        assert "Sign-in is unavailable for a few minutes" in response.text
    finally:
        site.redis.start()
    site.wait_healthy()
    browser = Browser(site)
    response = browser.post(
        "/accounts/login/", {"login": learner.email, "password": learner.password}
    )
    assert response.status_code == 302
