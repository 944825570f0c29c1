"""A module, and so the course, is complete only once its knowledge check is passed."""

import pytest
from django.urls import reverse

from courses.selectors import enrolment_is_finished
from courses.services import lesson_complete
from quizzes.services import attempt_start
from tests.quizzes.factories import KnowledgeCheckFactory, answer_post

pytestmark = pytest.mark.django_db


def take(client, enrolment, quiz, *, wrong=0):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    return client.post(url, answer_post(attempt, wrong=wrong), follow=True)


def module_status(client, module, check_title):
    html = client.get(module.url).content.decode()
    row = html.split(check_title, 1)[1].split("</li>", 1)[0]
    return "Completed" if ">Completed<" in row else "Not started"


def test_finishing_every_lesson_waits_for_the_check(signed_in, lessons_done, quiz, tree):
    assert lessons_done.is_open and not enrolment_is_finished(enrolment=lessons_done)
    assert module_status(signed_in, tree.modules[0], quiz.title) == "Not started"
    take(signed_in, lessons_done, quiz, wrong=4)
    lessons_done.refresh_from_db()
    assert lessons_done.is_open
    assert module_status(signed_in, tree.modules[0], quiz.title) == "Not started"
    response = take(signed_in, lessons_done, quiz)
    lessons_done.refresh_from_db()
    assert not lessons_done.is_open
    assert f"You have completed {tree.course.title}." in response.content.decode()
    assert module_status(signed_in, tree.modules[0], quiz.title) == "Completed"


def test_every_module_check_must_be_passed(signed_in, lessons_done, quiz, tree):
    second = KnowledgeCheckFactory(module=tree.modules[1], title="Check: module 2")
    take(signed_in, lessons_done, quiz)
    lessons_done.refresh_from_db()
    assert lessons_done.is_open
    take(signed_in, lessons_done, second)
    lessons_done.refresh_from_db()
    assert not lessons_done.is_open


def test_passing_before_the_last_lesson_completes_the_course_with_that_lesson(
    signed_in, enrolment, quiz, tree
):
    for lesson in tree.lessons[:-1]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    take(signed_in, enrolment, quiz)
    enrolment.refresh_from_db()
    assert enrolment.is_open
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[-1])
    enrolment.refresh_from_db()
    assert not enrolment.is_open


def test_an_unpublished_check_is_not_required(signed_in, lessons_done, quiz):
    quiz.live = False
    quiz.save()
    assert enrolment_is_finished(enrolment=lessons_done)


def test_the_course_page_counts_checks_with_lessons(signed_in, enrolment, quiz, tree):
    html = signed_in.get(tree.course.url).content.decode()
    assert "You have completed 0 of 5 lessons and checks" in html
