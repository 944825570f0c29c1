"""The dashboard counts assignments grouped by status and cycle, then sorts the
groups into categories in Python; the staff filters ask the database with
``COUNTED``. Both must put every status in the same place."""

import pytest

from compliance.models import Assignment, AssignmentStatus
from reports.selectors.coverage import COUNTED, assignment_counts, category_of

pytestmark = pytest.mark.django_db

EXPECTED = {
    (AssignmentStatus.COMPLETED, 1): "completed",
    # A renewal that is due soon still counts as completed until it expires.
    (AssignmentStatus.DUE_SOON, 1): "completed",
    (AssignmentStatus.DUE_SOON, 0): "due_soon",
    (AssignmentStatus.OVERDUE, 0): "overdue",
    (AssignmentStatus.EXPIRED, 1): "overdue",
    (AssignmentStatus.EXEMPT, 0): "exempt",
    (AssignmentStatus.NOT_STARTED, 0): None,
    (AssignmentStatus.IN_PROGRESS, 0): None,
}


@pytest.mark.parametrize(("status", "cycle"), list(EXPECTED))
def test_each_status_counts_in_one_category(known, status, cycle):
    assignment = Assignment.objects.filter(organisation=known.ash, in_audience=True).first()
    Assignment.objects.filter(pk=assignment.pk).update(status=status, cycle=cycle)
    assert category_of(status, cycle) == EXPECTED[(status, cycle)]

    counted = assignment_counts([known.requirement])[(known.requirement.pk, known.ash.pk)]
    in_database = {
        name: Assignment.objects.filter(condition, organisation=known.ash, in_audience=True).count()
        for name, condition in COUNTED.items()
    }
    assert counted == in_database
