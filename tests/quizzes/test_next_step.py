"""Following only the main buttons reaches every knowledge check: after a module's
last lesson the next step is its check, and the course and module pages say what
is left."""

import pytest
from django.urls import reverse

from courses.services import lesson_complete
from quizzes.services import attempt_start
from tests.quizzes.factories import submitted

pytestmark = pytest.mark.django_db


def complete(client, enrolment, lesson):
    url = reverse("courses:lesson_complete", args=[enrolment.pk, lesson.pk])
    return client.post(url)


def test_the_last_lesson_of_a_module_leads_to_its_check(signed_in, enrolment, quiz, tree):
    first, last = tree.lessons[:2]
    assert complete(signed_in, enrolment, first)["Location"] == last.url
    assert complete(signed_in, enrolment, last)["Location"] == quiz.get_absolute_url()


def test_a_module_without_a_check_still_ends_on_its_page(signed_in, enrolment, quiz, tree):
    for lesson in tree.lessons[2:]:
        response = complete(signed_in, enrolment, lesson)
    assert response["Location"] == tree.modules[1].url


def test_a_passed_check_is_not_offered_again(signed_in, enrolment, quiz, tree):
    submitted(attempt_start(enrolment=enrolment, quiz=quiz))
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    assert complete(signed_in, enrolment, tree.lessons[1])["Location"] == tree.modules[0].url


def test_the_module_page_says_what_is_left_and_offers_the_check(signed_in, enrolment, quiz, tree):
    html = signed_in.get(tree.modules[0].url).content.decode()
    assert "2 lessons and the knowledge check to go." in html
    for lesson in tree.lessons[:2]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    html = signed_in.get(tree.modules[0].url).content.decode()
    assert "The knowledge check to go." in html
    assert f'href="{quiz.get_absolute_url()}"' in html and "Go to the knowledge check</a>" in html
    assert "Go to the next module" not in html


def test_the_course_page_says_what_is_left_and_leads_to_the_check(signed_in, enrolment, quiz, tree):
    html = signed_in.get(tree.course.url).content.decode()
    assert "4 lessons and 1 knowledge check to go." in html
    for lesson in tree.lessons[:2]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    html = signed_in.get(tree.course.url).content.decode()
    assert "2 lessons and 1 knowledge check to go." in html
    assert f"Go to the knowledge check: {quiz.title}</a>" in html
    assert "Continue where you left off" not in html
