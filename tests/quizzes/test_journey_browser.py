"""In a real browser: fail the check, read the feedback, try again, pass, and see
the module marked Completed."""

import pytest

from quizzes.models import Attempt
from tests.accounts.factories import PASSWORD
from tests.e2e import conftest as e2e
from tests.e2e.conftest import assert_accessible

# Debian's Chromium driven by Playwright against the live server.
browser, page = e2e.browser, e2e.page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def answer(page, quiz, *, right: bool):
    """Tick the right options of every question, or one wrong option of each."""
    for question in quiz.question_map().values():
        legend = f"Myth or fact: {question.text}" if question.kind == "myth_fact" else question.text
        group = page.get_by_role("group", name=legend)
        chosen = (
            [o for o in question.options if o.correct]
            if right
            else [next(o for o in question.options if not o.correct)]
        )
        for option in chosen:
            group.get_by_label(option.text, exact=True).check()
    page.get_by_role("button", name="Submit your answers").click()


def test_fail_read_the_feedback_retry_pass_and_complete_the_module(
    page, live_server, user, lessons_done, quiz, tree
):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Sign out").wait_for()

    page.goto(tree.modules[0].url)
    page.get_by_role("link", name=quiz.title).click()
    assert_accessible(page)
    page.get_by_role("button", name="Start the knowledge check").click()
    page.get_by_role("heading", name="Question 1 of 4").wait_for()
    assert_accessible(page)

    answer(page, quiz, right=False)
    page.get_by_role("heading", name="You did not pass this time").wait_for()
    assert page.get_by_text("You scored 0 out of 4 (0%). The pass mark is 80%.").is_visible()
    assert page.get_by_text("Money is only one example.").first.is_visible()
    single = next(q for q in quiz.question_map().values() if q.kind == "single")
    assert page.get_by_text(single.explanation).is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Try again").click()
    page.get_by_role("heading", name="Question 1 of 4").wait_for()
    answer(page, quiz, right=True)
    page.get_by_role("heading", name="You passed").wait_for()
    assert page.get_by_text("You scored 4 out of 4 (100%)").is_visible()
    assert page.get_by_text(f"You have completed {tree.course.title}.").is_visible()
    assert_accessible(page)
    assert list(Attempt.objects.values_list("passed", flat=True)) == [False, True]

    page.get_by_role("link", name=f"Back to {tree.modules[0].title}").click()
    check = page.locator(".govuk-task-list__item", has_text=quiz.title)
    assert check.locator(".govuk-tag").inner_text() == "Completed"
    page.goto(tree.course.url)
    module = page.locator(".govuk-task-list__item", has_text=tree.modules[0].title)
    assert module.locator(".govuk-tag").inner_text() == "Completed"
    assert_accessible(page)
