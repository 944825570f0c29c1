"""Invitations: emailed once through Celery, single-use, expiring links."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from organisations.invitations import invitation_create, invitation_resend
from organisations.models import Invitation, MembershipState
from organisations.tasks import send_invitations
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def invite(school, head, callbacks, email="new.colleague@riverside.sch.example", **fields):
    with callbacks(execute=True):
        return invitation_create(
            organisation=school,
            email=email,
            full_name=fields.get("full_name", "Nia Okafor"),
            job_role=fields.get("job_role", "Teaching assistant"),
            group=None,
            is_manager=fields.get("is_manager", False),
            by=head,
        )


def link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/organisations/invitations/[^\s]+/)", message.body).group(1)


def test_an_invitation_is_emailed_once_even_if_the_task_runs_twice(
    school, head, django_capture_on_commit_callbacks
):
    invitation = invite(school, head, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.colleague@riverside.sch.example"]
    assert "join Riverside Academy" in mail.outbox[0].subject
    assert send_invitations([invitation.pk]) == 0
    assert len(mail.outbox) == 1


def test_a_new_person_accepts_and_their_account_is_verified_and_active(
    client, school, head, django_capture_on_commit_callbacks
):
    invite(school, head, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200 and "Create account and join" in page.content.decode()
    response = client.post(path, {"full_name": "Nia Okafor", "password": "a-long-passphrase-1"})
    assert response.status_code == 302
    address = EmailAddress.objects.get(email="new.colleague@riverside.sch.example")
    assert address.verified
    membership = address.user.memberships.get()
    assert membership.state == MembershipState.ACTIVE
    assert membership.organisation == school
    assert membership.job_role == "Teaching assistant"
    assert membership.group.is_default
    # The link is single-use.
    client.logout()
    assert client.get(path).status_code == 410


def test_someone_with_an_account_signs_in_and_the_membership_is_attached(
    client, school, head, password, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="new.colleague@riverside.sch.example")
    invite(school, head, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    page = client.get(path).content.decode()
    assert "Sign in to accept" in page
    client.force_login(existing)
    assert "Accept invitation" in client.get(path).content.decode()
    client.post(path)
    assert existing.memberships.get().state == MembershipState.ACTIVE
    assert Invitation.objects.get().accepted_by == existing


def test_a_forwarded_link_does_not_let_another_account_join(
    client, school, head, django_capture_on_commit_callbacks
):
    invite(school, head, django_capture_on_commit_callbacks, is_manager=True)
    path = link_path(mail.outbox[0])
    stranger = UserFactory(email="someone.else@example.org")
    client.force_login(stranger)
    response = client.post(path, follow=True)
    assert "This invitation was sent to new.colleague@riverside.sch.example" in (
        response.content.decode()
    )
    assert not stranger.memberships.exists()
    assert Invitation.objects.get().accepted_at is None  # still open for its invitee


def test_an_expired_link_is_refused_and_changes_nothing(
    client, school, head, django_capture_on_commit_callbacks
):
    invitation = invite(school, head, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    path = link_path(mail.outbox[0])
    response = client.post(path, {"full_name": "Nia Okafor", "password": "a-long-passphrase-1"})
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not EmailAddress.objects.filter(email=invitation.email).exists()


def test_resending_sends_a_fresh_link_and_the_old_one_stops_working(
    client, school, head, django_capture_on_commit_callbacks
):
    invitation = invite(school, head, django_capture_on_commit_callbacks)
    old = link_path(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=invitation, by=head)
    assert len(mail.outbox) == 2
    assert link_path(mail.outbox[1]) != old
    assert client.get(old).status_code == 404


def test_inviting_someone_twice_or_a_current_member_is_refused(
    school, head, django_capture_on_commit_callbacks
):
    from django.core.exceptions import ValidationError

    invite(school, head, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="already been invited"):
        invite(
            school,
            head,
            django_capture_on_commit_callbacks,
            email="NEW.colleague@riverside.sch.example",
        )
    with pytest.raises(ValidationError, match="already a member"):
        invite(school, head, django_capture_on_commit_callbacks, email=head.email)
    assert Invitation.objects.count() == 1


def test_the_invite_page_sends_an_invitation_and_lists_it(
    head_client, school, django_capture_on_commit_callbacks
):
    url = f"/organisations/{school.pk}/invitations/new/"
    page = head_client.get(url).content.decode()
    group = re.search(r'<option value="(\d+)" selected', page).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = head_client.post(url, {"email": "ta@riverside.sch.example", "group": group})
    assert response.status_code == 302
    listing = head_client.get(f"/organisations/{school.pk}/invitations/").content.decode()
    assert "ta@riverside.sch.example" in listing
    assert len(mail.outbox) == 1
    bad = head_client.post(url, {"email": "not-an-address", "group": group})
    assert "Enter a valid email address" in bad.content.decode()
    assert Invitation.objects.count() == 1


def test_a_withdrawn_invitation_stops_working_and_leaves_the_list(
    client, head_client, school, head, django_capture_on_commit_callbacks
):
    invitation = invite(school, head, django_capture_on_commit_callbacks)
    path = link_path(mail.outbox[0])
    url = f"/organisations/{school.pk}/invitations/{invitation.pk}/withdraw/"
    assert head_client.post(url).status_code == 302
    listing = head_client.get(f"/organisations/{school.pk}/invitations/").content.decode()
    assert f"Invitation to {invitation.email} withdrawn" in listing
    assert f"/invitations/{invitation.pk}/resend/" not in listing
    assert client.get(path).status_code == 410
