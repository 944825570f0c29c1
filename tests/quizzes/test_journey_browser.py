"""In a real browser: fail the check, read the feedback, try again, pass, and see
the module marked Completed."""

import shutil
import threading

import pytest

from quizzes.models import Attempt
from tests.accounts.factories import PASSWORD
from tests.e2e import conftest as e2e
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def in_browser(base_url: str, journey) -> None:
    """Run ``journey(page)`` in Debian's Chromium on a thread of its own.

    tests/e2e's ``browser`` fixture is session-scoped in that folder's conftest;
    defining it again here would start a second Playwright on the test thread
    while that one runs, which the sync API refuses. The journey touches no
    database: Playwright's event loop runs on its thread.
    """
    if not shutil.which(e2e.CHROMIUM):
        pytest.skip("Chromium is not installed (make test-e2e installs it)")
    from playwright.sync_api import sync_playwright

    failure = []

    def run():
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=e2e.CHROMIUM, args=e2e.CHROMIUM_ARGS
                )
                page = browser.new_context(base_url=base_url).new_page()
                page.set_default_timeout(15_000)
                journey(page)
                browser.close()
        except BaseException as error:  # handed back to the test's thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


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

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()

        page.goto(module.url)
        page.get_by_role("link", name=quiz.title).click()
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
        assert page.get_by_text(f"You have completed {course.title}.").is_visible()
        assert_accessible(page)

        page.get_by_role("link", name=f"Back to {module.title}").click()
        check = page.locator(".govuk-task-list__item", has_text=quiz.title)
        assert check.locator(".govuk-tag").inner_text() == "Completed"
        page.goto(course.url)
        row = page.locator(".govuk-task-list__item", has_text=module.title)
        assert row.locator(".govuk-tag").inner_text() == "Completed"
        assert_accessible(page)

    in_browser(live_server.url, journey)
    assert list(Attempt.objects.order_by("pk").values_list("passed", flat=True)) == [False, True]
