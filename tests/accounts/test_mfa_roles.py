"""Every privileged role must have an authenticator before any page of other
people's records, and cannot remove its last one."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from organisations.models import Sector
from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp, totp_code
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Riverside Academy", sector=Sector.EDUCATION)


def manager(school):
    return MembershipFactory(organisation=school, is_manager=True, mfa=False).user


def lead(school):
    return PartnershipLeadFactory(partnership=school.partnership, mfa=False).user


def editor(school):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def administrator(school):
    return UserFactory(is_staff=True, is_superuser=True)


ROLES = [manager, lead, editor, administrator]


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.__name__)
def test_each_privileged_role_is_sent_to_set_up_mfa_on_a_staff_page(client, school, role, password):
    user = role(school)
    client.force_login(user)
    for url in (f"/organisations/{school.pk}/staff/", "/", "/my-learning/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    activate_totp(client, password)
    expected = 404 if role in (editor,) else 200  # editors see no one's staff
    assert client.get(f"/organisations/{school.pk}/staff/").status_code == expected


def test_a_pending_manager_is_not_privileged(client, school):
    pending = MembershipFactory(
        organisation=school, is_manager=True, state="pending", joined_at=None, mfa=False
    ).user
    client.force_login(pending)
    assert client.get("/my-learning/").status_code == 200


def test_becoming_a_manager_mid_session_asks_for_mfa_at_once(client, school, user):
    membership = MembershipFactory(organisation=school, user=user)
    client.force_login(user)
    assert client.get("/my-learning/").status_code == 200
    membership.is_manager = True
    membership.save()
    assert client.get("/my-learning/").status_code == 302


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.__name__)
def test_a_privileged_person_cannot_remove_their_last_authenticator(client, school, role, password):
    user = role(school)
    client.force_login(user)
    activate_totp(client, password)
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    assert response.status_code in (200, 302)


def test_nor_their_last_security_key(client, school, password):
    user = manager(school)
    key = Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data={})
    client.force_login(user)
    client.post("/accounts/reauthenticate/", {"password": password})
    response = client.post(f"/accounts/2fa/webauthn/keys/{key.pk}/remove/")
    assert response.status_code == 302
    assert Authenticator.objects.filter(pk=key.pk).exists()


def test_a_learner_may_remove_theirs(client, user, password):
    client.force_login(user)
    activate_totp(client, password)
    client.post("/accounts/2fa/totp/deactivate/")
    assert not Authenticator.objects.filter(user=user, type="totp").exists()


def test_privileged_people_are_not_remembered(client, school, password):
    user = manager(school)
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    login = {"login": user.email, "password": password, "remember": "on"}
    client.post("/accounts/login/", login)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session.get_expire_at_browser_close()


def test_learners_may_ask_to_be_remembered(client, user, password):
    client.post("/accounts/login/", {"login": user.email, "password": password, "remember": "on"})
    assert client.session["_auth_user_id"] == str(user.pk)
    assert not client.session.get_expire_at_browser_close()
