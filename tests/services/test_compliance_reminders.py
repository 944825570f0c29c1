"""Every reminder kind is sent exactly once through the real broker and worker,
under a rerun and under two beat runs at the same moment (PostgreSQL, Redis)."""

import datetime
import re
import threading
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone

from compliance.digests import digests_send
from compliance.models import Assignment, ReminderLog, Requirement
from compliance.recompute import assignments_recompute
from compliance.reminders import reminders_send
from organisations.models import Sector
from tests.certificates.factories import completed_enrolment, course_index, course_page
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.services.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

# (name, days until due, completed days ago): each stands where a different
# reminder is due today.
PEOPLE = [
    ("far", 100, None),  # assigned
    ("fortnight", 10, None),  # assigned a week ago, due within 14 days
    ("tomorrow", 1, None),  # assigned, due tomorrow
    ("late", -3, None),  # assigned, overdue
    ("renewing", None, 340),  # renewal window open
]
EXPECTED = Counter(
    {
        "far@trust.example": 1,
        "fortnight@trust.example": 1,
        "tomorrow@trust.example": 2,
        "late@trust.example": 2,
        "renewing@trust.example": 1,
        "boss@trust.example": 1,  # the weekly digest
    }
)


@pytest.fixture
def people(db):
    course = course_page(course_index())
    organisation = OrganisationFactory(name="Trust", sector=Sector.HEALTH)
    joined = timezone.now() - datetime.timedelta(days=400)
    MembershipFactory(
        organisation=organisation,
        is_manager=True,
        joined_at=joined,
        user__email="boss@trust.example",
    )
    users = {}
    for name, _, done in PEOPLE:
        user = MembershipFactory(
            organisation=organisation, joined_at=joined, user__email=f"{name}@trust.example"
        ).user
        if done:
            completed_enrolment(
                user=user,
                course=course,
                completed_at=timezone.now() - datetime.timedelta(days=done),
            )
        users[name] = user
    Requirement.objects.create(partnership=organisation.partnership, course=course)
    ids = [u.pk for u in users.values()]
    assignments_recompute(user_ids=ids)
    today = timezone.localdate()
    for name, days, _ in PEOPLE:
        if days is not None:
            Assignment.objects.filter(user=users[name]).update(
                first_due_on=today + datetime.timedelta(days=days)
            )
    assignments_recompute(user_ids=ids)
    # The assignment email went a week ago, so the 14-day reminder is due now.
    ReminderLog.objects.create(
        assignment=Assignment.objects.get(user=users["fortnight"]),
        cycle=0,
        kind="assigned",
        subject="You need to complete the course",
        sent_at=timezone.now() - datetime.timedelta(days=8),
        run="earlier",
    )
    return users


def _beat_run():
    try:
        reminders_send()
        digests_send()
    finally:
        connection.close()


def _delivered(mail_dir) -> Counter:
    text = "".join(p.read_text() for p in mail_dir.iterdir())
    return Counter(re.findall(r"^To: (\S+)$", text, flags=re.MULTILINE))


def _empty(folder) -> None:
    for path in folder.iterdir():
        path.unlink()


@pytest.fixture
def empty_mail_dir(mail_dir):
    """The session's mail folder, empty before and after (other tests read it)."""
    _empty(mail_dir)
    yield mail_dir
    _empty(mail_dir)


def _wait_for_all(mail_dir) -> Counter:
    wait_for(lambda: sum(_delivered(mail_dir).values()) >= sum(EXPECTED.values()))
    # Anything doubled would be queued right behind; give it time to arrive.
    wait_for(lambda: False, seconds=2)
    return _delivered(mail_dir)


def test_a_rerun_sends_nothing_more(celery_worker_process, empty_mail_dir, people):
    _beat_run()
    _beat_run()
    assert _wait_for_all(empty_mail_dir) == EXPECTED
    kinds = set(ReminderLog.objects.values_list("kind", flat=True))
    assert kinds == {"assigned", "due-14", "due-1", "overdue-1", "window"}


def test_two_beat_runs_at_once_send_each_reminder_once(
    celery_worker_process, empty_mail_dir, people
):
    threads = [threading.Thread(target=_beat_run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _wait_for_all(empty_mail_dir) == EXPECTED
    # One sent-log row for each reminder the two runs sent (the digest has its own).
    sent = ReminderLog.objects.exclude(run="earlier").count()
    assert sent == sum(EXPECTED.values()) - 1
