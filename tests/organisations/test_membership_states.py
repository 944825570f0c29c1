"""Only a verified membership counts: domain match, approval or invitation."""

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from organisations.access import (
    organisations_visible_to,
    partnership_for_user,
    teacher_memberships,
    user_is_teacher,
)
from organisations.models import Membership, MembershipState, Sector
from organisations.services import membership_approve, membership_decline, membership_end
from tests.accounts.signup import SIGNUP, signup_data, verification_path
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def sign_up(client, callbacks, **fields):
    with callbacks(execute=True):
        client.post(SIGNUP, signup_data(**fields))
    return Membership.objects.select_related("user").get(user__email=fields["email"])


def confirm(client, callbacks):
    with callbacks(execute=True):
        response = client.post(verification_path(mail.outbox[-1]), follow=True)
    return response.content.decode()


def test_a_personal_address_choosing_a_school_is_a_pending_request_that_grants_nothing(
    client, school, head, django_capture_on_commit_callbacks
):
    membership = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="someone@mail.example",
        organisation=school.pk,
    )
    page = confirm(client, django_capture_on_commit_callbacks)
    assert "Your request to join Riverside Academy has gone to its managers" in page
    membership.refresh_from_db()
    assert membership.state == MembershipState.PENDING
    assert membership.joined_at is None
    user = membership.user
    assert not user_is_teacher(user)
    assert partnership_for_user(user) is None  # no partnership on a certificate
    assert not teacher_memberships().filter(organisation=school).exclude(user=head).exists()
    client.force_login(user)
    assert client.get("/rse/log/new/").status_code == 404
    # The school's manager hears about it once the address is verified.
    request_mail = [m for m in mail.outbox if m.to == [head.email]]
    assert len(request_mail) == 1
    assert "asks to join Riverside Academy" in request_mail[0].subject
    assert f"/organisations/{school.pk}/requests/" in request_mail[0].body


def test_an_address_on_the_schools_domain_is_active_only_once_verified(
    client, school, django_capture_on_commit_callbacks
):
    membership = sign_up(
        client,
        django_capture_on_commit_callbacks,
        email="new.teacher@riverside.sch.example",
        organisation=school.pk,
    )
    assert membership.state == MembershipState.PENDING
    assert not user_is_teacher(membership.user)
    confirm(client, django_capture_on_commit_callbacks)
    membership.refresh_from_db()
    assert membership.state == MembershipState.ACTIVE
    assert membership.joined_at is not None
    assert membership.group is not None and membership.group.is_default
    assert user_is_teacher(membership.user)
    assert partnership_for_user(membership.user) == school.partnership


def test_a_subdomain_counts_as_the_schools_domain(
    client, school, django_capture_on_commit_callbacks
):
    membership = sign_up(
        client, django_capture_on_commit_callbacks, email="a.b@staff.riverside.sch.example"
    )
    confirm(client, django_capture_on_commit_callbacks)
    membership.refresh_from_db()
    assert membership.organisation == school
    assert membership.state == MembershipState.ACTIVE


def _pending(school):
    return MembershipFactory(
        organisation=school, state=MembershipState.PENDING, source="request", joined_at=None
    )


def test_a_manager_approves_a_request_and_the_requester_is_told(
    school, head, django_capture_on_commit_callbacks
):
    pending = _pending(school)
    with django_capture_on_commit_callbacks(execute=True):
        membership_approve(membership=pending, by=head)
    pending.refresh_from_db()
    assert pending.state == MembershipState.ACTIVE
    assert user_is_teacher(pending.user)
    assert mail.outbox[-1].to == [pending.user.email]
    assert "You are now a member of Riverside Academy" in mail.outbox[-1].subject
    entry = ModelLogEntry.objects.get(action="organisations.membership.approve")
    assert entry.user == head and entry.object_id == str(pending.pk)


def test_a_declined_request_grants_nothing_and_cannot_be_decided_again(
    school, head, django_capture_on_commit_callbacks
):
    pending = _pending(school)
    with django_capture_on_commit_callbacks(execute=True):
        membership_decline(membership=pending, by=head)
    pending.refresh_from_db()
    assert pending.state == MembershipState.DECLINED
    assert not user_is_teacher(pending.user)
    assert "declined" in mail.outbox[-1].body
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        membership_approve(membership=pending, by=head)
    pending.refresh_from_db()
    assert pending.state == MembershipState.DECLINED


def test_a_pending_manager_flag_grants_no_view_of_anyone(school):
    pending = MembershipFactory(
        organisation=school, state=MembershipState.PENDING, joined_at=None, is_manager=True
    )
    assert not organisations_visible_to(pending.user).exists()


def test_ending_a_membership_keeps_the_records_and_drops_the_person_from_current_counts(
    school, head
):
    from certificates.models import Certificate
    from courses.models import Enrolment

    member = MembershipFactory(organisation=school, joined_at=timezone.now())
    before = Membership.objects.active().filter(organisation=school).count()
    enrolments = Enrolment.objects.filter(user=member.user).count()
    certificates = Certificate.objects.filter(enrolment__user=member.user).count()
    membership_end(membership=member, by=head, left_on=timezone.localdate(), reason="Moved away")
    member.refresh_from_db()
    assert member.state == MembershipState.ENDED
    assert member.left_reason == "Moved away"
    assert Membership.objects.active().filter(organisation=school).count() == before - 1
    assert not user_is_teacher(member.user)
    assert Enrolment.objects.filter(user=member.user).count() == enrolments
    assert Certificate.objects.filter(enrolment__user=member.user).count() == certificates
    assert ModelLogEntry.objects.filter(action="organisations.membership.end").exists()


def test_someone_may_belong_to_several_organisations(school):
    member = MembershipFactory(organisation=school)
    charity = OrganisationFactory(partnership=school.partnership, sector=Sector.VOLUNTARY)
    MembershipFactory(user=member.user, organisation=charity)
    assert Membership.objects.active().filter(user=member.user).count() == 2


@pytest.mark.parametrize("state", ["pending", "declined"])
def test_a_certificate_for_a_pending_or_declined_member_carries_no_partnership(school, state):
    from certificates.services import certificate_issue_on_completion
    from tests.certificates.factories import completed_enrolment, course_index, course_page

    member = MembershipFactory(organisation=school, state=state, joined_at=None)
    index = course_index()
    enrolment = completed_enrolment(user=member.user, course=course_page(index))
    certificate = certificate_issue_on_completion(enrolment=enrolment)
    assert certificate.partnership_id is None

    member.state, member.joined_at = "active", timezone.now()
    member.save()
    refresher = course_page(index, title="Refresher", slug="refresher")
    again = completed_enrolment(user=member.user, course=refresher)
    assert certificate_issue_on_completion(enrolment=again).partnership == school.partnership
