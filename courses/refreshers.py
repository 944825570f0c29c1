"""When a learner's completion runs out and a refresher is due."""

import calendar
from datetime import date, datetime, timedelta

from django.utils import timezone

# A refresher is offered this long before it falls due.
REFRESHER_NOTICE = timedelta(days=30)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def refresher_due_on(*, completed_at: datetime, validity_months: int | None) -> date | None:
    """The day a refresher falls due (31 January + 1 month is 28 or 29 February);
    None for a course that needs no refresher."""
    if not validity_months:
        return None
    return _add_months(timezone.localdate(completed_at), validity_months)


def refresher_is_due(due_on: date | None, *, today: date | None = None) -> bool:
    """True once ``due_on`` is within the notice period, or has passed."""
    if due_on is None:
        return False
    today = today or timezone.localdate()
    return due_on - REFRESHER_NOTICE <= today
