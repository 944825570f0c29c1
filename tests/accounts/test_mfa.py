import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
MFA_STEP = "/accounts/2fa/authenticate/"


def login(client, user, password):
    return client.post(LOGIN, {"login": user.email, "password": password})


@pytest.fixture
def user_with_totp(client, user, password):
    login(client, user, password)
    secret = activate_totp(client, password)
    client.logout()
    return user, secret


def test_activating_totp_creates_an_authenticator_and_recovery_codes(client, user, password):
    login(client, user, password)
    activate_totp(client, password)
    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_login_asks_for_a_code_once_totp_is_on(client, user_with_totp, password):
    user, secret = user_with_totp
    response = login(client, user, password)
    assert response["Location"] == MFA_STEP
    assert "_auth_user_id" not in client.session

    response = client.post(MFA_STEP, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_code_is_refused(client, user_with_totp, password):
    user, _ = user_with_totp
    login(client, user, password)
    response = client.post(MFA_STEP, {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_used_twice(client, user_with_totp, password):
    user, secret = user_with_totp
    code = totp_code(secret)
    login(client, user, password)
    assert client.post(MFA_STEP, {"code": code}).status_code == 302
    client.logout()

    login(client, user, password)
    response = client.post(MFA_STEP, {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_signs_in_once(client, user_with_totp, password):
    user, _ = user_with_totp
    recovery = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    code = recovery.wrap().get_unused_codes()[0]
    login(client, user, password)
    assert client.post(MFA_STEP, {"code": code}).status_code == 302
    client.logout()
    login(client, user, password)
    assert client.post(MFA_STEP, {"code": code}).status_code == 200


@pytest.fixture
def editor(db):
    editor = UserFactory(email="editor@example.org", full_name="Ed Itor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def test_admin_is_closed_to_an_editor_until_they_set_up_totp(client, editor, password):
    login(client, editor, password)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")

    activate_totp(client, password)
    assert client.get("/admin/").status_code == 200


def test_learners_are_not_forced_to_use_totp(client, user, password):
    login(client, user, password)
    assert client.get("/my-learning/").status_code == 200
