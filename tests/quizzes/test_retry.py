"""A check may ask for a wait, or for the linked lessons to be reread, after a
failed attempt. The server enforces both and the page says so in plain words."""

import datetime

import pytest
from django.urls import reverse

from quizzes.models import Reread
from quizzes.services import AttemptRefused, attempt_start
from tests.quizzes.factories import submitted

pytestmark = pytest.mark.django_db


def failed(enrolment, quiz):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    submitted(attempt, wrong=2)
    return attempt


def test_a_wait_after_a_failed_attempt_is_enforced_and_explained(signed_in, enrolment, quiz):
    quiz.retry_wait_minutes = 30
    quiz.save()
    attempt = failed(enrolment, quiz)
    with pytest.raises(AttemptRefused, match="You can try again from .*, in 30 minutes"):
        attempt_start(enrolment=enrolment, quiz=quiz)
    start = reverse("quizzes:attempt_start", args=[quiz.pk])
    html = signed_in.post(start, follow=True).content.decode()
    assert (
        "This check asks you to wait 30 minutes" in html and "Start the knowledge check" not in html
    )
    result = signed_in.get(reverse("quizzes:attempt_result", args=[attempt.pk])).content.decode()
    assert "You can try again from" in result and "Try again" not in result
    assert quiz.attempts.count() == 1
    attempt.refresh_from_db()
    attempt.started_at -= datetime.timedelta(minutes=32)
    attempt.submitted_at -= datetime.timedelta(minutes=31)
    attempt.save()
    assert attempt_start(enrolment=enrolment, quiz=quiz).pk != attempt.pk


def test_rereading_the_linked_lessons_opens_the_next_attempt(signed_in, enrolment, quiz, tree):
    quiz.reread_before_retry = True
    quiz.save()
    attempt = failed(enrolment, quiz)  # the first two questions: lessons 1.1 and 1.2
    with pytest.raises(AttemptRefused, match="reread the lessons"):
        attempt_start(enrolment=enrolment, quiz=quiz)
    first, second = tree.lessons[:2]
    link = reverse("quizzes:attempt_reread", args=[attempt.pk, first.pk])
    response = signed_in.get(link)
    assert response.status_code == 302 and response["Location"] == first.url
    signed_in.get(link)  # followed twice, recorded once
    assert Reread.objects.filter(attempt=attempt).count() == 1
    with pytest.raises(AttemptRefused):
        attempt_start(enrolment=enrolment, quiz=quiz)
    result = signed_in.get(reverse("quizzes:attempt_result", args=[attempt.pk])).content.decode()
    assert "Reread</strong>" in result and "Try again" not in result
    signed_in.get(reverse("quizzes:attempt_reread", args=[attempt.pk, second.pk]))
    assert attempt_start(enrolment=enrolment, quiz=quiz).pk != attempt.pk


def test_only_the_learners_own_linked_lessons_can_be_followed(
    client, signed_in, other_user, enrolment, quiz, tree
):
    attempt = failed(enrolment, quiz)
    unlinked = reverse("quizzes:attempt_reread", args=[attempt.pk, tree.lessons[3].pk])
    assert signed_in.get(unlinked).status_code == 404
    client.force_login(other_user)
    theirs = reverse("quizzes:attempt_reread", args=[attempt.pk, tree.lessons[0].pk])
    assert client.get(theirs).status_code == 404
    assert not Reread.objects.exists()
