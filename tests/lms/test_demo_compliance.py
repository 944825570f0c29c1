"""The demo requires the CSE course of everyone, with every status to show."""

import pytest
from django.core.management import call_command

from compliance.models import Assignment, Requirement
from tests.certificates.factories import course_index, course_page

pytestmark = pytest.mark.django_db


def _statuses():
    return {
        status: Assignment.objects.filter(status=status).count()
        for status in ("overdue", "due_soon", "completed", "exempt")
    }


def test_the_demo_has_overdue_due_soon_completed_and_one_exempt(capsys):
    call_command("seed_demo", allow_demo_accounts=True)
    call_command("seed_training_requirements")
    assert "Skipped" in capsys.readouterr().out  # the course is not loaded yet
    course_page(course_index(), slug="cse-awareness")
    call_command("seed_training_requirements")
    first = _statuses()
    assert first["overdue"] >= 20 and first["due_soon"] >= 20 and first["completed"] >= 50
    assert first["exempt"] == 1
    learner = Assignment.objects.get(user__email="learner@health.northvale.example")
    assert learner.status == "overdue"
    call_command("seed_training_requirements")
    assert _statuses() == first
    assert Requirement.objects.count() == 1


def test_the_demo_dashboard_has_a_year_of_snapshots(client):
    from django.utils import timezone

    from reports.models import CoverageSnapshot

    call_command("seed_demo", allow_demo_accounts=True)
    course_page(course_index(), slug="cse-awareness")
    call_command("seed_training_requirements")
    days = set(CoverageSnapshot.objects.values_list("as_at", flat=True))
    assert len(days) == 12 and timezone.localdate() in days
    rows = CoverageSnapshot.objects.count()
    call_command("seed_training_requirements")
    assert CoverageSnapshot.objects.count() == rows  # written once, never again
