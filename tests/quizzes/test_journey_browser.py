"""In a real browser: fail the check, read the feedback, try again, pass, and see
the module marked Completed."""

import pytest

from quizzes.models import Attempt
from tests.accounts.factories import PASSWORD
from tests.browser import assert_accessible, run_in_browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def answer(page, questions, *, right: bool):
    """Tick the right options of every question, or one wrong option of each."""
    for question in questions:
        legend = f"Myth or fact: {question.text}" if question.kind == "myth_fact" else question.text
        group = page.get_by_role("group", name=legend)
        wrong = next(o for o in question.options if not o.correct)
        for option in [o for o in question.options if o.correct] if right else [wrong]:
            group.get_by_label(option.text, exact=True).check()
    page.get_by_role("button", name="Submit your answers").click()


def test_fail_read_the_feedback_retry_pass_and_complete_the_module(
    live_server, user, lessons_done, quiz, tree
):
    questions = list(quiz.question_map().values())
    single = next(q for q in questions if q.kind == "single")
    module, course = tree.modules[0], tree.course
    # Read everything from the database here: the journey's thread runs
    # Playwright's event loop, where Django refuses queries.
    module_url, course_url = module.url, course.url
    module_title, course_title, quiz_title = module.title, course.title, quiz.title

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()

        page.goto(module_url)
        page.get_by_role("link", name=quiz_title).click()
        assert_accessible(page)
        page.get_by_role("button", name="Start the knowledge check").click()
        page.get_by_role("heading", name="Question 1 of 4").wait_for()
        assert_accessible(page)

        answer(page, questions, right=False)
        page.get_by_role("heading", name="You did not pass this time").wait_for()
        assert page.get_by_text("You scored 0 out of 4 (0%). The pass mark is 80%.").is_visible()
        assert page.get_by_text("Money is only one example.").first.is_visible()
        assert page.get_by_text(single.explanation).is_visible()
        assert_accessible(page)

        page.get_by_role("button", name="Try again").click()
        page.get_by_role("heading", name="Question 1 of 4").wait_for()
        answer(page, questions, right=True)
        page.get_by_role("heading", name="You passed").wait_for()
        assert page.get_by_text("You scored 4 out of 4 (100%)").is_visible()
        assert page.get_by_text(f"You have completed {course_title}.").is_visible()
        assert_accessible(page)

        page.get_by_role("link", name=f"Back to {module_title}").click()
        check = page.locator(".govuk-task-list__item", has_text=quiz_title)
        assert check.locator(".govuk-tag").inner_text() == "Completed"
        page.goto(course_url)
        row = page.locator(".govuk-task-list__item", has_text=module_title)
        assert row.locator(".govuk-tag").inner_text() == "Completed"
        assert_accessible(page)

    run_in_browser(live_server.url, journey)
    assert list(Attempt.objects.order_by("pk").values_list("passed", flat=True)) == [False, True]
