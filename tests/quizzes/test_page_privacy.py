"""Wagtail's page privacy holds for everything done to a course, not only for
reading its pages: a restricted course cannot be started, completed, passed or
certified by someone the restriction keeps out."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from certificates.models import Certificate
from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_start, lesson_complete
from quizzes.models import Attempt
from quizzes.services import attempt_start
from tests.quizzes.factories import answer_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_only(tree):
    group = Group.objects.create(name="Police officers")
    restriction = PageViewRestriction.objects.create(
        page=tree.course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return group


def test_a_restricted_course_cannot_be_started(signed_in, user, tree, police_only):
    response = signed_in.post(reverse("courses:course_start", args=[tree.course.pk]))
    assert response.status_code == 404
    assert not Enrolment.objects.filter(user=user).exists()


def test_lessons_of_a_restricted_course_cannot_be_completed_by_post(
    signed_in, user, tree, police_only
):
    enrolment = enrolment_start(user=user, course=tree.course)  # from before the restriction
    for lesson in tree.lessons:
        url = reverse("courses:lesson_complete", args=[enrolment.pk, lesson.pk])
        assert signed_in.post(url).status_code == 404
    assert not LessonProgress.objects.exists()
    assert not Certificate.objects.exists()


def test_a_restricted_check_cannot_be_taken_or_passed(signed_in, user, tree, quiz, police_only):
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    assert signed_in.get(reverse("quizzes:knowledge_check", args=[quiz.pk])).status_code == 404
    start = signed_in.post(reverse("quizzes:attempt_start", args=[quiz.pk]))
    assert start.status_code == 404 and not Attempt.objects.exists()
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    assert signed_in.post(url, answer_post(attempt)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert not Certificate.objects.exists()


def test_members_of_the_group_take_the_course_as_usual(signed_in, user, tree, police_only):
    user.groups.add(police_only)
    response = signed_in.post(reverse("courses:course_start", args=[tree.course.pk]))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=user)
    for lesson in tree.lessons:
        signed_in.post(reverse("courses:lesson_complete", args=[enrolment.pk, lesson.pk]))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_a_password_restriction_is_honoured_once_passed(signed_in, user, tree):
    restriction = PageViewRestriction.objects.create(
        page=tree.course, restriction_type=PageViewRestriction.PASSWORD, password="open-sesame"
    )
    url = reverse("courses:course_start", args=[tree.course.pk])
    assert signed_in.post(url).status_code == 404
    form_url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, tree.course.pk]
    )
    signed_in.post(form_url, {"password": "open-sesame", "return_url": tree.course.url})
    assert signed_in.post(url).status_code == 302
