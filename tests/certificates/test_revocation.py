"""Revocation, and the certificates and branding screens of the Wagtail admin."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.mfa import reauthenticate

pytestmark = pytest.mark.django_db


def _with_mfa(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


@pytest.fixture
def administrator(db):
    return _with_mfa(UserFactory(is_superuser=True, full_name="Ada Admin"))


@pytest.fixture
def editor(db):
    user = _with_mfa(UserFactory(full_name="Eddie Editor"))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_revoking_keeps_who_when_and_why(issued, administrator):
    certificate_revoke(certificate=issued, by=administrator, reason="  Completed by someone else ")
    issued.refresh_from_db()
    assert issued.revoked_by == administrator
    assert issued.revoked_at is not None
    assert issued.revocation_reason == "Completed by someone else"


def test_the_first_revocation_stands(issued, administrator):
    first = certificate_revoke(certificate=issued, by=administrator, reason="First")
    again = certificate_revoke(certificate=issued, by=UserFactory(), reason="Second")
    assert (again.revoked_at, again.revocation_reason) == (first.revoked_at, "First")


def test_a_revocation_needs_a_reason(issued, administrator):
    with pytest.raises(ValueError, match="reason"):
        certificate_revoke(certificate=issued, by=administrator, reason="   ")


def test_an_administrator_revokes_from_the_admin(client, issued, administrator):
    client.force_login(administrator)
    reauthenticate(client, PASSWORD)
    index = client.get(reverse("certificate_admin:index"))
    assert index.status_code == 200
    assert "Sam Practitioner" in index.content.decode()
    revoke_url = reverse("certificate_admin:revoke", args=[issued.pk])
    inspect = client.get(reverse("certificate_admin:inspect", args=[issued.pk])).content.decode()
    assert issued.code in inspect
    assert revoke_url in inspect
    form = client.get(revoke_url)
    assert form.status_code == 200
    assert issued.display_code in form.content.decode()
    assert client.post(revoke_url, {"reason": ""}).status_code == 200  # the form again
    assert Certificate.objects.get(pk=issued.pk).revoked_at is None
    response = client.post(revoke_url, {"reason": "Completed by someone else"})
    assert response.status_code == 302
    issued.refresh_from_db()
    assert issued.revoked_by == administrator
    assert issued.revocation_reason == "Completed by someone else"
    page = client.get(f"/certificates/verify/{issued.display_code}/").content.decode()
    assert "This certificate has been revoked" in page


def test_an_editor_cannot_see_or_revoke_certificates(client, issued, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    for url in [
        reverse("certificate_admin:index"),
        reverse("certificate_admin:revoke", args=[issued.pk]),
    ]:
        assert client.get(url).status_code in (302, 403)
    response = client.post(
        reverse("certificate_admin:revoke", args=[issued.pk]), {"reason": "Because"}
    )
    assert response.status_code in (302, 403)
    assert Certificate.objects.get(pk=issued.pk).revoked_at is None


def test_a_user_given_the_revoke_permission_may_revoke(client, issued):
    from django.contrib.auth.models import Permission

    user = _with_mfa(UserFactory())
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="revoke_certificate"),
    )
    client.force_login(user)
    reauthenticate(client, PASSWORD)
    url = reverse("certificate_admin:revoke", args=[issued.pk])
    assert client.post(url, {"reason": "Completed by someone else"}).status_code == 302
    assert Certificate.objects.get(pk=issued.pk).revoked_by == user


@pytest.mark.parametrize("name", ["add", "edit", "delete", "copy"])
def test_certificates_cannot_be_added_edited_or_deleted_in_the_admin(name):
    with pytest.raises(NoReverseMatch):
        reverse(f"certificate_admin:{name}", args=[] if name == "add" else [1])


def test_branding_is_edited_in_the_admin(client, administrator, learner):
    client.force_login(administrator)
    partnership = learner.memberships.get().organisation.partnership
    response = client.post(
        reverse("certificate_branding_admin:add"),
        {
            "partnership": partnership.pk,
            "signatory_name": "Dr Priya Shah",
            "signatory_title": "Independent Scrutineer",
            "wording": "Level 2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert partnership.certificate_branding.signatory_name == "Dr Priya Shah"
    index = client.get(reverse("certificate_branding_admin:index")).content.decode()
    assert "Dr Priya Shah" in index


def test_a_revocation_is_in_the_audit_trail_once(issued, administrator):
    from wagtail.models import ModelLogEntry

    certificate_revoke(certificate=issued, by=administrator, reason="Completed by someone else")
    certificate_revoke(certificate=issued, by=administrator, reason="Again")
    (entry,) = ModelLogEntry.objects.filter(action="certificates.revoke")
    assert entry.object_id == str(issued.pk)
    assert entry.user_id == administrator.pk
    assert entry.data == {"reason": "Completed by someone else"}
    assert "Certificate revoked. Reason: Completed by someone else" in entry.message


def test_the_certificate_list_searches_by_name(client, issued, administrator):
    client.force_login(administrator)
    response = client.get("/admin/certificates/results/", {"q": issued.holder_name})
    assert response.status_code == 200
    assert issued.holder_name in response.content.decode()
    nothing = client.get("/admin/certificates/results/", {"q": "Nobody Atall"})
    assert issued.holder_name not in nothing.content.decode()
