"""The weekly manager digest: once per manager per ISO week, names and counts only."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from compliance.digests import digests_send
from compliance.models import Assignment, DigestLog
from compliance.recompute import assignments_recompute

pytestmark = pytest.mark.django_db


def test_one_digest_per_manager_per_week(
    manager, requirement, learner, django_capture_on_commit_callbacks
):
    Assignment.objects.filter(user=learner).update(
        first_due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assignments_recompute(user_ids=[learner.pk])
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(today=monday) == 1
        assert digests_send(today=monday + datetime.timedelta(days=2)) == 0
    [message] = mail.outbox
    assert message.to == ["mo@northgate.example"]
    assert "1 overdue" in message.subject
    assert "Lee Learner" in message.body
    assert "lee@northgate.example" not in message.body
    assert "/mandatory-training/team/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(today=monday + datetime.timedelta(days=7)) == 1
    assert DigestLog.objects.count() == 2


def test_no_digest_when_nobody_is_due(manager, requirement, learner):
    far = timezone.localdate() + datetime.timedelta(days=200)
    Assignment.objects.update(first_due_on=far)
    assignments_recompute(user_ids=[learner.pk, manager.pk])
    assert digests_send() == 0


def test_the_team_page_lists_who_is_due(manager, requirement, learner, client):
    Assignment.objects.filter(user=learner).update(
        first_due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assignments_recompute(user_ids=[learner.pk])
    client.force_login(manager)
    page = client.get("/mandatory-training/team/").content.decode()
    assert "Lee Learner" in page and "Overdue" in page
    client.force_login(learner)
    assert client.get("/mandatory-training/team/").status_code == 404
