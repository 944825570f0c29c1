"""Reads for screens: a learner's required training, and the requirements and
records a lead or manager may see (scoped through organisations.access)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from compliance.models import Assignment, AssignmentStatus, ExternalRecord, Requirement
from organisations.access import (
    manager_memberships,
    organisations_visible_to,
    partnerships_led_by,
)
from organisations.models import Membership


@dataclass(frozen=True)
class RequiredItem:
    """One line of a learner's required training, as My learning shows it."""

    course: object
    due_on: date
    status: str
    tag: str
    tag_class: str
    assignment_id: int

    @property
    def record_url(self) -> str:
        return reverse("compliance:record_new", args=[self.assignment_id])


def status_tag(assignment: Assignment) -> tuple[str, str]:
    """The GOV.UK tag text and class for an assignment's status."""
    status = AssignmentStatus(assignment.status)
    if status == AssignmentStatus.COMPLETED:
        where = "Completed elsewhere" if assignment.completed_elsewhere else "Completed"
        if assignment.completed_until:
            return f"{where} until {assignment.completed_until:%-d %B %Y}", status.tag_class
        return where, status.tag_class
    return status.label, status.tag_class


def required_training_for(*, user) -> list[RequiredItem]:
    """The learner's current required training, most urgent first, in one query."""
    rows = (
        Assignment.objects.filter(user=user, in_audience=True, requirement__retired_at__isnull=True)
        .select_related("requirement__course", "requirement__renewal_course")
        .order_by("due_on", "pk")
    )
    items = []
    for row in rows:
        text, css = status_tag(row)
        renewing = row.cycle and row.requirement.renewal_course_id
        course = row.requirement.renewal_course if renewing else row.requirement.course
        items.append(RequiredItem(course, row.due_on, row.status, text, css, row.pk))
    urgency = {"overdue": 0, "expired": 0, "due_soon": 1, "in_progress": 2, "not_started": 2}
    return sorted(items, key=lambda i: (urgency.get(i.status, 3), i.due_on))


def requirements_visible_to(user) -> QuerySet[Requirement]:
    """Requirements of the partnerships ``user`` leads, and those made for the
    organisations they manage."""
    led = partnerships_led_by(user)
    managed = organisations_visible_to(user)
    return (
        Requirement.objects.filter(Q(partnership__in=led) | Q(owner_organisation__in=managed))
        .select_related("course", "partnership", "owner_organisation")
        .distinct()
    )


def requirement_for(user, requirement_id: int) -> Requirement:
    """A requirement ``user`` may manage, or 404 (another partnership's too)."""
    return get_object_or_404(requirements_visible_to(user), pk=requirement_id)


def records_visible_to(user) -> QuerySet[ExternalRecord]:
    """Records ``user`` may see: their own; their staff's, as a manager of an
    organisation the person works in; and those in partnerships they lead."""
    if not user.is_authenticated:
        return ExternalRecord.objects.none()
    visible = organisations_visible_to(user)
    works_there = Membership.objects.active().filter(
        user=OuterRef("user_id"), organisation__in=visible
    )
    return ExternalRecord.objects.filter(Q(user=user) | Q(Exists(works_there))).select_related(
        "user", "requirement__course", "submitted_by", "decided_by"
    )


def record_for(user, record_id: int) -> ExternalRecord:
    """A record ``user`` may see, or 404."""
    return get_object_or_404(records_visible_to(user), pk=record_id)


def records_decidable_by(user) -> QuerySet[ExternalRecord]:
    """Other people's records that ``user`` may approve or decline: a manager of
    an organisation the person works in (administrators too)."""
    if not user.is_authenticated:
        return ExternalRecord.objects.none()
    records = ExternalRecord.objects.exclude(user=user)
    if not user.is_superuser:
        managed = manager_memberships().filter(user=user).values("organisation_id")
        works_there = Membership.objects.active().filter(
            user=OuterRef("user_id"), organisation_id__in=managed
        )
        records = records.filter(Exists(works_there))
    return records.select_related("user", "requirement__course", "submitted_by")
