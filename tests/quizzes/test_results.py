"""The results page: score, pass or fail in words, feedback that teaches, and
what to do next."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.services import attempt_start
from tests.quizzes.factories import KnowledgeCheckFactory, answer_post

pytestmark = pytest.mark.django_db


def take(client, enrolment, quiz, *, wrong=0):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    response = client.post(url, answer_post(attempt, wrong=wrong), follow=True)
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_result", args=[attempt.pk])
    return response.content.decode()


def test_a_pass_says_so_in_words_with_the_score(signed_in, enrolment, quiz, tree):
    html = take(signed_in, enrolment, quiz)
    assert "You passed" in html and "You scored 4 out of 4 (100%)" in html
    assert "Try again" not in html
    assert "Continue to the next module" in html and f'href="{tree.modules[1].url}"' in html


def test_a_fail_gives_feedback_on_every_question_and_offers_a_retry(signed_in, enrolment, quiz):
    html = take(signed_in, enrolment, quiz, wrong=2)
    assert "You did not pass this time" in html and "Not passed" in html
    assert "You scored 2 out of 4 (50%). The pass mark is 80%." in html
    for question in quiz.question_map().values():
        assert escape(question.explanation) in html
    # The wrong option chosen for the first question, with its own feedback.
    assert "Money is paid to the child" in html and "Money is only one example." in html
    assert html.count("Incorrect</strong>") == 2 and html.count("Correct</strong>") == 2
    assert "The right answer" in html and "Something is exchanged for sexual activity" in html
    assert "Try again" in html


def test_no_retry_once_the_attempts_are_used(signed_in, enrolment, tree):
    quiz = KnowledgeCheckFactory(module=tree.modules[1], max_attempts=1)
    html = take(signed_in, enrolment, quiz, wrong=4)
    assert "Try again" not in html
    assert "You have used all 1 of your attempts" in html
    assert "Continue to the next module" not in html  # the last module
    assert f'href="{tree.course.url}"' in html


def test_retrying_starts_a_fresh_attempt(signed_in, enrolment, quiz):
    take(signed_in, enrolment, quiz, wrong=4)
    response = signed_in.post(reverse("quizzes:attempt_start", args=[quiz.pk]), follow=True)
    html = response.content.decode()
    assert "Submit your answers" in html
    assert quiz.attempts.count() == 2


def test_an_attempt_in_progress_has_no_result_yet(signed_in, enrolment, quiz):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    response = signed_in.get(reverse("quizzes:attempt_result", args=[attempt.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("quizzes:knowledge_check", args=[quiz.pk])
