"""One person's event costs the same queries in a partnership of 10 people as
in one of 10,000: the work follows the person's requirements only."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from compliance.models import Assignment, AssignmentCycle
from compliance.recompute import assignments_recompute
from courses.models import Enrolment
from organisations.models import Membership
from tests.certificates.factories import completed_enrolment
from tests.compliance.conftest import assignment_of, days_ago

pytestmark = pytest.mark.django_db


def _colleagues(organisation, group, requirement, n: int) -> None:
    """``n`` more people in the partnership, each with an assignment, in bulk."""
    User = get_user_model()
    start = User.objects.count()
    users = User.objects.bulk_create(
        User(email=f"colleague{start + i}@northgate.example", full_name=f"Colleague {i}")
        for i in range(n)
    )
    if users[0].pk is None:
        users = list(User.objects.filter(email__startswith="colleague").order_by("pk"))
    joined = days_ago(300)
    Membership.objects.bulk_create(
        Membership(user=u, organisation=organisation, group=group, joined_at=joined) for u in users
    )
    today = timezone.localdate()
    Assignment.objects.bulk_create(
        Assignment(
            user=u,
            requirement=requirement,
            organisation=organisation,
            assigned_on=today,
            first_due_on=today,
            due_on=today,
            status="due_soon",
        )
        for u in users
    )


def _queries_for_one_event(learner, requirement) -> int:
    completed_enrolment(user=learner, course=requirement.course)
    with CaptureQueriesContext(connection) as captured:
        assignments_recompute(user_ids=[learner.pk])
    assert assignment_of(learner, requirement).status == "completed"
    AssignmentCycle.objects.filter(assignment__user=learner).delete()
    Enrolment.objects.filter(user=learner).delete()
    assignments_recompute(user_ids=[learner.pk])
    return len(captured)


def test_one_persons_recompute_does_not_grow_with_the_partnership(
    requirement, learner, organisation, group, django_assert_max_num_queries
):
    _colleagues(organisation, group, requirement, 9)
    small = _queries_for_one_event(learner, requirement)
    _colleagues(organisation, group, requirement, 9_990)
    assert Membership.objects.filter(organisation=organisation).count() == 10_000
    large = _queries_for_one_event(learner, requirement)
    assert large == small
    # A repeat with nothing to change costs no more.
    with django_assert_max_num_queries(small):
        assignments_recompute(user_ids=[learner.pk])
