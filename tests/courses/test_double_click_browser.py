"""In a real browser: a double click on "Mark as complete" for the last lesson
completes the course once and shows the course page, not an error."""

import pytest

from certificates.models import Certificate
from courses.models import Enrolment, LessonProgress
from courses.services import enrolment_start, lesson_complete
from tests.accounts.factories import PASSWORD
from tests.browser import run_in_browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_double_clicking_the_last_mark_as_complete_records_it_once(live_server, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons[:-1]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    last_url, course_title = tree.lessons[-1].url, tree.course.title
    seen = {}

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()
        page.goto(last_url)
        button = page.get_by_role("button", name="Mark as complete")
        seen["guarded"] = button.get_attribute("data-prevent-double-click")
        button.dblclick()
        page.get_by_text(f"You have completed {course_title}.").wait_for()
        seen["status"] = page.evaluate("document.title")

    run_in_browser(live_server.url, journey)
    assert seen["guarded"] == "true"
    assert "error" not in seen["status"].lower()
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    assert enrolment.completed_at is not None
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == len(tree.lessons)
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
