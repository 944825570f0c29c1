"""Account pages a signed-in person uses to keep their account safe, and the
security emails that tell them when something changed."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail

from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase"


@pytest.fixture
def signed_in(client, user, password):
    client.post("/accounts/login/", {"login": user.email, "password": password})
    return client


def _sent(django_capture_on_commit_callbacks, action):
    with django_capture_on_commit_callbacks(execute=True):
        return action()


def test_changing_the_password_sends_a_security_email(
    signed_in, user, password, django_capture_on_commit_callbacks
):
    assert signed_in.get("/accounts/password/change/").status_code == 200
    data = {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = _sent(
        django_capture_on_commit_callbacks,
        lambda: signed_in.post("/accounts/password/change/", data),
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert "password" in message.subject.lower()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_adding_an_email_address_is_notified(signed_in, user, django_capture_on_commit_callbacks):
    assert signed_in.get("/accounts/email/").status_code == 200
    _sent(
        django_capture_on_commit_callbacks,
        lambda: signed_in.post(
            "/accounts/email/", {"action_add": "", "email": "sam.new@example.org"}
        ),
    )
    subjects = [message.subject.lower() for message in mail.outbox]
    recipients = [message.to for message in mail.outbox]
    assert ["sam.new@example.org"] in recipients  # the confirmation
    assert any("email" in subject for subject in subjects)


def test_turning_on_and_off_an_authenticator_is_notified(
    signed_in, user, password, django_capture_on_commit_callbacks
):
    assert signed_in.get("/accounts/2fa/").status_code == 200
    secret = _sent(django_capture_on_commit_callbacks, lambda: activate_totp(signed_in, password))
    assert any(message.to == [user.email] for message in mail.outbox)
    added = len(mail.outbox)
    # Sensitive steps can ask for a fresh authenticator code.
    reauth = signed_in.get("/accounts/2fa/reauthenticate/")
    assert reauth.status_code == 200 and 'name="code"' in reauth.content.decode()
    codes = signed_in.get("/accounts/2fa/recovery-codes/")
    assert codes.status_code == 200
    download = signed_in.get("/accounts/2fa/recovery-codes/download/")
    assert download.status_code == 200 and download["Content-Type"].startswith("text/plain")
    assert signed_in.get("/accounts/2fa/recovery-codes/generate/").status_code == 200
    assert signed_in.post("/accounts/2fa/recovery-codes/generate/").status_code == 302
    deactivate = "/accounts/2fa/totp/deactivate/"
    assert signed_in.get(deactivate).status_code in (200, 302)
    response = _sent(django_capture_on_commit_callbacks, lambda: signed_in.post(deactivate))
    if response.status_code == 302 and "reauthenticate" in response["Location"]:
        # Turning it off needs proof again: an authenticator code, this time.
        assert signed_in.get("/accounts/2fa/reauthenticate/").status_code == 200
        signed_in.post("/accounts/2fa/reauthenticate/", {"code": totp_code(secret)})
        response = _sent(django_capture_on_commit_callbacks, lambda: signed_in.post(deactivate))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert len(mail.outbox) > added


def test_signing_out(signed_in):
    assert signed_in.get("/accounts/logout/").status_code == 200
    signed_in.post("/accounts/logout/")
    assert "_auth_user_id" not in signed_in.session


def test_a_password_reset_journey_ends_signed_out_with_the_new_password(
    client, user, django_capture_on_commit_callbacks
):
    _sent(
        django_capture_on_commit_callbacks,
        lambda: client.post("/accounts/password/reset/", {"email": user.email}, follow=True),
    )
    assert client.get("/accounts/password/reset/done/").status_code == 200
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    response = _sent(
        django_capture_on_commit_callbacks,
        lambda: client.post(form.redirect_chain[-1][0], data, follow=True),
    )
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/key/done/"
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # The change is confirmed by email too.
    assert any("password" in message.subject.lower() for message in mail.outbox[1:])


def test_signing_up_says_to_check_the_inbox(client):
    from tests.accounts.test_signup import SIGNUP, signup_data

    response = client.post(SIGNUP, signup_data(), follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    assert "confirm" in response.content.decode().lower()


def test_an_inactive_account_is_told_so(client, password):
    inactive = UserFactory(is_active=False)
    response = client.post(
        "/accounts/login/", {"login": inactive.email, "password": password}, follow=True
    )
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/inactive/").status_code == 200
    assert response.status_code == 200
