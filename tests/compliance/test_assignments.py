"""Assignments follow the events that change them, and status comes from the
learner records: completions before the requirement count, leaving and
rejoining keeps progress, a revoked certificate stops counting."""

import datetime

import pytest
from django.utils import timezone

from certificates.services import certificate_revoke
from compliance.models import AssignmentCycle
from compliance.recompute import assignments_recompute
from compliance.renewals import months_after
from courses.services import enrolment_start
from organisations import services as organisations
from organisations.models import Membership, Sector, WorkforceGroup
from tests.accounts.factories import UserFactory
from tests.certificates.factories import completed_enrolment
from tests.compliance.conftest import assignment_of, days_ago
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_creating_a_requirement_assigns_everyone_already_in_the_audience(requirement, learner):
    assignment = assignment_of(learner, requirement)
    today = timezone.localdate()
    assert assignment.status == "not_started"
    assert assignment.first_due_on == today + datetime.timedelta(days=60)


def test_a_fixed_due_date_applies_to_staff_already_in_post(make_requirement, learner):
    due = timezone.localdate() + datetime.timedelta(days=10)
    requirement = make_requirement(due_by=due)
    assignment = assignment_of(learner, requirement)
    assert (assignment.due_on, assignment.status) == (due, "due_soon")


def test_a_new_starter_gets_the_period_from_joining(requirement, organisation, group):
    newcomer = UserFactory()
    membership = MembershipFactory(
        user=newcomer,
        organisation=organisation,
        group=group,
        state="pending",
        joined_at=None,
        source="request",
    )
    approver = UserFactory()
    organisations.membership_approve(membership=membership, by=approver)
    assignments_recompute(user_ids=[newcomer.pk])
    assignment = assignment_of(newcomer, requirement)
    assert assignment.first_due_on == timezone.localdate() + datetime.timedelta(days=60)


def test_events_reach_compliance_through_the_hooks(
    requirement, organisation, group, django_capture_on_commit_callbacks
):
    newcomer = UserFactory()
    membership = MembershipFactory(
        user=newcomer,
        organisation=organisation,
        group=group,
        state="pending",
        joined_at=None,
        source="request",
    )
    with django_capture_on_commit_callbacks(execute=True):
        organisations.membership_approve(membership=membership, by=UserFactory())
    assert assignment_of(newcomer, requirement).status == "not_started"
    with django_capture_on_commit_callbacks(execute=True):
        enrolment_start(user=newcomer, course=requirement.course)
    assert assignment_of(newcomer, requirement).status == "in_progress"


def test_a_completion_made_before_the_requirement_existed_counts(make_requirement, learner, course):
    completed_enrolment(user=learner, course=course, completed_at=days_ago(100))
    requirement = make_requirement()
    assignment = assignment_of(learner, requirement)
    assert assignment.status == "completed"
    assert assignment.completed_until == months_after(timezone.localdate(days_ago(100)), 12)
    assert AssignmentCycle.objects.filter(assignment=assignment).count() == 1


def test_leaving_and_rejoining_keeps_the_completion(
    requirement, learner, course, django_capture_on_commit_callbacks
):
    completed_enrolment(user=learner, course=course, completed_at=days_ago(30))
    assignments_recompute(user_ids=[learner.pk])
    membership = Membership.objects.get(user=learner)
    with django_capture_on_commit_callbacks(execute=True):
        organisations.membership_end(
            membership=membership, by=None, left_on=timezone.localdate(), reason="Moved away"
        )
    left = assignment_of(learner, requirement)
    assert (left.in_audience, left.status) == (False, "completed")
    invitation_rejoin = Membership.objects.get(pk=membership.pk)
    invitation_rejoin.state, invitation_rejoin.joined_at = "active", timezone.now()
    invitation_rejoin.left_at = None
    invitation_rejoin.save()
    assignments_recompute(user_ids=[learner.pk])
    back = assignment_of(learner, requirement)
    assert (back.pk, back.in_audience, back.status) == (left.pk, True, "completed")
    assert back.completed_until == left.completed_until


def test_leaving_and_rejoining_keeps_the_first_due_date(requirement, learner):
    first = assignment_of(learner, requirement).first_due_on
    Membership.objects.filter(user=learner).update(state="ended", left_at=timezone.now())
    assignments_recompute(user_ids=[learner.pk])
    Membership.objects.filter(user=learner).update(state="active", left_at=None)
    assignments_recompute(user_ids=[learner.pk])
    assert assignment_of(learner, requirement).first_due_on == first


def test_a_revoked_certificate_stops_counting(
    requirement, learner, course, django_capture_on_commit_callbacks
):
    from certificates.services import certificate_issue_on_completion

    enrolment = completed_enrolment(user=learner, course=course, completed_at=days_ago(10))
    certificate = certificate_issue_on_completion(enrolment=enrolment)
    assignments_recompute(user_ids=[learner.pk])
    assert assignment_of(learner, requirement).status == "completed"
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, by=UserFactory(), reason="Issued in error")
    assert assignment_of(learner, requirement).status != "completed"
    assert AssignmentCycle.objects.filter(assignment__user=learner).count() == 0


def test_the_audience_is_sectors_organisations_and_groups(make_requirement, learner, partnership):
    police = OrganisationFactory(partnership=partnership, sector=Sector.POLICE)
    officer = MembershipFactory(organisation=police, joined_at=days_ago(5)).user
    other_group = WorkforceGroup.objects.create(partnership=partnership, name="Group 3")
    by_sector = make_requirement(sectors=[Sector.POLICE])
    by_group = make_requirement(groups=[other_group])
    assert set(by_sector.assignments.values_list("user", flat=True)) == {officer.pk}
    assert not by_group.assignments.exists()


def test_moving_group_out_of_the_audience_keeps_the_row(
    make_requirement, learner, group, partnership, django_capture_on_commit_callbacks
):
    requirement = make_requirement(groups=[group])
    other = WorkforceGroup.objects.create(partnership=partnership, name="Group 1")
    membership = Membership.objects.get(user=learner)
    with django_capture_on_commit_callbacks(execute=True):
        organisations.membership_change(
            membership=membership, by=None, group=other, job_role="", is_manager=False
        )
    assert assignment_of(learner, requirement).in_audience is False


def test_a_retired_requirement_keeps_its_rows_unchanged(requirement, learner, course):
    from compliance.services import requirement_retire

    before = assignment_of(learner, requirement)
    requirement_retire(requirement=requirement, by=None)
    completed_enrolment(user=learner, course=course)
    assignments_recompute(user_ids=[learner.pk])
    after = assignment_of(learner, requirement)
    assert (after.status, after.updated_at) == (before.status, before.updated_at)
