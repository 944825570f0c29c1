"""Demo mandatory training: the demo partnership requires the CSE-awareness
course of everyone, with some staff overdue, some due soon, some completed and
one exempt. Runs after the course content is loaded; safe to run again."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from compliance.models import Assignment, ExternalRecord, Requirement
from compliance.recompute import assignments_recompute
from compliance.reconcile import assignments_reconcile
from courses.models import CoursePage, Enrolment
from lms.demo import PARTNERSHIP
from organisations.access import manager_memberships
from organisations.models import Partnership

COURSE_SLUG = "cse-awareness"
OVERDUE, DUE_SOON, COMPLETED = 25, 25, 60
LEARNER = "learner@health.northvale.example"


def _split(requirement) -> tuple[list, list, list, object]:
    rows = list(
        Assignment.objects.filter(requirement=requirement, in_audience=True)
        .exclude(user__email=LEARNER)
        .order_by("user__email")
        .values_list("user_id", flat=True)
    )
    overdue = rows[:OVERDUE]
    soon = rows[OVERDUE : OVERDUE + DUE_SOON]
    done = rows[OVERDUE + DUE_SOON : OVERDUE + DUE_SOON + COMPLETED]
    exempt = (
        rows[OVERDUE + DUE_SOON + COMPLETED] if len(rows) > len(overdue + soon + done) else None
    )
    return overdue, soon, done, exempt


def _complete(requirement, user_ids) -> None:
    """A completion 100 days ago for each, unless they have one (bulk)."""
    have = set(
        Enrolment.objects.filter(course=requirement.course, user_id__in=user_ids)
        .exclude(completed_at=None)
        .values_list("user_id", flat=True)
    )
    finished = timezone.now() - timedelta(days=100)
    Enrolment.objects.bulk_create(
        Enrolment(
            user_id=u,
            course=requirement.course,
            started_at=finished - timedelta(hours=1),
            completed_at=finished,
        )
        for u in user_ids
        if u not in have
    )


def _exempt(requirement, user_id) -> None:
    manager = (
        manager_memberships()
        .filter(organisation__assignments__user_id=user_id)
        .exclude(user_id=user_id)
        .first()
    )
    lead = requirement.partnership.leads.select_related("user").first()
    decider = manager.user if manager else (lead.user if lead else None)
    if decider is None:
        return
    now = timezone.now()
    ExternalRecord.objects.get_or_create(
        user_id=user_id,
        requirement=requirement,
        kind="exemption",
        defaults={
            "reason": "Works from home in a back-office role with no contact with children.",
            "state": "approved",
            "submitted_by_id": user_id,
            "decided_by": decider,
            "decided_at": now,
            "token": "demo",
        },
    )


@transaction.atomic
def seed_compliance_demo() -> str:
    """Require the CSE course of the demo partnership and set the demo staff's records."""
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    partnership = Partnership.objects.filter(name=PARTNERSHIP["name"]).first()
    if course is None or partnership is None:
        return "Skipped: run seed_demo and load_course_content first."
    requirement, _ = Requirement.objects.get_or_create(
        partnership=partnership,
        course=course,
        owner_organisation=None,
        retired_at=None,
        defaults={"due_within_days": 90, "window_days": 60},
    )
    assignments_reconcile(requirement_id=requirement.pk)
    overdue, soon, done, exempt = _split(requirement)
    today = timezone.localdate()
    Assignment.objects.filter(requirement=requirement, user_id__in=overdue).update(
        first_due_on=today - timedelta(days=12)
    )
    Assignment.objects.filter(requirement=requirement, user__email=LEARNER).update(
        first_due_on=today - timedelta(days=5)
    )
    Assignment.objects.filter(requirement=requirement, user_id__in=soon).update(
        first_due_on=today + timedelta(days=12)
    )
    _complete(requirement, done)
    if exempt:
        _exempt(requirement, exempt)
    people = Assignment.objects.filter(requirement=requirement).values_list("user_id", flat=True)
    assignments_recompute(user_ids=list(people), requirement_ids=[requirement.pk])
    counts = dict(
        Assignment.objects.filter(requirement=requirement)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
