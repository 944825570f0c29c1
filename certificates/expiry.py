"""When a certificate runs out: completion plus the course's validity in months.

The calendar arithmetic is the one courses already uses for refreshers, so a
certificate expires on the very day its refresher falls due (31 January plus
one month is 28 or 29 February), at the time of day the course was completed.
"""

from datetime import datetime

from django.utils import timezone

from courses.refreshers import refresher_due_on


def certificate_expires_at(
    *, completed_at: datetime, validity_months: int | None
) -> datetime | None:
    """The moment a certificate for a completion at ``completed_at`` expires;
    None for a course whose completion never runs out."""
    due_on = refresher_due_on(completed_at=completed_at, validity_months=validity_months)
    if due_on is None:
        return None
    local = timezone.localtime(completed_at)
    return timezone.make_aware(datetime.combine(due_on, local.time()))
