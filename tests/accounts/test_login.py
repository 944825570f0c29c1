import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_login_with_email_and_password(client, user, password):
    response = client.post(LOGIN, {"login": user.email, "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_message(client, user):
    response = client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_on_an_account_are_throttled(client, user, password):
    for _ in range(5):
        client.post(LOGIN, {"login": user.email, "password": "wrong-password"})
    # Even the right password is refused while the throttle holds, from any address.
    response = client.post(
        LOGIN, {"login": user.email, "password": password}, REMOTE_ADDR="198.51.100.9"
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_sends_a_link(client, user, django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/login/")
