"""Limits count failures per account; an address has only a generous ceiling,
and the address is read through the configured trusted proxy."""

import pytest

from tests.accounts.factories import UserFactory
from tests.accounts.test_signup import SIGNUP, signup_data

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
PROXY = "10.0.0.2"


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_strangers_failing_from_one_address_do_not_lock_out_a_colleague(client, user, password):
    for n in range(12):
        client.post(LOGIN, {"login": f"stranger{n}@example.org", "password": "wrong"})
    response = client.post(LOGIN, {"login": user.email, "password": password})
    assert response.status_code == 302
    assert _signed_in(client)


def test_typos_on_one_account_do_not_lock_out_another(client, user, other_user, password):
    for _ in range(6):
        client.post(LOGIN, {"login": other_user.email, "password": "wrong"})
    client.post(LOGIN, {"login": user.email, "password": password})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_an_address_still_has_a_ceiling(client, user, password, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/5m/ip,5/5m/key",
    }
    for n in range(3):
        client.post(LOGIN, {"login": f"stranger{n}@example.org", "password": "wrong"})
    response = client.post(LOGIN, {"login": user.email, "password": password})
    assert not _signed_in(client)
    assert "Too many failed login attempts" in response.content.decode()


def test_behind_the_trusted_proxy_each_client_has_its_own_ceiling(client, user, password, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/5m/ip,5/5m/key",
    }
    for n in range(3):
        client.post(
            LOGIN,
            {"login": f"stranger{n}@example.org", "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    response = client.post(
        LOGIN,
        {"login": user.email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert response.status_code == 302
    assert _signed_in(client)


def test_a_forged_forwarded_for_header_is_ignored_without_a_trusted_proxy(
    client, user, password, settings
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/5m/ip,5/5m/key",
    }
    for n in range(3):
        client.post(
            LOGIN,
            {"login": f"stranger{n}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    client.post(LOGIN, {"login": user.email, "password": password})
    assert not _signed_in(client)


def test_a_workplace_can_sign_up_many_people_from_one_address(client):
    for n in range(25):
        response = client.post(SIGNUP, signup_data(email=f"nurse{n}@clinic.example"))
        assert response.status_code == 302, n
    assert UserFactory._meta.model.objects.filter(email__startswith="nurse").count() == 25


def test_sign_up_still_has_a_ceiling_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    for n in range(2):
        client.post(SIGNUP, signup_data(email=f"nurse{n}@clinic.example"))
    response = client.post(SIGNUP, signup_data(email="nurse9@clinic.example"))
    assert response.status_code == 429
    assert not UserFactory._meta.model.objects.filter(email="nurse9@clinic.example").exists()


def test_the_organisation_suggestion_is_throttled_per_address(client, db, settings):
    settings.ORGANISATIONS_SUGGEST_RATE = 2
    for _ in range(2):
        assert client.get("/organisations/suggest/", {"email": "a@b.example"}).status_code == 200
    response = client.get("/organisations/suggest/", {"email": "a@b.example"})
    assert response.status_code == 429
    assert "Too many requests" in response.json()["error"]
    other = client.get("/organisations/suggest/", {"email": "a@b.example"}, REMOTE_ADDR="192.0.2.8")
    assert other.status_code == 200
