"""A person's status on a requirement, derived from their records on a day."""

from dataclasses import dataclass
from datetime import date, timedelta

from compliance.models import AssignmentStatus
from compliance.renewals import Completion, Cycle, cycles_from

# Due within this many days counts as "due soon" (the rule).
DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class Derived:
    status: str
    due_on: date
    cycle: int
    completed_until: date | None
    completed_elsewhere: bool
    cycles: list[Cycle]


def derive(
    *,
    first_due_on: date,
    completions: list[Completion],
    has_open_enrolment: bool,
    exempt_until: date | None,
    exempt: bool,
    months: int | None,
    window_days: int,
    today: date,
) -> Derived:
    """The status for one (person, requirement). ``exempt`` with no
    ``exempt_until`` is an exemption without end."""
    cycles = cycles_from(completions, months=months, window_days=window_days)
    last = cycles[-1] if cycles else None
    elsewhere = bool(last and last.completion.record_id)
    if exempt and (exempt_until is None or exempt_until >= today):
        return Derived(
            AssignmentStatus.EXEMPT, first_due_on, len(cycles), exempt_until, False, cycles
        )
    if last is not None:
        until = last.valid_until
        if until is None or until >= today:
            window_open = until is not None and until - timedelta(days=window_days) <= today
            status = AssignmentStatus.DUE_SOON if window_open else AssignmentStatus.COMPLETED
            return Derived(status, until or first_due_on, len(cycles), until, elsewhere, cycles)
        return Derived(AssignmentStatus.EXPIRED, until, len(cycles), until, elsewhere, cycles)
    if first_due_on < today:
        status = AssignmentStatus.OVERDUE
    elif first_due_on - today <= timedelta(days=DUE_SOON_DAYS):
        status = AssignmentStatus.DUE_SOON
    elif has_open_enrolment:
        status = AssignmentStatus.IN_PROGRESS
    else:
        status = AssignmentStatus.NOT_STARTED
    return Derived(status, first_due_on, 0, None, False, cycles)
