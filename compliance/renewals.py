"""The renewal rules, as pure functions of dates (see docs/decisions.md).

Completing inside the renewal window renews from the old expiry, so no time is
lost; completing before the window opens, or after expiry, renews from the
completion date. Months are added by the refresher rule courses already uses
(31 January plus one month is 28 or 29 February).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from courses.refreshers import refresher_due_on


def months_after(day: date, months: int) -> date:
    """``day`` plus ``months`` by the refresher rule."""
    moment = timezone.make_aware(datetime.combine(day, time(12)))
    return refresher_due_on(completed_at=moment, validity_months=months)


@dataclass(frozen=True)
class Completion:
    """Something that counts as doing the course: an enrolment finished, or
    approved prior learning (which carries its own expiry)."""

    on: date
    enrolment_id: int | None = None
    record_id: int | None = None
    expires_on: date | None = None
    is_renewal_course: bool = False


@dataclass(frozen=True)
class Cycle:
    number: int
    completion: Completion
    valid_until: date | None
    renewed_from: str  # "first", "expiry" or "completion"


def cycles_from(
    completions: list[Completion], *, months: int | None, window_days: int
) -> list[Cycle]:
    """Each completion that counted, oldest first, with the expiry it gave.

    A completion made while the current one is still valid and before its
    window opens renews from the completion date; a completion while a
    never-expiring one stands adds nothing. A renewal course counts only once
    there is something to renew.
    """
    cycles: list[Cycle] = []
    for completion in sorted(completions, key=lambda c: (c.on, c.enrolment_id or 0)):
        if not cycles:
            if completion.is_renewal_course:
                continue
            until = completion.expires_on or (
                months_after(completion.on, months) if months else None
            )
            cycles.append(Cycle(1, completion, until, "first"))
            continue
        current = cycles[-1].valid_until
        if current is None:
            continue  # never expires: nothing to renew
        if completion.expires_on:
            until, source = completion.expires_on, "completion"
        elif not months:
            until, source = None, "completion"
        elif current - timedelta(days=window_days) <= completion.on <= current:
            until, source = months_after(current, months), "expiry"
        else:
            until, source = months_after(completion.on, months), "completion"
        cycles.append(Cycle(len(cycles) + 1, completion, until, source))
    return cycles
