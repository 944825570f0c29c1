"""The partnership dashboard: coverage of each requirement by sector and by
organisation, live or as at a snapshot, with the twelve-month trend."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from reports.access import partnership_for_reports, reports_scope
from reports.chart import trend_chart
from reports.forms import DashboardForm
from reports.selectors.coverage import partnership_coverage, requirements_of, sort_rows
from reports.snapshots import coverage_as_at, snapshot_dates, take_snapshot, trend
from reports.views.common import export_response

COVERAGE_HEADER = [
    "Requirement",
    "Sector",
    "Organisation",
    "Declared headcount",
    "Active members",
    "Assigned",
    "Completed",
    "Due soon",
    "Overdue",
    "Exempt",
    "Coverage (%)",
    "Target (%)",
    "Below target",
    "Figures as at",
]


@login_required
@require_GET
def index(request):
    """Reports home: straight to the dashboard for one partnership, else a list."""
    partnerships, organisations = reports_scope(request.user)
    if len(partnerships) == 1 and not organisations:
        return redirect("reports:dashboard", partnerships[0].pk)
    if not partnerships and len(organisations) == 1:
        return redirect("reports:organisation", organisations[0].pk)
    return render(
        request,
        "reports/index.html",
        {"partnerships": partnerships, "organisations": organisations},
    )


def _filters(request, partnership):
    requirements = requirements_of(partnership)
    dates = snapshot_dates(partnership)
    form = DashboardForm(request.GET or None, requirements=requirements, snapshot_dates=dates)
    data = form.cleaned_data if form.is_valid() else {}
    if request.GET and not form.is_valid():
        messages.warning(request, "Some filters were not recognised and have been ignored.")
    as_at = date.fromisoformat(data["as_at"]) if data.get("as_at") else None
    return form, data, requirements, as_at


def _coverage(partnership, data, as_at, requirements):
    sector = data.get("sector") or ""
    if as_at:
        return coverage_as_at(partnership, as_at, sector=sector)
    return partnership_coverage(partnership, sector=sector, requirements=requirements)


@login_required
@require_GET
def dashboard(request, partnership: int):
    partnership = partnership_for_reports(request.user, partnership)
    form, data, requirements, as_at = _filters(request, partnership)
    coverage = _coverage(partnership, data, as_at, requirements)
    chosen = next(
        (c for c in coverage if c.requirement.pk == data.get("requirement")),
        coverage[0] if coverage else None,
    )
    sort, order = data.get("sort") or "name", data.get("order") or "asc"
    organisations = sort_rows(chosen.organisations, sort, order == "desc") if chosen else []
    chart = None
    if chosen:
        chart = trend_chart(
            title=f"Coverage of {chosen.requirement.course.title} at each month end",
            trend=trend(partnership, chosen.requirement, sector=data.get("sector") or ""),
            target=chosen.target,
        )
    query = request.GET.copy()
    for key in ("sort", "order"):
        query.pop(key, None)
    return render(
        request,
        "reports/dashboard.html",
        {
            "partnership": partnership,
            "form": form,
            "coverage": coverage,
            "chosen": chosen,
            "organisations": organisations,
            "sort": sort,
            "order": order,
            "chart": chart,
            "as_at": as_at,
            "sector": data.get("sector") or "",
            "query": query.urlencode(),
            "export_query": request.GET.urlencode(),
            "has_requirements": bool(requirements),
        },
    )


def coverage_rows(coverage, as_at_text: str):
    for entry in coverage:
        for row in entry.organisations:
            c = row.counts
            yield [
                entry.requirement.course.title,
                row.sector_label,
                row.label,
                c.headcount,
                c.members,
                c.assigned,
                c.completed,
                c.due_soon,
                c.overdue,
                c.exempt,
                c.coverage,
                row.target,
                "Yes" if row.below_target else "No",
                as_at_text,
            ]


@login_required
@require_GET
def dashboard_export(request, partnership: int, fmt: str):
    """The dashboard's organisation rows, every requirement, with the filters
    shown (sector, as at)."""
    partnership = partnership_for_reports(request.user, partnership)
    form, data, requirements, as_at = _filters(request, partnership)
    coverage = _coverage(partnership, data, as_at, requirements)
    as_at_text = as_at.isoformat() if as_at else f"{timezone.localdate().isoformat()} (live)"
    return export_response(
        request,
        fmt=fmt,
        name=f"coverage {partnership.name}",
        header=COVERAGE_HEADER,
        rows=coverage_rows(coverage, as_at_text),
        instance=partnership,
        what="Coverage by organisation",
        filters={"sector": data.get("sector"), "as_at": data.get("as_at")},
    )


@login_required
@require_POST
def snapshot_now(request, partnership: int):
    """Take today's snapshot on demand (a day already taken keeps its figures)."""
    partnership = partnership_for_reports(request.user, partnership)
    written = take_snapshot(partnership, by=request.user)
    if written:
        messages.success(request, f"Today's snapshot is saved ({written} rows).")
    else:
        messages.info(request, "Today's snapshot was already taken; its figures are kept.")
    url = reverse("reports:dashboard", args=[partnership.pk])
    return redirect(f"{url}?as_at={timezone.localdate().isoformat()}")
