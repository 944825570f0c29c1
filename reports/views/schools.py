"""Schools and RSE reach: each school's trained practitioners and the lessons
it taught in a period, schools needing attention first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reports.access import partnership_for_reports
from reports.selectors.schools import schools_report
from reports.views.common import PeriodForm, export_response

SCHOOLS_HEADER = [
    "School",
    "Active staff",
    "Trained RSE practitioners",
    "Lessons delivered",
    "Pupils reached",
    "Key stages",
    "Topics",
    "Needs attention",
    "From",
    "To",
]


def _period(request):
    form = PeriodForm(request.GET or None)
    if request.GET and not form.is_valid():
        messages.warning(
            request, "The dates were not recognised, so the last twelve months are shown."
        )
    return form, *form.period()


@login_required
@require_GET
def schools(request, partnership: int):
    partnership = partnership_for_reports(request.user, partnership)
    form, start, end = _period(request)
    return render(
        request,
        "reports/schools.html",
        {
            "partnership": partnership,
            "form": form,
            "start": start,
            "end": end,
            "report": schools_report(partnership=partnership, start=start, end=end),
            "export_query": request.GET.urlencode() if form.is_valid() else "",
        },
    )


def school_rows(report, start, end):
    for row in report.schools:
        yield [
            row.organisation.name,
            row.staff,
            row.trained,
            row.reach.lessons,
            row.reach.pupils,
            "; ".join(row.key_stage_labels),
            "; ".join(row.topic_labels),
            "; ".join(row.flags),
            start.isoformat(),
            end.isoformat(),
        ]
    yield [
        "All schools",
        report.staff,
        report.trained,
        report.totals.lessons,
        report.totals.pupils,
        "",
        "",
        f"{report.needing_attention} of {len(report.schools)} schools",
        start.isoformat(),
        end.isoformat(),
    ]


@login_required
@require_GET
def schools_export(request, partnership: int, fmt: str):
    """The schools table and its totals row, for the period shown."""
    partnership = partnership_for_reports(request.user, partnership)
    form, start, end = _period(request)
    report = schools_report(partnership=partnership, start=start, end=end)
    return export_response(
        request,
        fmt=fmt,
        name=f"schools {partnership.name}",
        header=SCHOOLS_HEADER,
        rows=school_rows(report, start, end),
        instance=partnership,
        what="Schools and RSE reach",
        filters={"start": start.isoformat(), "end": end.isoformat()},
    )
