"""Monthly snapshots: each organisation's figures on each requirement, as at a
day, written once and kept (design.md, Evidence).

The month-end snapshot is taken late on the month's last day (Europe/London)
by the beat schedule; a lead may take one for today at any time. A day that
already has a snapshot keeps it: taking it again writes nothing. A month whose
snapshot was missed (the service was down all evening) stays missing in the
trend; it is never filled in later with other days' figures.
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from organisations.models import Partnership
from reports.models import CoverageSnapshot, SnapshotKind
from reports.selectors.coverage import (
    Counts,
    RequirementCoverage,
    Row,
    assignment_counts,
    in_scope,
    month_ends,
    named_organisations,
    organisation_counts,
    organisations_with_members,
    requirements_of,
)

FIGURES = ("headcount", "members", "assigned", "completed", "due_soon", "overdue", "exempt")


def is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


@transaction.atomic
def take_snapshot(partnership: Partnership, *, as_at: date | None = None, kind=None, by=None):
    """Write today's figures for every (organisation, requirement) of the
    partnership not yet snapshotted today. Returns how many rows were written."""
    as_at = as_at or timezone.localdate()
    kind = kind or (SnapshotKind.MONTH_END if is_month_end(as_at) else SnapshotKind.ON_DEMAND)
    requirements = requirements_of(partnership)
    organisations = organisations_with_members(partnership)
    counted = assignment_counts(requirements)
    rows = []
    for requirement in requirements:
        named = named_organisations(requirement)
        by_group = bool(requirement.groups.all())
        for organisation in organisations:
            key = (requirement.pk, organisation.pk)
            if not in_scope(requirement, organisation, named) and key not in counted:
                continue
            counts = organisation_counts(requirement, organisation, counted, by_group)
            rows.append(
                CoverageSnapshot(
                    as_at=as_at,
                    organisation_id=organisation.pk,
                    requirement=requirement,
                    kind=kind,
                    sector=organisation.sector,
                    denominator=counts.denominator,
                    taken_by=by,
                    **{name: getattr(counts, name) for name in FIGURES},
                )
            )
    before = CoverageSnapshot.objects.filter(
        as_at=as_at, requirement__partnership=partnership
    ).count()
    CoverageSnapshot.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    after = CoverageSnapshot.objects.filter(
        as_at=as_at, requirement__partnership=partnership
    ).count()
    return after - before


def snapshot_dates(partnership: Partnership, limit: int = 24) -> list[date]:
    """The days the partnership has snapshots for, newest first."""
    return list(
        CoverageSnapshot.objects.filter(requirement__partnership=partnership)
        .values_list("as_at", flat=True)
        .distinct()
        .order_by("-as_at")[:limit]
    )


def figures_as_at(partnership: Partnership, as_at: date, *, sector: str = "") -> dict:
    """{requirement id: {figure: total}} from the snapshot of ``as_at``, in one
    query. Empty when that day has no snapshot."""
    rows = CoverageSnapshot.objects.filter(requirement__partnership=partnership, as_at=as_at)
    if sector:
        rows = rows.filter(sector=sector)
    totals = rows.values("requirement_id").annotate(
        **{name: Sum(name) for name in (*FIGURES, "denominator")}
    )
    return {row.pop("requirement_id"): row for row in totals.order_by()}


def trend(partnership: Partnership, requirement, *, sector: str = "", until=None, months=12):
    """Coverage at each of the last ``months`` month ends, oldest first, from
    the snapshots (one query): a list of (month end, completed, denominator),
    with None for both where no snapshot was taken."""
    ends = month_ends(until or timezone.localdate(), months)
    rows = CoverageSnapshot.objects.filter(requirement=requirement, as_at__in=ends)
    if sector:
        rows = rows.filter(sector=sector)
    found = {
        row["as_at"]: row
        for row in rows.values("as_at")
        .annotate(completed=Sum("completed"), denominator=Sum("denominator"))
        .order_by()
    }
    return [
        (end, found[end]["completed"], found[end]["denominator"])
        if end in found
        else (end, None, None)
        for end in ends
    ]


def coverage_as_at(partnership: Partnership, as_at: date, *, sector: str = ""):
    """The dashboard's figures exactly as the snapshot of ``as_at`` holds them
    (one query), in the shape ``partnership_coverage`` gives."""
    rows = (
        CoverageSnapshot.objects.filter(requirement__partnership=partnership, as_at=as_at)
        .select_related("requirement__course", "organisation")
        .order_by("requirement__course__title", "requirement_id", "organisation__name")
    )
    if sector:
        rows = rows.filter(sector=sector)
    by_requirement: dict[int, RequirementCoverage] = {}
    sectors: dict[tuple[int, str], Row] = {}
    for snap in rows:
        requirement = snap.requirement
        target = requirement.target_percent
        entry = by_requirement.get(requirement.pk)
        if entry is None:
            entry = by_requirement[requirement.pk] = RequirementCoverage(
                requirement, Row("All organisations", Counts(), target)
            )
        counts = Counts(
            denominator=snap.denominator, **{name: getattr(snap, name) for name in FIGURES}
        )
        entry.organisations.append(
            Row(snap.organisation.name, counts, target, snap.sector, snap.organisation)
        )
        entry.total.counts.add(counts)
        row = sectors.get((requirement.pk, snap.sector))
        if row is None:
            row = sectors[(requirement.pk, snap.sector)] = Row("", Counts(), target, snap.sector)
            row.label = row.sector_label
            entry.sectors.append(row)
        row.counts.add(counts)
    for entry in by_requirement.values():
        entry.sectors.sort(key=lambda r: r.label)
    return list(by_requirement.values())
