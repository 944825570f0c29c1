"""Recompute the assignments of a batch of people from their records.

One code path serves both the events (a batch of one person) and the nightly
reconciliation (batches of many). Its queries are a fixed handful per batch, and
the work is in proportion to the people in the batch and their requirements,
never to the size of their partnership.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from compliance.models import Assignment, AssignmentCycle, ExternalRecord, RecordKind, Requirement
from compliance.renewals import Completion
from compliance.status import derive
from courses.models import Enrolment
from organisations.models import Membership

COMPARED = ("organisation_id", "in_audience", "due_on", "cycle", "status", "completed_until")
COMPARED += ("completed_elsewhere",)


@dataclass
class Records:
    """Everything a batch of people's statuses are derived from."""

    memberships: dict[int, list]
    requirements: list
    assignments: dict[tuple[int, int], Assignment]
    enrolments: dict[tuple[int, int], list[dict]]
    records: dict[tuple[int, int], list[ExternalRecord]]


def _load(user_ids: list[int], *, requirement_ids=None) -> Records:
    memberships = defaultdict(list)
    for m in (
        Membership.objects.active().filter(user_id__in=user_ids).select_related("organisation")
    ):
        memberships[m.user_id].append(m)
    partnership_ids = {m.organisation.partnership_id for ms in memberships.values() for m in ms}
    assignments = {
        (a.user_id, a.requirement_id): a for a in Assignment.objects.filter(user_id__in=user_ids)
    }
    held = {requirement_id for _, requirement_id in assignments}
    requirements = Requirement.objects.current().filter(
        Q(partnership_id__in=partnership_ids) | Q(pk__in=held)
    )
    if requirement_ids is not None:
        requirements = requirements.filter(pk__in=requirement_ids)
    requirements = list(
        requirements.select_related("course").prefetch_related("organisations", "groups")
    )
    by_course = defaultdict(list)
    for r in requirements:
        by_course[r.course_id].append(r)
        if r.renewal_course_id:
            by_course[r.renewal_course_id].append(r)
    enrolments = defaultdict(list)
    rows = Enrolment.objects.filter(user_id__in=user_ids, course_id__in=list(by_course)).values(
        "id", "user_id", "course_id", "completed_at", "certificate__revoked_at"
    )
    for row in rows:
        for r in by_course[row["course_id"]]:
            enrolments[(row["user_id"], r.pk)].append(row)
    records = defaultdict(list)
    for record in ExternalRecord.objects.filter(
        user_id__in=user_ids, requirement__in=requirements, state="approved"
    ):
        records[(record.user_id, record.requirement_id)].append(record)
    return Records(memberships, requirements, assignments, enrolments, records)


def _first_due(requirement, membership, *, today: date) -> tuple[date, date]:
    """(date entered the audience, first due date) for a row made today."""
    joined = timezone.localdate(membership.joined_at)
    days = timedelta(days=requirement.due_within_days)
    started = requirement.starts_on
    if joined > started:
        return joined, joined + days  # a new starter: N days from joining
    made_recently = timezone.localdate(requirement.created_at) >= today - timedelta(days=1)
    if made_recently or today <= started:
        return started, requirement.due_by or started + days
    # Already a member, entering an existing requirement's audience now (moved
    # group, audience widened): a fresh period from today.
    return today, today + days


def _completions(requirement, rows, records) -> tuple[list[Completion], bool]:
    completions, has_open = [], False
    for row in rows:
        if row["completed_at"] is None:
            has_open = has_open or row["course_id"] == requirement.course_id
            continue
        if row["certificate__revoked_at"] is not None:
            continue  # a revoked certificate proves nothing
        completions.append(
            Completion(
                on=timezone.localdate(row["completed_at"]),
                enrolment_id=row["id"],
                is_renewal_course=row["course_id"] != requirement.course_id,
            )
        )
    for record in records:
        if record.kind == RecordKind.PRIOR_LEARNING:
            completions.append(
                Completion(
                    on=record.completed_on, record_id=record.pk, expires_on=record.expires_on
                )
            )
    return completions, has_open


def _exemption(records, today: date) -> tuple[bool, date | None]:
    exemptions = [r for r in records if r.kind == RecordKind.EXEMPTION]
    if not exemptions:
        return False, None
    if any(r.expires_on is None for r in exemptions):
        return True, None
    return True, max(r.expires_on for r in exemptions)


def _covering(requirement, memberships):
    for m in memberships:
        if requirement.covers(organisation=m.organisation, group_id=m.group_id):
            return m
    return None


def _derive_one(requirement, user_id, data: Records, *, today: date):
    """(the Assignment, whether it is new or changed, its cycles); the row is
    None when the person is outside the audience and has none."""
    key = (user_id, requirement.pk)
    current = data.assignments.get(key)
    membership = _covering(requirement, data.memberships.get(user_id, []))
    if membership is None and current is None:
        return None, False, []
    if current is None:
        assigned_on, first_due = _first_due(requirement, membership, today=today)
        current = Assignment(
            user_id=user_id,
            requirement=requirement,
            organisation_id=membership.organisation_id,
            assigned_on=assigned_on,
            first_due_on=first_due,
        )
    records = data.records.get(key, [])
    completions, has_open = _completions(requirement, data.enrolments.get(key, []), records)
    exempt, exempt_until = _exemption(records, today)
    derived = derive(
        first_due_on=current.first_due_on,
        completions=completions,
        has_open_enrolment=has_open,
        exempt=exempt,
        exempt_until=exempt_until,
        months=requirement.months_valid(),
        window_days=requirement.window_days,
        today=today,
    )
    fresh = {
        "organisation_id": membership.organisation_id if membership else current.organisation_id,
        "in_audience": membership is not None,
        "due_on": derived.due_on,
        "cycle": derived.cycle,
        "status": str(derived.status),
        "completed_until": derived.completed_until,
        "completed_elsewhere": derived.completed_elsewhere,
    }
    changed = current.pk is None or any(getattr(current, f) != v for f, v in fresh.items())
    for field, value in fresh.items():
        setattr(current, field, value)
    return current, changed, derived.cycles


def _sync_cycles(assignments: list[Assignment], derived: dict[int, list]) -> None:
    """Write each assignment's cycles as derived; earlier cycles stay as they are."""
    stored = defaultdict(dict)
    for cycle in AssignmentCycle.objects.filter(assignment__in=assignments):
        stored[cycle.assignment_id][cycle.number] = cycle
    create, update, drop = [], [], []
    for assignment in assignments:
        have = stored.get(assignment.pk, {})
        wanted = derived.get(assignment.pk, [])
        for cycle in wanted:
            values = {
                "completed_on": cycle.completion.on,
                "valid_until": cycle.valid_until,
                "renewed_from": cycle.renewed_from,
                "enrolment_id": cycle.completion.enrolment_id,
                "record_id": cycle.completion.record_id,
            }
            row = have.get(cycle.number)
            if row is None:
                create.append(AssignmentCycle(assignment=assignment, number=cycle.number, **values))
            elif any(getattr(row, f) != v for f, v in values.items()):
                for field, value in values.items():
                    setattr(row, field, value)
                update.append(row)
        drop += [row.pk for number, row in have.items() if number > len(wanted)]
    AssignmentCycle.objects.bulk_create(create)
    fields = ["completed_on", "valid_until", "renewed_from", "enrolment_id", "record_id"]
    AssignmentCycle.objects.bulk_update(update, fields)
    if drop:
        AssignmentCycle.objects.filter(pk__in=drop).delete()


def assignments_recompute(
    *, user_ids: list[int], today: date | None = None, requirement_ids=None
) -> int:
    """Bring the assignments of ``user_ids`` in line with their records; returns
    how many rows were created or corrected. Safe to repeat and to race: the
    unique constraint keeps one row per (person, requirement)."""
    today = today or timezone.localdate()
    data = _load(list(user_ids), requirement_ids=requirement_ids)
    new, changed, derived_cycles, touched = [], [], {}, []
    for requirement in data.requirements:
        for user_id in user_ids:
            row, is_changed, cycles = _derive_one(requirement, user_id, data, today=today)
            if row is None:
                continue
            (new if row.pk is None else changed if is_changed else touched).append(row)
            derived_cycles[id(row)] = cycles
    now = timezone.now()
    for row in changed:
        row.updated_at = now
    with transaction.atomic():
        Assignment.objects.bulk_create(new, ignore_conflicts=True)
        Assignment.objects.bulk_update(changed, [*COMPARED, "updated_at"])
        rows = new + changed + touched
        if new:
            # ignore_conflicts gives no ids back (and a racing recompute may
            # have made the row): fetch them.
            saved = {
                (u, r): pk
                for u, r, pk in Assignment.objects.filter(user_id__in=user_ids).values_list(
                    "user_id", "requirement_id", "pk"
                )
            }
            for row in new:
                row.pk = saved.get((row.user_id, row.requirement_id))
        _sync_cycles(
            [r for r in rows if r.pk],
            {r.pk: derived_cycles[id(r)] for r in rows if r.pk},
        )
    return len(new) + len(changed)
