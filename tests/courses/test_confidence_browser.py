"""In a real browser: starting a course asks how confident the learner feels,
accessibly; their answers are saved once and they go on to the first lesson."""

import pytest

from courses.models import ConfidenceRating
from tests.accounts.factories import PASSWORD
from tests.browser import assert_accessible, run_in_browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_rate_confidence_at_the_start_then_read_the_first_lesson(live_server, user, tree):
    course = tree.course
    course.confidence_statements = [
        ("statement", "I can recognise the warning signs of CSE."),
        ("statement", "I know what to do if I am worried about a child."),
    ]
    course.save_revision().publish()
    course_url, first_lesson = course.url, tree.lessons[0].title

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()

        page.goto(course_url)
        page.get_by_role("button", name="Start course").click()
        page.get_by_role("heading", name="Before you start: how confident do you feel?").wait_for()
        assert_accessible(page)
        group = page.get_by_role("group", name="I can recognise the warning signs of CSE.")
        group.get_by_label("4", exact=True).check()
        page.get_by_role("button", name="Save my answers").click()
        page.get_by_role("heading", name=first_lesson, level=1).wait_for()
        assert page.get_by_text("Your answers have been recorded.").is_visible()

    run_in_browser(live_server.url, journey)
    assert list(ConfidenceRating.objects.values_list("stage", "rating")) == [("before", 4)]
