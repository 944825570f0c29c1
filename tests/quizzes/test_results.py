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


def test_a_fail_shows_what_to_go_over_but_never_the_right_answers(signed_in, enrolment, quiz, tree):
    html = take(signed_in, enrolment, quiz, wrong=2)
    assert "You did not pass this time" in html and "Not passed" in html
    assert "You scored 2 out of 4 (50%). The pass mark is 80%." in html
    questions = list(quiz.question_map().values())
    wrong, right = questions[:2], questions[2:]
    for question in wrong:
        assert escape(question.text) in html and escape(question.principle) in html
    assert "Topic a" in html and "Topic b" in html
    for lesson in tree.lessons[:2]:
        link = reverse("quizzes:attempt_reread", args=[quiz.attempts.get().pk, lesson.pk])
        assert f'href="{link}"' in html and f"Reread the lesson: {lesson.title}" in html
    for question in questions:
        for option in question.options:
            if question.kind != "myth_fact":
                assert escape(option.text) not in html, option.text
        assert escape(question.explanation) not in html
    for question in right:
        assert escape(question.principle) not in html
    # Nothing in the markup marks an answer right or wrong.
    for marker in ("Correct", "Incorrect", "The right answer", "govuk-tag--green", "data-correct"):
        assert marker not in html
    assert "Try again" in html and "a new set of questions" in html


def test_a_pass_shows_every_answer_with_its_explanation_and_feedback(signed_in, enrolment, tree):
    quiz = KnowledgeCheckFactory(module=tree.modules[0], pass_mark=50)
    html = take(signed_in, enrolment, quiz, wrong=1)
    assert "You passed" in html and "You scored 3 out of 4 (75%)" in html
    for question in quiz.question_map().values():
        assert escape(question.explanation) in html
    # The wrong option chosen for the first question, its feedback and the right one.
    assert "Money is paid to the child" in html and "Money is only one example." in html
    assert "The right answer" in html and "Something is exchanged for sexual activity" in html
    assert html.count("Incorrect</strong>") == 1 and html.count("Correct</strong>") == 3


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
