"""The audit trail: revocations, exports and role changes are logged with who
and when, and administrators filter them in Wagtail's site history report."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def administrator(db):
    admin = UserFactory(is_superuser=True, full_name="Ada Admin", email="ada@example.org")
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return admin


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def entries(action, person=None):
    found = ModelLogEntry.objects.filter(action=action).order_by("pk")
    if person is not None:
        found = found.filter(object_id=str(person.pk))
    return list(found)


def _edit_user(admin_client, person, **changes):
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "job_role": "",
        "is_active": "on",
        "groups": [group.pk for group in person.groups.all()],
    }
    if person.is_superuser:
        data["is_superuser"] = "on"
    data.update(changes)
    data = {key: value for key, value in data.items() if value is not None}
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_making_someone_an_administrator_is_logged_with_who_and_when(
    admin_client, administrator, user
):
    _edit_user(admin_client, user, is_superuser="on")
    user.refresh_from_db()
    assert user.is_superuser
    (entry,) = entries("accounts.superuser_granted", user)
    assert entry.user_id == administrator.pk
    assert entry.object_id == str(user.pk)
    assert entry.timestamp is not None
    _edit_user(admin_client, user, is_superuser=None)
    (removed,) = entries("accounts.superuser_removed", user)
    assert removed.user_id == administrator.pk


def test_group_changes_are_logged_from_either_side(admin_client, administrator, user):
    editors = Group.objects.get(name="Editors")
    _edit_user(admin_client, user, groups=[editors.pk])
    (added,) = entries("accounts.groups_added")
    assert added.data == {"groups": "Editors"} and added.user_id == administrator.pk
    _edit_user(admin_client, user, groups=[])
    (removed,) = entries("accounts.groups_removed")
    assert removed.data == {"groups": "Editors"}
    editors.user_set.add(user)
    assert len(entries("accounts.groups_added")) == 2


def test_signing_in_logs_no_role_change(client, user, password):
    client.post("/accounts/login/", {"login": user.email, "password": password})
    assert not ModelLogEntry.objects.filter(action__startswith="accounts.").exists()


def test_administrators_filter_the_trail_by_action(admin_client, administrator, user):
    _edit_user(admin_client, user, is_superuser="on")
    Group.objects.get(name="Editors").user_set.add(user)
    response = admin_client.get(HISTORY, {"action": "accounts.superuser_granted"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Made an administrator (superuser)" in html
    assert "Added to groups" not in html
    assert "Ada Admin" in html
    # The report's filter offers the audited actions that have happened.
    for action in ("accounts.superuser_granted", "accounts.groups_added"):
        assert f'value="{action}"' in html
