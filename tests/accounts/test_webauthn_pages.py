"""Security keys and passkeys sit beside authenticator apps. The key ceremony
runs in the browser (allauth's); these tests open every page the project offers
for it, through the real HTTP layer."""

import pytest
from allauth.mfa.models import Authenticator

from tests.accounts.mfa import reauthenticate

pytestmark = pytest.mark.django_db


def test_the_security_key_pages_open(client, user, password):
    client.force_login(user)
    reauthenticate(client, password)
    assert client.get("/accounts/2fa/webauthn/").status_code == 200
    assert client.get("/accounts/2fa/webauthn/add/").status_code == 200
    key = Authenticator.objects.create(
        user=user, type=Authenticator.Type.WEBAUTHN, data={"name": "Office key"}
    )
    assert client.get(f"/accounts/2fa/webauthn/keys/{key.pk}/edit/").status_code == 200
    assert client.get(f"/accounts/2fa/webauthn/keys/{key.pk}/remove/").status_code == 200


def test_someone_elses_key_is_not_found(client, user, other_user, password):
    key = Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data={})
    client.force_login(other_user)
    reauthenticate(client, password)
    assert client.get(f"/accounts/2fa/webauthn/keys/{key.pk}/edit/").status_code == 404


def test_without_a_key_reauthentication_falls_back_to_the_password(client, user):
    client.force_login(user)
    response = client.get("/accounts/2fa/webauthn/reauthenticate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
