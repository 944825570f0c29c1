"""One organisation's staff and where each person stands on each requirement.

Reads ``compliance.Assignment`` (one current row per person and requirement)
with indexed ``Exists`` filters, so the list costs the same handful of queries
for an organisation of five people as of five thousand: nothing here loops over
the whole staff in Python. The status filters (docs/decisions.md, "Reports:
the organisation view"):

- not completed: neither completed (a completion that counts today, including
  one in its renewal window) nor exempt;
- overdue: past due, or a completion that has expired;
- due in the next 30 days: a due date (first due date or expiry) from today to
  30 days ahead, for anyone not overdue or exempt.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from compliance.models import (
    Assignment,
    AssignmentCycle,
    AssignmentStatus,
    ExternalRecord,
    RecordKind,
    RecordState,
)
from compliance.selectors import status_tag
from compliance.status import DUE_SOON_DAYS
from organisations.models import Membership, Organisation
from reports.selectors.coverage import (
    COUNTED,
    Counts,
    assignment_counts,
    in_scope,
    organisation_counts,
    requirements_of,
)

S = AssignmentStatus
NOT_COMPLETED = "not_completed"
OVERDUE = "overdue"
DUE_30 = "due_30"
STATUS_CHOICES = [
    (NOT_COMPLETED, "Not completed"),
    (OVERDUE, "Overdue"),
    (DUE_30, f"Due in the next {DUE_SOON_DAYS} days"),
]


def status_condition(status: str, today: date) -> Q:
    """The condition on an assignment for one of ``STATUS_CHOICES``."""
    if status == NOT_COMPLETED:
        return ~COUNTED["completed"] & ~Q(status=S.EXEMPT)
    if status == OVERDUE:
        return COUNTED["overdue"]
    return Q(due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS)) & ~Q(
        status__in=[S.OVERDUE, S.EXPIRED, S.EXEMPT]
    )


def requirements_for(organisation: Organisation) -> list:
    """The partnership's current requirements whose audience includes
    ``organisation``'s staff, or that any of them is assigned through it."""
    requirements = requirements_of(organisation.partnership)
    assigned = set(
        Assignment.objects.filter(
            organisation=organisation, requirement__in=[r.pk for r in requirements]
        )
        .values_list("requirement_id", flat=True)
        .order_by()
        .distinct()
    )
    return [r for r in requirements if in_scope(r, organisation) or r.pk in assigned]


@dataclass
class RequirementSummary:
    requirement: object
    counts: Counts


def summary(organisation: Organisation, requirements: list) -> list[RequirementSummary]:
    """The organisation's counts on each requirement, as the dashboard counts
    them, in two queries."""
    organisation.members = Membership.objects.active().filter(organisation=organisation).count()
    counted = assignment_counts(requirements, [organisation.pk])
    return [
        RequirementSummary(r, organisation_counts(r, organisation, counted)) for r in requirements
    ]


def job_roles_of(organisation: Organisation) -> list[str]:
    """The job roles the organisation's active members hold, in order."""
    return list(
        Membership.objects.active()
        .filter(organisation=organisation)
        .exclude(job_role="")
        .values_list("job_role", flat=True)
        .distinct()
        .order_by("job_role")
    )


def staff_filtered(
    organisation: Organisation,
    *,
    requirement=None,
    status: str = "",
    group_id: int | None = None,
    job_role: str = "",
    search: str = "",
) -> QuerySet[Membership]:
    """The organisation's active members matching the filters, by name. The
    status filter applies to ``requirement``'s current rows."""
    rows = Membership.objects.active().filter(organisation=organisation)
    if status and requirement is not None:
        matching = Assignment.objects.filter(
            status_condition(status, timezone.localdate()),
            user=OuterRef("user_id"),
            requirement=requirement,
            in_audience=True,
        )
        rows = rows.filter(Exists(matching))
    if group_id:
        rows = rows.filter(group_id=group_id)
    if job_role:
        rows = rows.filter(job_role=job_role)
    if search:
        rows = rows.filter(Q(user__full_name__icontains=search) | Q(user__email__icontains=search))
    return rows.select_related("user", "group").order_by("user__full_name", "user__email", "pk")


@dataclass
class Cell:
    """One person's standing on one requirement (``assignment`` None: not required)."""

    assignment: Assignment | None = None

    @property
    def tag(self) -> tuple[str, str]:
        return status_tag(self.assignment) if self.assignment else ("Not required", "")


@dataclass
class StaffRow:
    membership: Membership
    cells: list[Cell]


def staff_rows(memberships, requirements: list) -> list[StaffRow]:
    """One page of members with a cell per requirement, in one more query."""
    memberships = list(memberships)
    found = {
        (a.user_id, a.requirement_id): a
        for a in Assignment.objects.filter(
            user__in=[m.user_id for m in memberships],
            requirement__in=[r.pk for r in requirements],
            in_audience=True,
        )
    }
    return [
        StaffRow(m, [Cell(found.get((m.user_id, r.pk))) for r in requirements]) for m in memberships
    ]


def export_rows(
    organisation: Organisation, memberships: QuerySet[Membership], requirements: list
) -> QuerySet[Assignment]:
    """Each (person, requirement) row of the filtered members, in the long
    format of the export, with the membership's role and group, the date and
    time of the completion that counts now, and the end of an exemption."""
    member = Membership.objects.filter(organisation=organisation, user=OuterRef("user_id"))
    last_cycle = AssignmentCycle.objects.filter(assignment=OuterRef("pk")).order_by("-number")
    exemption = ExternalRecord.objects.filter(
        user=OuterRef("user_id"),
        requirement=OuterRef("requirement_id"),
        kind=RecordKind.EXEMPTION,
        state=RecordState.APPROVED,
    ).order_by("-decided_at", "-pk")
    return (
        Assignment.objects.filter(
            requirement__in=[r.pk for r in requirements],
            in_audience=True,
            user__in=memberships.values("user_id"),
        )
        .annotate(
            member_job_role=Subquery(member.values("job_role")[:1]),
            member_group=Subquery(member.values("group__name")[:1]),
            completed_at=Subquery(last_cycle.values("enrolment__completed_at")[:1]),
            completed_elsewhere_on=Subquery(last_cycle.values("record__completed_on")[:1]),
            exempt_until=Subquery(exemption.values("expires_on")[:1]),
        )
        .select_related("user", "requirement__course")
        .order_by("user__full_name", "user__email", "user_id", "requirement__course__title", "pk")
    )
