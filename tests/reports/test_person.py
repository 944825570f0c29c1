"""A person's training history: memberships, enrolments, certificates,
exemptions and training done elsewhere, reminders and each assignment's
cycles, read-only, and who may open it. On the known data set."""

import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate
from compliance.models import (
    Assignment,
    AssignmentCycle,
    ExternalRecord,
    RecordKind,
    RecordState,
    ReminderLog,
    Requirement,
)
from courses.models import Enrolment
from organisations.models import Membership, MembershipState, Partnership
from tests.accounts.factories import with_totp
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def membership_of(user, org):
    return Membership.objects.get(user=user, organisation=org)


def url(org, membership):
    return f"/reports/organisations/{org.pk}/people/{membership.pk}/"


def text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def certificate(known):
    enrolment = Enrolment.objects.get(user=known.ash_manager)
    return Certificate.objects.create(
        enrolment=enrolment,
        code="ABCDEFGHJKMNPQRSTVWXYZ2345",
        holder_name="Ada Manager",
        course_title=known.course.title,
        partnership=known.partnership,
        completed_at=enrolment.completed_at,
        expires_at=enrolment.completed_at + datetime.timedelta(days=365),
        state=Certificate.State.ISSUED,
        issued_at=enrolment.completed_at,
        revoked_at=days_ago(1),
        revoked_by=known.lead,
        revocation_reason="Completed by someone else",
    )


def test_a_completed_persons_history(lead_client, known, certificate):
    Enrolment.objects.create(user=known.ash_manager, course=known.course, started_at=days_ago(2))
    response = lead_client.get(url(known.ash, membership_of(known.ash_manager, known.ash)))
    assert response.status_code == 200
    body = text(response)
    assert "Ada Manager" in body and "ada.manager@ash.example" in body
    # Memberships: Ash, active, manager, joined 400 days ago.
    assert 'Ash Health</th> <td class="govuk-table__cell">Active, manager</td>' in body
    assert f"{days_ago(400):%-d %b %Y}" in body
    # Every enrolment: the finished one and the one in progress.
    enrolments = response.context["history"].enrolments
    assert len(enrolments) == 2
    finished = timezone.localtime(
        Enrolment.objects.get(user=known.ash_manager, completed_at__isnull=False).completed_at
    )
    assert f"{finished:%-d %b %Y, %H:%M}" in body
    assert "In progress" in body
    # The certificate, revoked, with its reason and who revoked it.
    assert certificate.display_code in body
    assert ">Revoked</strong>" in body
    assert "by Lou Lead: Completed by someone else" in body
    assert f"{certificate.expires_at:%-d %b %Y}" in body
    # The requirement: its status, and the cycle the completion began.
    assignment = Assignment.objects.get(user=known.ash_manager)
    cycle = AssignmentCycle.objects.get(assignment=assignment)
    assert ">Completed</strong>" in body
    assert f"{cycle.completed_on:%-d %b %Y}" in body
    assert f"{cycle.valid_until:%-d %b %Y}" in body
    assert "First completion" in body
    assert "None sent." in body


def test_reminders_exemptions_and_training_elsewhere(lead_client, known):
    di = next(p for p in known.ash_people if p.full_name == "Di Ash")
    assignment = Assignment.objects.get(user=di)
    sent = days_ago(3)
    ReminderLog.objects.create(
        assignment=assignment,
        cycle=0,
        kind="overdue-2",
        subject="Your training is overdue",
        sent_at=sent,
        run="r1",
    )
    ReminderLog.objects.create(
        assignment=assignment,
        cycle=0,
        kind="due-14",
        subject="Due in two weeks",
        sent_at=days_ago(30),
        run="r0",
    )
    ExternalRecord.objects.create(
        user=di,
        requirement=known.requirement,
        kind=RecordKind.PRIOR_LEARNING,
        state=RecordState.DECLINED,
        provider="County training <hub>",
        completed_on=days_ago(50).date(),
        submitted_by=di,
        decided_by=known.ash_manager,
        decided_at=days_ago(20),
        decision_note="Course did not cover CSE",
    )
    body = text(lead_client.get(url(known.ash, membership_of(di, known.ash))))
    assert "Overdue (reminder 2)" in body and "Your training is overdue" in body
    assert f"{timezone.localtime(sent):%-d %b %Y, %H:%M}" in body
    assert "Due in 14 days" in body
    assert "Completed elsewhere" in body and "Declined" in body
    assert "County training &lt;hub&gt;" in body
    assert f"Completed {days_ago(50):%-d %b %Y}" in body
    assert "Ada Manager <span" in body and "Course did not cover CSE" in body
    assert ">Overdue</strong>" in body and "Not completed yet." in body


def test_an_exemption_shows_who_decided_and_until_when(manager_client, known):
    fay = known.ash_people[5]
    body = text(manager_client.get(url(known.ash, membership_of(fay, known.ash))))
    assert "Exempt" in body and "Approved" in body
    assert "Reason: Long-term leave" in body
    assert "Until no end date" in body
    assert ">Exempt</strong>" in body


def test_a_leavers_history_still_opens(lead_client, known):
    leaver = Membership.objects.get(organisation=known.ash, state=MembershipState.ENDED)
    response = lead_client.get(url(known.ash, leaver))
    assert response.status_code == 200
    body = text(response)
    assert "Lee Leaver" in body and "Moved on" in body
    assert f"Left Ash Health on {leaver.left_at:%-d %B %Y}" in body


def test_a_pending_request_has_no_history_page(lead_client, known):
    pending = Membership.objects.get(organisation=known.ash, state=MembershipState.PENDING)
    assert lead_client.get(url(known.ash, pending)).status_code == 404


def test_another_organisations_member_is_404(lead_client, manager_client, known):
    birch_member = membership_of(known.birch_people[0], known.birch)
    # Through the wrong organisation, even for the lead who sees both.
    assert lead_client.get(url(known.ash, birch_member)).status_code == 404
    assert manager_client.get(url(known.birch, birch_member)).status_code == 404
    assert manager_client.get(url(known.ash, birch_member)).status_code == 404
    assert (
        lead_client.get(f"/reports/organisations/{known.ash.pk}/people/999999/").status_code == 404
    )


def test_only_what_the_viewer_may_see_is_shown(manager_client, known):
    """A person who also works at Birch and in another partnership: Ash's
    manager sees only the Ash membership, and only Northshire's requirements."""
    ben = known.ash_people[1]
    MembershipFactory(organisation=known.birch, user=ben, job_role="Volunteer")
    elsewhere = Partnership.objects.create(name="Southshire Partnership")
    far = OrganisationFactory(partnership=elsewhere, name="Far Trust")
    MembershipFactory(organisation=far, user=ben)
    far_requirement = Requirement.objects.create(
        partnership=elsewhere, course=known.course, starts_on=days_ago(10).date()
    )
    Assignment.objects.create(
        user=ben,
        requirement=far_requirement,
        organisation=far,
        assigned_on=days_ago(10).date(),
        first_due_on=days_ago(1).date(),
        due_on=days_ago(1).date(),
        status="overdue",
    )
    response = manager_client.get(url(known.ash, membership_of(ben, known.ash)))
    history = response.context["history"]
    assert [m.organisation.name for m in history.memberships] == ["Ash Health"]
    assert [a.requirement.partnership_id for a in history.assignments] == [known.partnership.pk]
    body = response.content.decode()
    assert "Far Trust" not in body and "Birch Police" not in body and "Volunteer" not in body


def test_the_history_costs_the_same_queries_however_long(
    lead_client, known, django_assert_max_num_queries
):
    person = known.ash_people[3]
    path = url(known.ash, membership_of(person, known.ash))
    lead_client.get(path)
    bound = 13
    with django_assert_max_num_queries(bound):
        assert lead_client.get(path).status_code == 200
    assignment = Assignment.objects.get(user=person)
    for n in range(20):
        Enrolment.objects.create(
            user=person,
            course=known.course,
            started_at=days_ago(300 - n),
            completed_at=days_ago(299 - n),
        )
        ReminderLog.objects.create(
            assignment=assignment, cycle=0, kind=f"overdue-{n + 1}", subject="Overdue", run="r"
        )
        ExternalRecord.objects.create(
            user=person,
            requirement=known.requirement,
            kind=RecordKind.EXEMPTION,
            reason=f"Reason {n}",
            submitted_by=person,
        )
    with django_assert_max_num_queries(bound):
        response = lead_client.get(path)
    assert len(response.context["history"].enrolments) == 20
    assert len(response.context["history"].records) == 20


def test_the_history_is_read_only(lead_client, known):
    path = url(known.ash, membership_of(known.ash_manager, known.ash))
    assert lead_client.post(path, {}).status_code == 405


def test_a_teacher_at_another_school_cannot_open_it(client, known):
    teacher = MembershipFactory(organisation=known.cedar).user
    with_totp(teacher)
    client.force_login(teacher)
    assert (
        client.get(url(known.ash, membership_of(known.ash_manager, known.ash))).status_code == 404
    )
