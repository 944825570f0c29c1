"""The nightly reconciliation repairs drift and says how much it repaired."""

import logging

import pytest

from compliance.models import Assignment
from compliance.tasks import reconcile_assignments
from tests.compliance.conftest import assignment_of

pytestmark = pytest.mark.django_db


def test_a_hand_broken_row_is_repaired_and_reported(manager, requirement, learner, caplog):
    Assignment.objects.filter(user=learner).update(status="completed", cycle=3)
    caplog.set_level(logging.INFO, logger="compliance.reconcile")
    assert reconcile_assignments() == 1
    assert assignment_of(learner, requirement).status == "not_started"
    assert assignment_of(learner, requirement).cycle == 0
    assert "2 people, 1 rows repaired" in caplog.text


def test_a_missing_row_is_made_and_a_clean_run_repairs_nothing(requirement, learner):
    Assignment.objects.filter(user=learner).delete()
    assert reconcile_assignments() == 1
    assert assignment_of(learner, requirement).status == "not_started"
    assert reconcile_assignments() == 0
