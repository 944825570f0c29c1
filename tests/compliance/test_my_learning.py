"""My learning lists required training first, with due dates and tags, in a
constant number of queries."""

import datetime

import pytest
from django.utils import timezone

from compliance.models import Assignment
from compliance.recompute import assignments_recompute
from tests.certificates.factories import completed_enrolment, course_page
from tests.compliance.conftest import days_ago

pytestmark = pytest.mark.django_db


def test_required_training_comes_first_with_its_tag(requirement, learner, course, client):
    Assignment.objects.filter(user=learner).update(
        first_due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    assignments_recompute(user_ids=[learner.pk])
    optional = course_page(course.get_parent(), title="Optional extra", slug="extra")
    completed_enrolment(user=learner, course=optional, completed_at=days_ago(2))
    client.force_login(learner)
    page = client.get("/my-learning/").content.decode()
    assert page.index("Required training") < page.index("Completed")
    assert "Overdue" in page
    assert page.index(course.title) < page.index("Optional extra")


def test_completed_until_is_shown(requirement, learner, course, client):
    completed_enrolment(user=learner, course=course, completed_at=days_ago(1))
    assignments_recompute(user_ids=[learner.pk])
    until = Assignment.objects.get(user=learner).completed_until
    client.force_login(learner)
    page = client.get("/my-learning/").content.decode()
    assert f"Completed until {until:%-d %B %Y}" in page


def test_the_hook_costs_one_query_whatever_the_number(
    make_requirement, learner, course, django_assert_max_num_queries
):
    from courses.my_learning import required_training

    with django_assert_max_num_queries(1):
        assert len(required_training(user=learner)) == 0
    for n in range(5):
        extra = course_page(course.get_parent(), title=f"Course {n}", slug=f"c{n}")
        make_requirement(course=extra)
    with django_assert_max_num_queries(1):
        assert len(required_training(user=learner)) == 5
