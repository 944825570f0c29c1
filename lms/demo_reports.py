"""Demo report history: so the demo dashboard's trend has a shape, the demo
partnership gets a month-end snapshot for each of the last eleven months, with
completions rising towards today's, and a snapshot for today. Demo data only
(seed_demo refuses to run in production); safe to run again, since a day
already snapshotted is never written twice."""

from django.utils import timezone

from lms.demo import PARTNERSHIP
from organisations.models import Partnership
from reports.models import CoverageSnapshot, SnapshotKind
from reports.selectors.coverage import month_ends, partnership_coverage
from reports.snapshots import FIGURES, take_snapshot


def seed_reports_demo() -> str:
    partnership = Partnership.objects.filter(name=PARTNERSHIP["name"]).first()
    if partnership is None:
        return "Skipped: run seed_demo first."
    today = timezone.localdate()
    ends = month_ends(today, 11)
    rows = []
    for entry in partnership_coverage(partnership):
        for age, as_at in enumerate(reversed(ends), start=1):
            share = max(0.0, 1 - age * 0.07)  # a steady climb to today's figures
            for row in entry.organisations:
                c = row.counts
                completed = int(c.completed * share)
                figures = {name: getattr(c, name) for name in FIGURES}
                figures["completed"] = completed
                figures["overdue"] = c.overdue + (c.completed - completed) // 2
                rows.append(
                    CoverageSnapshot(
                        as_at=as_at,
                        organisation_id=row.organisation.pk,
                        requirement=entry.requirement,
                        kind=SnapshotKind.MONTH_END,
                        sector=row.sector,
                        denominator=c.denominator,
                        **figures,
                    )
                )
    CoverageSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
    written = take_snapshot(partnership, as_at=today)
    return f"{len(ends)} month ends and today ({written} rows today)"
