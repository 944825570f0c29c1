import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_cache_does_not_answer(client, monkeypatch):
    import lms.health

    monkeypatch.setattr(lms.health, "cache_answers", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"


def test_every_page_sends_a_permissions_policy(client, home):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_a_lost_database_connection_gives_a_clear_503_page(client, home, monkeypatch):
    from wagtail.models import Page

    def unreachable(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly") from (
            type("PgError", (Exception,), {"sqlstate": None})()
        )

    monkeypatch.setattr(Page, "serve", unreachable)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()


def test_other_database_errors_are_not_disguised_as_an_outage(client, home, monkeypatch):
    from wagtail.models import Page

    def broken(*args, **kwargs):
        raise OperationalError("no such column: nothing")

    monkeypatch.setattr(Page, "serve", broken)
    with pytest.raises(OperationalError):
        client.get("/")
