import datetime
import zoneinfo

import pytest

from certificates.expiry import certificate_expires_at
from courses.refreshers import refresher_due_on

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("completed", "months", "expires"),
    [
        (at(2025, 1, 31, 10, 0), 1, at(2025, 2, 28, 10, 0)),
        (at(2024, 1, 31, 10, 0), 1, at(2024, 2, 29, 10, 0)),
        (at(2024, 2, 29, 9, 30), 12, at(2025, 2, 28, 9, 30)),
        (at(2025, 3, 15, 16, 45), 36, at(2028, 3, 15, 16, 45)),
        (at(2025, 11, 30, 8, 0), 3, at(2026, 2, 28, 8, 0)),
    ],
)
def test_a_certificate_expires_its_validity_in_calendar_months_after_completion(
    completed, months, expires
):
    assert certificate_expires_at(completed_at=completed, validity_months=months) == expires


@pytest.mark.parametrize("months", [None, 0])
def test_a_course_without_validity_issues_certificates_that_never_expire(months):
    assert certificate_expires_at(completed_at=at(2025, 1, 1, 9, 0), validity_months=months) is None


def test_a_certificate_expires_on_the_day_its_refresher_falls_due():
    # Completed just before midnight in summer time: 22:30 UTC is already the next day here.
    completed = datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.UTC)
    expires = certificate_expires_at(completed_at=completed, validity_months=1)
    due = refresher_due_on(completed_at=completed, validity_months=1)
    assert expires.astimezone(LONDON).date() == due == datetime.date(2025, 8, 1)
