"""A practitioner works through the course in the browser (the real HTTP layer)."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_start, lesson_complete
from tests.courses.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def start_url(course):
    return reverse("courses:course_start", args=[course.pk])


def complete_url(enrolment, lesson):
    return reverse("courses:lesson_complete", args=[enrolment.pk, lesson.pk])


def test_the_course_page_lists_modules_as_a_task_list(client, tree):
    html = client.get(tree.course.url).content.decode()
    assert "govuk-task-list" in html
    assert html.count(">Not started<") == 2
    assert "Sign in" in html and "Start course" not in html


def test_starting_the_course_enrols_and_opens_the_first_lesson(signed_in, user, tree):
    assert "Start course" in signed_in.get(tree.course.url).content.decode()
    response = signed_in.post(start_url(tree.course))
    assert response.status_code == 302 and response["Location"] == tree.lessons[0].url
    assert Enrolment.objects.get(user=user).is_open


def test_mark_as_complete_and_continue_walks_through_the_course(signed_in, user, tree):
    signed_in.post(start_url(tree.course))
    enrolment = Enrolment.objects.get(user=user)
    first, second, third, last = tree.lessons
    page = signed_in.get(first.url).content.decode()
    assert "Mark as complete and continue" in page and 'rel="next"' in page
    assert signed_in.post(complete_url(enrolment, first))["Location"] == second.url
    # The end of a module goes to the module page, with a banner.
    response = signed_in.post(complete_url(enrolment, second), follow=True)
    assert response.redirect_chain[-1][0] == tree.modules[0].url
    assert "You have finished the lessons in Module 1" in response.content.decode()
    course_page = signed_in.get(tree.course.url).content.decode()
    assert "Continue where you left off" in course_page
    assert "2 of 4 lessons (50%)" in course_page and 'value="2"' in course_page
    assert ">Completed<" in course_page and ">Not started<" in course_page
    signed_in.post(complete_url(enrolment, third))
    response = signed_in.post(complete_url(enrolment, last), follow=True)
    assert response.redirect_chain[-1][0] == tree.course.url
    html = response.content.decode()
    assert "You have completed CSE awareness" in html and "Course completed" in html
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_completing_twice_is_safe(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    for _ in range(2):
        assert signed_in.post(complete_url(enrolment, tree.lessons[0])).status_code == 302
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    assert "You have completed this lesson" in signed_in.get(tree.lessons[0].url).content.decode()


def test_a_repeat_after_the_course_is_complete_changes_nothing(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    response = signed_in.post(complete_url(enrolment, tree.lessons[-1]))
    assert response["Location"] == tree.course.url
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 4


def test_completing_needs_a_csrf_token(user, tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    enrolment = enrolment_start(user=user, course=tree.course)
    assert client.post(complete_url(enrolment, tree.lessons[0])).status_code == 403
    assert client.post(start_url(tree.course)).status_code == 403
    assert not LessonProgress.objects.exists()


def test_completing_is_a_post(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    assert signed_in.get(complete_url(enrolment, tree.lessons[0])).status_code == 405


def test_progress_on_someone_elses_enrolment_is_not_found(signed_in, other_user, tree):
    theirs = EnrolmentFactory(user=other_user, course=tree.course)
    assert signed_in.post(complete_url(theirs, tree.lessons[0])).status_code == 404
    assert not LessonProgress.objects.exists()


def test_progress_on_an_unpublished_lesson_is_not_found(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    tree.lessons[0].unpublish()
    assert signed_in.post(complete_url(enrolment, tree.lessons[0])).status_code == 404
    assert signed_in.get(tree.lessons[0].url_path.removeprefix("/home")).status_code == 404


def test_a_lesson_whose_module_is_unpublished_is_not_found(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    module = tree.modules[0]
    module.live = False  # unpublished on its own; its lessons stay live
    module.save()
    url = tree.lessons[0].url_path.removeprefix("/home")
    assert signed_in.get(url).status_code == 404
    assert signed_in.post(complete_url(enrolment, tree.lessons[0])).status_code == 404


def test_a_lesson_from_another_course_is_not_found(signed_in, user, tree):
    from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory

    other = CoursePageFactory(parent=tree.course.get_parent())
    stray = LessonPageFactory(parent=ModulePageFactory(parent=other))
    enrolment = enrolment_start(user=user, course=tree.course)
    assert signed_in.post(complete_url(enrolment, stray)).status_code == 404


def test_learner_actions_need_sign_in(client, tree, other_user):
    enrolment = EnrolmentFactory(user=other_user, course=tree.course)
    for url in [start_url(tree.course), complete_url(enrolment, tree.lessons[0])]:
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_course_emptied_by_editors_can_be_completed(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons[:3]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    tree.lessons[3].delete()
    assert "Complete the course" in signed_in.get(tree.course.url).content.decode()
    signed_in.post(reverse("courses:enrolment_finish", args=[enrolment.pk]))
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_page_privacy_still_applies_to_lessons(client, tree):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=tree.course, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(tree.lessons[0].url)
    assert response.status_code == 302 and "login/?next=" in response["Location"]


def test_a_lesson_added_after_completion_is_read_not_required(signed_in, user, tree):
    from tests.courses.factories import LessonPageFactory

    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    new = LessonPageFactory(parent=tree.modules[1], title="New lesson", slug="new")
    lesson_html = signed_in.get(new.url).content.decode()
    assert "You completed this course on" in lesson_html
    assert "Mark as complete" not in lesson_html
    course_html = signed_in.get(tree.course.url).content.decode()
    assert "Course completed" in course_html and "This course has changed" in course_html


def test_a_double_click_on_the_last_lesson_records_once_and_says_so(
    signed_in, user, tree, monkeypatch
):
    from certificates.models import Certificate
    from courses import services

    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons[:-1]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    real = services.lesson_complete

    def first_click_wins(*, enrolment, lesson):
        # The first click commits between this request's checks and its write.
        real(enrolment=enrolment, lesson=lesson)
        return real(enrolment=enrolment, lesson=lesson)

    monkeypatch.setattr(services, "lesson_complete", first_click_wins)
    response = signed_in.post(complete_url(enrolment, tree.lessons[-1]), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == tree.course.url
    assert "You have already completed CSE awareness" in response.content.decode()
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 4
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
