"""The renewal rules with dates: early, in-window and late completion, month
ends and 29 February (docs/decisions.md, "Renewals lose no time")."""

from datetime import date

from compliance.models import AssignmentStatus
from compliance.renewals import Completion, cycles_from, months_after
from compliance.status import derive


def _until(*days, months=12, window=60):
    cycles = cycles_from(
        [Completion(on=d, enrolment_id=i) for i, d in enumerate(days)],
        months=months,
        window_days=window,
    )
    return [(c.valid_until, c.renewed_from) for c in cycles]


def test_first_completion_runs_for_the_period():
    assert _until(date(2025, 3, 3)) == [(date(2026, 3, 3), "first")]


def test_completing_inside_the_window_renews_from_the_old_expiry():
    # Expires 3 March 2026; the window opens 2 January 2026 (60 days before).
    assert _until(date(2025, 3, 3), date(2026, 2, 1))[-1] == (date(2027, 3, 3), "expiry")
    # The first day of the window counts too.
    assert _until(date(2025, 3, 3), date(2026, 1, 2))[-1] == (date(2027, 3, 3), "expiry")
    # And the expiry day itself.
    assert _until(date(2025, 3, 3), date(2026, 3, 3))[-1] == (date(2027, 3, 3), "expiry")


def test_completing_before_the_window_renews_from_the_completion_date():
    # One day before the window opens.
    assert _until(date(2025, 3, 3), date(2026, 1, 1))[-1] == (date(2027, 1, 1), "completion")


def test_completing_after_expiry_renews_from_the_completion_date():
    assert _until(date(2025, 3, 3), date(2026, 5, 20))[-1] == (date(2027, 5, 20), "completion")


def test_month_ends_follow_the_refresher_rule():
    # 31 January plus one month is the last day of February, in a leap year the 29th.
    assert months_after(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert months_after(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert _until(date(2025, 8, 31), months=6) == [(date(2026, 2, 28), "first")]


def test_leap_day_completion_expires_on_28_february():
    assert _until(date(2024, 2, 29)) == [(date(2025, 2, 28), "first")]
    # Renewed inside the window, the next expiry runs from 28 February 2025.
    assert _until(date(2024, 2, 29), date(2025, 2, 1))[-1] == (date(2026, 2, 28), "expiry")


def test_every_cycle_is_kept():
    cycles = _until(date(2023, 3, 3), date(2024, 2, 1), date(2025, 2, 15))
    assert cycles == [
        (date(2024, 3, 3), "first"),
        (date(2025, 3, 3), "expiry"),
        (date(2026, 3, 3), "expiry"),
    ]


def test_a_renewal_course_counts_only_once_there_is_something_to_renew():
    completions = [
        Completion(on=date(2025, 1, 10), enrolment_id=1, is_renewal_course=True),
        Completion(on=date(2025, 3, 3), enrolment_id=2),
        Completion(on=date(2026, 2, 1), enrolment_id=3, is_renewal_course=True),
    ]
    cycles = cycles_from(completions, months=12, window_days=60)
    assert [c.completion.enrolment_id for c in cycles] == [2, 3]
    assert cycles[-1].valid_until == date(2027, 3, 3)


def _status(today, *, completions=(), first_due=date(2025, 6, 1), **kw):
    return derive(
        first_due_on=first_due,
        completions=list(completions),
        has_open_enrolment=kw.get("open", False),
        exempt=kw.get("exempt", False),
        exempt_until=kw.get("exempt_until"),
        months=12,
        window_days=60,
        today=today,
    )


def test_statuses_from_the_records():
    done = [Completion(on=date(2025, 3, 3), enrolment_id=1)]
    assert _status(date(2025, 1, 1)).status == AssignmentStatus.NOT_STARTED
    assert _status(date(2025, 1, 1), open=True).status == AssignmentStatus.IN_PROGRESS
    assert _status(date(2025, 5, 10)).status == AssignmentStatus.DUE_SOON  # due within 30 days
    assert _status(date(2025, 6, 2)).status == AssignmentStatus.OVERDUE
    completed = _status(date(2025, 6, 2), completions=done)
    assert (completed.status, completed.completed_until) == ("completed", date(2026, 3, 3))
    assert _status(date(2026, 1, 2), completions=done).status == AssignmentStatus.DUE_SOON
    assert _status(date(2026, 3, 3), completions=done).status == AssignmentStatus.DUE_SOON
    assert _status(date(2026, 3, 4), completions=done).status == AssignmentStatus.EXPIRED
    assert _status(date(2025, 6, 2), exempt=True).status == AssignmentStatus.EXEMPT
    lapsed = _status(date(2025, 6, 2), exempt=True, exempt_until=date(2025, 6, 1))
    assert lapsed.status == AssignmentStatus.OVERDUE
