"""In a real browser: fail the check, read what to go over (never the right
answers), follow the lesson link, retry with a new draw, pass, and see every
answer with its feedback."""

import pytest

from courses.services import enrolment_start, lesson_complete
from quizzes.models import Attempt
from tests.accounts.factories import PASSWORD
from tests.browser import assert_accessible, run_in_browser
from tests.quizzes.factories import KnowledgeCheckFactory, bank, topics

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def legend(question) -> str:
    return f"Myth or fact: {question.text}" if question.kind == "myth_fact" else question.text


def shown(page, by_legend) -> list:
    """The questions the open attempt shows, by their legends."""
    page.get_by_role("button", name="Submit your answers").wait_for()
    return [by_legend[text.strip()] for text in page.locator("legend").all_inner_texts()]


def answer(page, questions, *, right: bool):
    """Tick the right options of every question, or one wrong option of each."""
    for question in questions:
        group = page.get_by_role("group", name=legend(question))
        wrong = next(o for o in question.options if not o.correct)
        for option in [o for o in question.options if o.correct] if right else [wrong]:
            group.get_by_label(option.text, exact=True).check()
    page.get_by_role("button", name="Submit your answers").click()


def test_fail_go_over_the_lesson_retry_a_new_draw_pass_and_see_the_answers(live_server, user, tree):
    module, lessons = tree.modules[0], tree.lessons[:2]
    quiz = KnowledgeCheckFactory(
        module=module,
        questions=bank(6, topic_slugs=("a", "b"), lessons=lessons),
        topics=topics("a", "b"),
        draw=4,
        question_order="random",
        shuffle_options=True,
    )
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    # Read everything from the database here: the journey's thread runs
    # Playwright's event loop, where Django refuses queries.
    questions = list(quiz.question_map().values())
    by_legend = {legend(q): q for q in questions}
    lesson_titles = {q.key: q.lesson.title for q in questions}
    lesson_urls = {lesson.title: lesson.url for lesson in lessons}
    draws = []

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(user.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()

        # The module's last lesson is done: its main button leads to the check.
        page.goto(module.url)
        page.get_by_role("button", name="Go to the knowledge check").click()
        page.get_by_role("button", name="Start the knowledge check").click()
        first = shown(page, by_legend)
        draws.append(first)
        assert_accessible(page)

        answer(page, first, right=False)
        page.get_by_role("heading", name="You did not pass this time").wait_for()
        assert page.get_by_text("You scored 0 out of 4 (0%). The pass mark is 80%.").is_visible()
        body = page.locator("main").inner_text()
        for question in first:
            assert question.principle in body and f"Topic {question.topic}" in body
            if question.kind != "myth_fact":
                assert not any(o.text in body for o in question.options if o.correct)
            assert question.explanation not in body
        assert_accessible(page)

        title = lesson_titles[first[0].key]
        page.get_by_role("link", name=f"Reread the lesson: {title}").first.click()
        page.get_by_role("heading", name=title, level=1).wait_for()
        assert page.url.endswith(lesson_urls[title])
        page.go_back()

        # Try again until the server draws a different set (it usually does at once).
        page.get_by_role("button", name="Try again").click()
        again = shown(page, by_legend)
        while {q.key for q in again} == {q.key for q in first} and len(draws) < 12:
            draws.append(again)
            answer(page, again, right=False)
            page.get_by_role("button", name="Try again").click()
            again = shown(page, by_legend)
        draws.append(again)
        answer(page, again, right=True)
        page.get_by_role("heading", name="You passed").wait_for()
        assert page.get_by_text("You scored 4 out of 4 (100%)").is_visible()
        assert page.get_by_role("heading", name="Your answers and feedback").is_visible()
        for question in again:
            assert page.get_by_text(question.explanation).is_visible()
        assert page.locator("strong.govuk-tag", has_text="Correct").count() == 4
        assert_accessible(page)

    run_in_browser(live_server.url, journey)
    first, last = draws[0], draws[-1]
    assert {q.key for q in first} != {q.key for q in last}
    for draw in (first, last):
        assert len(draw) == 4 and {q.topic for q in draw} == {"a", "b"}
    attempts = list(Attempt.objects.order_by("pk"))
    assert [a.passed for a in attempts][-1] is True and not any(a.passed for a in attempts[:-1])
    # Each attempt stored exactly the questions it showed.
    assert {e["question"] for e in attempts[0].layout} == {q.key for q in first}
    assert {e["question"] for e in attempts[-1].layout} == {q.key for q in last}
