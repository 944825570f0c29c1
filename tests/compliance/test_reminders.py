"""Learner reminders: each kind sent once, never to leavers, the exempt or the
completed, nor for retired requirements; the learner sees what was sent."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from compliance.models import Assignment, ExternalRecord, ReminderLog
from compliance.recompute import assignments_recompute
from compliance.reminders import reminders_send
from compliance.services import requirement_retire
from tests.certificates.factories import completed_enrolment
from tests.compliance.conftest import assignment_of, days_ago

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    def run(today=None):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(today=today)

    return run


def _due_in(user, requirement, days):
    due = TODAY() + datetime.timedelta(days=days)
    Assignment.objects.filter(user=user, requirement=requirement).update(first_due_on=due)
    assignments_recompute(user_ids=[user.pk])


def test_the_assignment_email_is_sent_once(requirement, learner, send):
    assert send()["assigned"] == 1
    assert send()["assigned"] == 0
    [message] = mail.outbox
    assert message.to == ["lee@northgate.example"]
    assert requirement.course.title in message.subject
    due = assignment_of(learner, requirement).due_on
    assert f"{due:%-d %B %Y}" in message.body
    assert "http://" in message.body and "/my-learning/" in message.body


def _assigned_days_ago(user, days):
    ReminderLog.objects.filter(assignment__user=user, kind="assigned").update(
        sent_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_14_days_and_1_day_before_the_due_date(requirement, learner, send):
    send()
    _assigned_days_ago(learner, 8)
    _due_in(learner, requirement, 14)
    assert send()["due-14"] == 1
    assert send()["due-14"] == 0
    _due_in(learner, requirement, 1)
    counts = send()
    assert (counts["due-1"], counts["due-14"]) == (1, 0)
    assert send()["due-1"] == 0


def test_no_14_day_reminder_within_a_week_of_the_assignment_email(requirement, learner, send):
    _due_in(learner, requirement, 10)
    counts = send()
    assert (counts["assigned"], counts["due-14"]) == (1, 0)  # one email, with the date
    _assigned_days_ago(learner, 6)
    assert send()["due-14"] == 0
    _assigned_days_ago(learner, 7)
    assert send()["due-14"] == 1
    assert len(mail.outbox) == 2


def test_overdue_weekly_up_to_the_cap(requirement, learner, send):
    send()
    _due_in(learner, requirement, -1)
    sent = []
    for _week in range(6):
        sent.append(send()["overdue"])
        assert send()["overdue"] == 0  # a rerun the same day sends nothing
        ReminderLog.objects.update(
            sent_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=8)
        )
    assert sent == [1, 1, 1, 1, 0, 0]
    kinds = set(ReminderLog.objects.values_list("kind", flat=True))
    assert {"overdue-1", "overdue-4"} <= kinds


def test_the_renewal_window_opening(requirement, learner, course, send):
    completed_enrolment(user=learner, course=course, completed_at=days_ago(340))
    assignments_recompute(user_ids=[learner.pk])
    assignment = assignment_of(learner, requirement)
    assert (assignment.status, assignment.cycle) == ("due_soon", 1)
    counts = send()
    assert counts["window"] == 1
    assert counts["assigned"] == 0
    assert send()["window"] == 0
    assert "renew" in mail.outbox[-1].subject.lower()


def test_nothing_to_leavers_exempt_completed_or_for_retired(
    make_requirement, requirement, learner, manager, course, send
):
    from organisations.models import Membership

    # learner completes; manager leaves; a second requirement is retired; a third exempt.
    completed_enrolment(user=learner, course=course, completed_at=days_ago(5))
    assignments_recompute(user_ids=[learner.pk])
    Membership.objects.filter(user=manager).update(state="ended", left_at=timezone.now())
    assignments_recompute(user_ids=[manager.pk])
    retired = make_requirement()
    requirement_retire(requirement=retired, by=None)
    assert send() == {"assigned": 0, "due-14": 0, "due-1": 0, "overdue": 0, "window": 0}
    assert mail.outbox == []


def test_nothing_to_the_exempt(manager, requirement, learner, send):
    ExternalRecord.objects.create(
        user=learner,
        requirement=requirement,
        kind="exemption",
        reason="Not in a patient role",
        state="approved",
        submitted_by=learner,
        decided_by=manager,
        decided_at=timezone.now(),
        token="t",
    )
    assignments_recompute(user_ids=[learner.pk])
    assert assignment_of(learner, requirement).status == "exempt"
    send()
    assert [m.to for m in mail.outbox] == [["mo@northgate.example"]]


def test_the_learner_sees_what_was_sent_to_them(requirement, learner, manager, client, send):
    send()
    client.force_login(learner)
    page = client.get("/my-learning/reminders/")
    assert page.status_code == 200
    assert f"You need to complete {requirement.course.title}".encode() in page.content
    assert page.content.count(b"govuk-table__row") == 2  # heading row and one reminder
