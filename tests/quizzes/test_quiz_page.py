"""The check's page: what it offers each learner, and that its form never tells
the browser which options are correct."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.services import attempt_start

pytestmark = pytest.mark.django_db


def quiz_url(quiz):
    return reverse("quizzes:knowledge_check", args=[quiz.pk])


def test_signing_in_comes_first(client, quiz):
    response = client.get(quiz_url(quiz))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_learner_not_enrolled_is_sent_to_the_course(signed_in, quiz, tree):
    html = signed_in.get(quiz_url(quiz)).content.decode()
    assert "Start the course before you take its knowledge checks." in html
    assert f'href="{tree.course.url}"' in html
    response = signed_in.post(reverse("quizzes:attempt_start", args=[quiz.pk]), follow=True)
    assert "Start the course before" in response.content.decode()


def test_starting_shows_every_question_of_the_attempt(signed_in, enrolment, quiz):
    html = signed_in.get(quiz_url(quiz)).content.decode()
    assert "Start the knowledge check" in html and "80%" in html
    response = signed_in.post(reverse("quizzes:attempt_start", args=[quiz.pk]), follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == quiz_url(quiz)
    assert html.count('class="govuk-fieldset"') == 4
    assert "Question 4 of 4" in html and "Select all that apply." in html
    assert "Jade, 14, has missed school" in html  # the scenario's case
    assert 'type="radio"' in html and 'type="checkbox"' in html


def _form(html: str) -> str:
    """The question form, without the per-request CSRF token."""
    form = re.search(r"<form method=\"post\".*?</form>", html, re.S).group(0)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", form)


def test_the_form_does_not_reveal_the_correct_options(signed_in, enrolment, quiz):
    attempt_start(enrolment=enrolment, quiz=quiz)
    before = signed_in.get(quiz_url(quiz)).content.decode()
    # Mark a different option correct in every question: the page must not change.
    quiz.refresh_from_db()
    was = {key: q.correct_keys for key, q in quiz.question_map().items()}
    quiz.refresh_from_db()
    for question in quiz.questions.raw_data:
        value = question["value"]
        if question["type"] == "myth_fact":
            value["answer"] = "fact" if value["answer"] == "myth" else "myth"
        else:
            for option in value["options"]:
                option["value"]["correct"] = not option["value"]["correct"]
    quiz.save()
    quiz.refresh_from_db()
    assert all(q.correct_keys != was[key] for key, q in quiz.question_map().items())
    after = signed_in.get(quiz_url(quiz)).content.decode()
    assert _form(before) == _form(after)
    for question in quiz.question_map().values():
        assert escape(question.explanation) not in before
        assert all(escape(o.feedback) not in before for o in question.options if o.feedback)
    form = _form(before)
    assert "correct" not in form.lower()
    assert set(re.findall(r"\b(data-[\w-]+)=", form)) == {"data-module"}
    assert form.count('type="hidden"') == 1  # the CSRF token, nothing else


def test_an_unpublished_check_or_module_is_not_found(signed_in, enrolment, quiz, tree):
    quiz.live = False
    quiz.save()
    assert signed_in.get(quiz_url(quiz)).status_code == 404
    quiz.live = True
    quiz.save()
    tree.modules[0].unpublish()
    assert signed_in.get(quiz_url(quiz)).status_code == 404
