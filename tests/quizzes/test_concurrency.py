"""Two submissions of one attempt at the same moment score it once (PostgreSQL:
the attempt's row lock; the unique response constraint stands behind it)."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses.services import enrolment_start
from quizzes import services
from quizzes.models import Attempt, Response
from tests.quizzes.factories import KnowledgeCheckFactory, answer_post


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_concurrent_double_submit_gives_one_scored_attempt(user, tree, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks")
    quiz = KnowledgeCheckFactory(module=tree.modules[0])
    attempt = services.attempt_start(
        enrolment=enrolment_start(user=user, course=tree.course), quiz=quiz
    )
    url, data = reverse("quizzes:attempt_submit", args=[attempt.pk]), answer_post(attempt)

    # Hold the lock a moment while checking answers, so the second request
    # certainly arrives while the first is still scoring.
    checked, outcomes = services.checked_answers, []

    def slow_check(**kwargs):
        time.sleep(0.3)
        return checked(**kwargs)

    def recorded_submit(**kwargs):
        submission = submit(**kwargs)
        outcomes.append(submission.scored_now)
        return submission

    submit = services.attempt_submit
    monkeypatch.setattr(services, "checked_answers", slow_check)
    monkeypatch.setattr(services, "attempt_submit", recorded_submit)
    barrier, statuses = threading.Barrier(2), []

    def post():
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert statuses == [302, 302]
    assert sorted(outcomes) == [False, True]
    assert Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=False).count() == 1
    assert Attempt.objects.count() == 1
    assert Response.objects.filter(attempt=attempt).count() == 4
