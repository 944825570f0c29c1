"""The nightly reconciliation: recompute every assignment in set-based batches."""

import logging
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q

from compliance.models import Assignment, Requirement
from compliance.recompute import assignments_recompute
from organisations.models import Membership

logger = logging.getLogger(__name__)

BATCH = 500


def _people(requirement_id: int | None):
    """Ids of everyone a (or any) current requirement may cover, or who holds an
    assignment, in id order."""
    requirements = Requirement.objects.current()
    if requirement_id is not None:
        requirements = Requirement.objects.filter(pk=requirement_id)
    partnerships = requirements.values("partnership_id")
    members = Membership.objects.active().filter(organisation__partnership_id__in=partnerships)
    holders = Assignment.objects.filter(requirement__in=requirements)
    return (
        get_user_model()
        .objects.filter(Q(pk__in=members.values("user_id")) | Q(pk__in=holders.values("user_id")))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def assignments_reconcile(*, requirement_id: int | None = None, today: date | None = None) -> int:
    """Recompute the assignments of everyone covered (by one requirement, or by
    all), ``BATCH`` people at a time; returns and logs how many rows it created
    or repaired. Retired requirements are left as they stand."""
    repaired, people, last = 0, 0, 0
    only = [requirement_id] if requirement_id is not None else None
    while True:
        batch = list(_people(requirement_id).filter(pk__gt=last)[:BATCH])
        if not batch:
            break
        repaired += assignments_recompute(user_ids=batch, today=today, requirement_ids=only)
        people += len(batch)
        last = batch[-1]
    logger.info("compliance reconciliation: %s people, %s rows repaired", people, repaired)
    return repaired
