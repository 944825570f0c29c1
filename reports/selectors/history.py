"""A person's training history, read-only, for someone who may read it.

The viewer has already been allowed in by ``reports.access.member_for_reports``.
What is shown is limited to what that viewer's scope explains
(docs/decisions.md, "Reports: the organisation view"): memberships only in
organisations the viewer can see; compliance rows (requirements, cycles,
reminders, exemptions and training done elsewhere) only for the partnership of
the organisation the viewer came through. Enrolments and certificates are the
person's own learning, shown in full. A fixed number of queries whatever the
length of the history.
"""

from dataclasses import dataclass

from certificates.models import Certificate
from compliance.models import Assignment, ExternalRecord, ReminderKind
from courses.models import Enrolment
from organisations.access import organisations_visible_to
from organisations.models import Membership, Organisation


@dataclass
class History:
    memberships: list
    enrolments: list
    certificates: list
    records: list
    assignments: list


def person_history(viewer, organisation: Organisation, membership: Membership) -> History:
    person_id = membership.user_id
    memberships = (
        Membership.objects.filter(
            user_id=person_id, organisation__in=organisations_visible_to(viewer)
        )
        .select_related("organisation", "group")
        .order_by("-joined_at", "pk")
    )
    enrolments = (
        Enrolment.objects.filter(user_id=person_id)
        .select_related("course")
        .order_by("-started_at", "-pk")
    )
    certificates = (
        Certificate.objects.filter(enrolment__user_id=person_id)
        .select_related("revoked_by")
        .order_by("-completed_at", "-pk")
    )
    records = (
        ExternalRecord.objects.filter(
            user_id=person_id, requirement__partnership_id=organisation.partnership_id
        )
        .select_related("requirement__course", "decided_by")
        .order_by("-submitted_at", "-pk")
    )
    assignments = (
        Assignment.objects.filter(
            user_id=person_id, requirement__partnership_id=organisation.partnership_id
        )
        .select_related("requirement__course", "organisation")
        .prefetch_related("cycles", "reminders")
        .order_by("requirement__course__title", "pk")
    )
    assignments = list(assignments)
    for assignment in assignments:
        for reminder in assignment.reminders.all():
            reminder.kind_label = reminder_label(reminder.kind)
    return History(
        list(memberships), list(enrolments), list(certificates), list(records), assignments
    )


def reminder_label(kind: str) -> str:
    """What a sent-log kind means: each weekly overdue reminder has its own
    kind, "overdue-1", "overdue-2", ..."""
    if kind in ReminderKind.values:
        return ReminderKind(kind).label
    base, _, number = kind.rpartition("-")
    if base in ReminderKind.values and number.isdigit():
        return f"{ReminderKind(base).label} (reminder {number})"
    return kind
