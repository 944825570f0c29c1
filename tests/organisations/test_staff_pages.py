"""The staff list and its pages, for managers, leads and administrators."""

import pytest
from django.utils import timezone

from organisations.models import Invitation, Membership, MembershipState
from organisations.selectors import workforce_groups_of
from tests.accounts.factories import UserFactory, with_totp
from tests.accounts.mfa import reauthenticate
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def staff_urls(organisation, membership_id, invitation_id):
    base = f"/organisations/{organisation.pk}"
    return [
        f"{base}/staff/",
        f"{base}/staff/{membership_id}/",
        f"{base}/staff/{membership_id}/end/",
        f"{base}/requests/",
        f"{base}/invitations/",
        f"{base}/invitations/new/",
        f"{base}/import/",
    ]


def test_the_staff_list_shows_everyone_with_state_group_role_and_joined_date(head_client, school):
    MembershipFactory(organisation=school, user__full_name="Ann Active", job_role="Year 3 teacher")
    MembershipFactory(
        organisation=school,
        user__full_name="Pat Pending",
        state=MembershipState.PENDING,
        joined_at=None,
    )
    page = head_client.get(f"/organisations/{school.pk}/staff/").content.decode()
    assert "Ann Active" in page and "Year 3 teacher" in page
    assert "Pat Pending" in page and "Pending" in page
    assert timezone.localdate().strftime("%-d %b %Y") in page


def test_search_and_filters_narrow_the_list(head_client, school):
    MembershipFactory(organisation=school, user__full_name="Ann Active")
    MembershipFactory(
        organisation=school,
        user__full_name="Len Leaver",
        state=MembershipState.ENDED,
        left_at=timezone.now(),
    )
    url = f"/organisations/{school.pk}/staff/"
    assert "Len Leaver" not in head_client.get(url, {"q": "ann"}).content.decode()
    left = head_client.get(url, {"state": "ended"}).content.decode()
    assert "Len Leaver" in left and "Ann Active" not in left
    # Unknown filter values are ignored rather than failing.
    assert head_client.get(url, {"state": "nonsense", "group": "x"}).status_code == 200


def test_a_manager_of_one_organisation_gets_404_for_anothers_staff(head_client, other_school):
    member = MembershipFactory(organisation=other_school)
    invitation = Invitation.objects.create(organisation=other_school, email="x@example.org")
    for url in staff_urls(other_school, member.pk, invitation.pk):
        assert head_client.get(url).status_code == 404, url
    base = f"/organisations/{other_school.pk}"
    assert head_client.post(f"{base}/requests/{member.pk}/approve/").status_code == 404
    assert head_client.post(f"{base}/invitations/{invitation.pk}/resend/").status_code == 404


def test_a_member_of_another_organisation_is_404_even_under_ones_own(
    head_client, school, other_school
):
    stranger = MembershipFactory(organisation=other_school)
    assert head_client.get(f"/organisations/{school.pk}/staff/{stranger.pk}/").status_code == 404


def test_a_learner_sees_no_staff_pages(client, school, user):
    MembershipFactory(organisation=school, user=user)
    client.force_login(user)
    assert client.get("/organisations/").status_code == 404
    assert client.get(f"/organisations/{school.pk}/staff/").status_code == 404


def test_the_partnership_lead_and_an_administrator_see_the_staff_list(client, school, lead):
    client.force_login(lead)
    assert client.get(f"/organisations/{school.pk}/staff/").status_code == 200
    admin = with_totp(UserFactory(is_superuser=True))
    client.force_login(admin)
    assert client.get(f"/organisations/{school.pk}/staff/").status_code == 200


def test_a_manager_changes_a_members_group_and_makes_them_a_manager(head_client, school, password):
    member = MembershipFactory(organisation=school, joined_at=timezone.now())
    groups = workforce_groups_of(school.partnership)
    url = f"/organisations/{school.pk}/staff/{member.pk}/"
    data = {"group": groups[-1].pk, "job_role": "Deputy head", "is_manager": "on"}
    response = head_client.post(url, data)
    assert "/reauthenticate/" in response["Location"]  # a role change asks again
    reauthenticate(head_client, password)
    assert head_client.post(url, data).status_code == 302
    member.refresh_from_db()
    assert (member.group, member.job_role, member.is_manager) == (groups[-1], "Deputy head", True)


def test_recording_a_leaver_keeps_them_listed_as_left(head_client, school, password):
    member = MembershipFactory(organisation=school, user__full_name="Len Leaver")
    reauthenticate(head_client, password)
    url = f"/organisations/{school.pk}/staff/{member.pk}/end/"
    response = head_client.post(url, {"left_on": "2999-01-01", "reason": "Retired"})
    assert "must be today or in the past" in response.content.decode()
    member.refresh_from_db()
    assert member.state == MembershipState.ACTIVE
    today = timezone.localdate().isoformat()
    assert head_client.post(url, {"left_on": today, "reason": "Retired"}).status_code == 302
    member.refresh_from_db()
    assert member.state == MembershipState.ENDED
    assert head_client.get(url).status_code == 404  # cannot leave twice


def test_a_manager_approves_and_declines_requests_from_the_page(head_client, school):
    asks = [
        MembershipFactory(
            organisation=school,
            state=MembershipState.PENDING,
            source="request",
            joined_at=None,
            user__full_name=name,
        )
        for name in ("Ria Request", "Dee Decline")
    ]
    base = f"/organisations/{school.pk}/requests/"
    page = head_client.get(base).content.decode()
    assert "Ria Request" in page and "Dee Decline" in page
    head_client.post(f"{base}{asks[0].pk}/approve/")
    head_client.post(f"{base}{asks[1].pk}/decline/")
    head_client.post(f"{base}{asks[1].pk}/approve/")  # a late second click changes nothing
    states = dict(Membership.objects.filter(pk__in=[a.pk for a in asks]).values_list("pk", "state"))
    assert states == {asks[0].pk: "active", asks[1].pk: "declined"}


@pytest.mark.parametrize("size", [5, 60])
def test_the_staff_list_makes_the_same_queries_at_any_size(
    head_client, school, size, django_assert_max_num_queries
):
    MembershipFactory.create_batch(size, organisation=school)
    url = f"/organisations/{school.pk}/staff/"
    head_client.get(url)
    with django_assert_max_num_queries(12):
        response = head_client.get(url, {"q": "", "state": "active"})
    assert response.status_code == 200
