"""Background jobs: they take ids, re-fetch, and are safe to run twice."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task
def recompute_person(user_id: int) -> int:
    """One person's assignments after an event that changes them."""
    from compliance.recompute import assignments_recompute

    return assignments_recompute(user_ids=[user_id])


@shared_task
def recompute_requirement(requirement_id: int) -> int:
    """Everyone a requirement may cover, after it is created, edited or retired."""
    from compliance.reconcile import assignments_reconcile

    return assignments_reconcile(requirement_id=requirement_id)


@shared_task
def reconcile_assignments() -> int:
    """Nightly: recompute every assignment, repair drift and log how much."""
    from compliance.reconcile import assignments_reconcile

    return assignments_reconcile()


@shared_task
def send_reminders() -> int:
    """Daily: every learner reminder that is due, each at most once."""
    from compliance.reminders import reminders_send

    return sum(reminders_send().values())


@shared_task
def send_manager_digests() -> int:
    """Weekly: one digest per manager per ISO week."""
    from compliance.digests import digests_send

    return digests_send()
