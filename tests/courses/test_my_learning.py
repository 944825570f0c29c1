from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from courses.refreshers import refresher_due_on, refresher_is_due
from courses.services import enrolment_start, lesson_complete

pytestmark = pytest.mark.django_db

MY_LEARNING = "/my-learning/"


def finish(user, tree, *, days_ago: int) -> Enrolment:
    enrolment = enrolment_start(user=user, course=tree.course)
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    when = timezone.now() - timedelta(days=days_ago)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=when, completed_at=when)
    enrolment.refresh_from_db()
    return enrolment


def test_my_learning_needs_sign_in(client):
    assert client.get(MY_LEARNING).status_code == 302


def test_nothing_started_shows_the_empty_state(signed_in, tree):
    assert "You have not started any training yet" in signed_in.get(MY_LEARNING).content.decode()


def test_current_enrolments_show_progress_and_where_to_continue(signed_in, user, tree):
    enrolment = enrolment_start(user=user, course=tree.course)
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    html = signed_in.get(MY_LEARNING).content.decode()
    assert "In progress" in html and "CSE awareness" in html
    assert "1 of 4 lessons (25%)" in html
    assert tree.lessons[1].url in html


def test_past_completions_are_listed_with_dates(signed_in, user, tree):
    done = finish(user, tree, days_ago=10)
    html = signed_in.get(MY_LEARNING).content.decode()
    assert "Completed" in html
    assert (
        f"{done.completed_at:%-d %B %Y}" in html or done.completed_at.strftime("%d %B %Y") in html
    )
    assert "Start refresher" not in html


def test_a_refresher_due_within_30_days_is_offered(signed_in, user, tree):
    # Valid for 24 months: completed 23 and a half months ago, so due in about two weeks.
    finish(user, tree, days_ago=715)
    html = signed_in.get(MY_LEARNING).content.decode()
    assert "Your refresher for CSE awareness is due by" in html
    assert "Start refresher" in html


def test_an_overdue_refresher_says_so(signed_in, user, tree):
    finish(user, tree, days_ago=800)
    assert "was due on" in signed_in.get(MY_LEARNING).content.decode()


def test_starting_a_refresher_opens_a_new_enrolment_and_keeps_the_old(signed_in, user, tree):
    old = finish(user, tree, days_ago=800)
    response = signed_in.post(reverse("courses:course_start", args=[tree.course.pk]))
    assert response["Location"] == tree.lessons[0].url
    assert Enrolment.objects.filter(user=user).count() == 2
    old.refresh_from_db()
    assert old.completed_at is not None and old.lesson_progress.count() == 4
    html = signed_in.get(MY_LEARNING).content.decode()
    assert "In progress" in html and "Start refresher" not in html


def test_a_course_without_validity_needs_no_refresher(signed_in, user, tree):
    tree.course.validity_months = None
    tree.course.save()
    finish(user, tree, days_ago=2000)
    html = signed_in.get(MY_LEARNING).content.decode()
    assert "Start refresher" not in html and "Not needed" in html


def test_my_learning_queries_do_not_grow_with_history(
    signed_in, user, tree, django_assert_max_num_queries
):
    counts = []
    for days_ago in (2000, 1500, 1000):
        finish(user, tree, days_ago=days_ago)
        enrolment_start(user=user, course=tree.course)
        signed_in.get(MY_LEARNING)  # warm the site root paths cache
        with django_assert_max_num_queries(12) as captured:
            assert signed_in.get(MY_LEARNING).status_code == 200
        counts.append(len(captured))
        Enrolment.objects.filter(user=user, completed_at=None).delete()
    assert len(set(counts)) == 1


@pytest.mark.parametrize(
    ("completed", "months", "due"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 15), 24, date(2026, 11, 15)),
        (date(2024, 12, 1), 13, date(2026, 1, 1)),
    ],
)
def test_refresher_due_dates_add_calendar_months(completed, months, due):
    at = timezone.make_aware(timezone.datetime(completed.year, completed.month, completed.day, 12))
    assert refresher_due_on(completed_at=at, validity_months=months) == due


def test_a_refresher_is_due_from_30_days_before():
    today = date(2025, 6, 1)
    assert refresher_is_due(date(2025, 7, 1), today=today)
    assert not refresher_is_due(date(2025, 7, 2), today=today)
    assert refresher_is_due(date(2025, 1, 1), today=today)
    assert not refresher_is_due(None, today=today)
