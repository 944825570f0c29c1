"""One organisation's staff and where each stands on each requirement, its
export, and one person's training history. For the organisation's managers,
its partnership's leads and administrators (``reports.access``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from compliance.selectors import status_tag
from organisations.access import partnerships_led_by
from reports.access import member_for_reports, organisation_for_reports
from reports.forms import StaffFilterForm
from reports.selectors.history import person_history
from reports.selectors.staff import (
    STATUS_CHOICES,
    export_rows,
    job_roles_of,
    requirements_for,
    staff_filtered,
    staff_rows,
    summary,
)
from reports.views.common import export_response

PAGE_SIZE = 50
STAFF_HEADER = [
    "Name",
    "Email",
    "Job role",
    "Workforce group",
    "Requirement",
    "Status",
    "Due date",
    "Completed on",
    "Valid until",
    "Exempt until",
]


def _filters(request, organisation):
    """The form, what it chose (valid fields only), and the requirements."""
    requirements = requirements_for(organisation)
    form = StaffFilterForm(
        request.GET or None,
        requirements=requirements,
        groups=organisation.partnership.workforce_groups.all(),
        job_roles=job_roles_of(organisation),
        status_choices=STATUS_CHOICES,
    )
    if request.GET and not form.is_valid():
        messages.warning(request, "Some filters were not recognised and have been ignored.")
    data = getattr(form, "cleaned_data", {})
    chosen = next(
        (r for r in requirements if r.pk == data.get("requirement")),
        requirements[0] if requirements else None,
    )
    members = staff_filtered(
        organisation,
        requirement=chosen,
        status=data.get("status") or "",
        group_id=data.get("group"),
        job_role=data.get("job_role") or "",
        search=data.get("q") or "",
    )
    return form, data, requirements, chosen, members


@login_required
@require_GET
def organisation(request, org: int):
    organisation = organisation_for_reports(request.user, org)
    form, data, requirements, chosen, members = _filters(request, organisation)
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/organisation.html",
        {
            "organisation": organisation,
            "leads_partnership": partnerships_led_by(request.user)
            .filter(pk=organisation.partnership_id)
            .exists(),
            "form": form,
            "requirements": requirements,
            "chosen": chosen,
            "summary": summary(organisation, requirements),
            "page": page,
            "rows": staff_rows(page.object_list, requirements),
            "filtered": any(data.get(k) for k in ("status", "group", "job_role", "q")),
            "query": query.urlencode(),
        },
    )


def _local(value):
    return timezone.localtime(value) if value else None


def staff_export_rows(assignments):
    for row in assignments.iterator(chunk_size=2000):
        exempt_until = row.exempt_until
        if exempt_until is None and row.status == "exempt":
            exempt_until = "No end date"
        yield [
            row.user.full_name,
            row.user.email,
            row.member_job_role or "",
            row.member_group or "",
            row.requirement.course.title,
            status_tag(row)[0],
            row.due_on,
            _local(row.completed_at) or row.completed_elsewhere_on,
            row.completed_until,
            exempt_until,
        ]


@login_required
@require_GET
def organisation_export(request, org: int, fmt: str):
    """The filtered staff list in long format: one row per person and
    requirement."""
    organisation = organisation_for_reports(request.user, org)
    form, data, requirements, chosen, members = _filters(request, organisation)
    status = data.get("status") or ""
    return export_response(
        request,
        fmt=fmt,
        name=f"staff {organisation.name}",
        header=STAFF_HEADER,
        rows=staff_export_rows(export_rows(organisation, members, requirements)),
        instance=organisation,
        what="Staff training status",
        filters={
            "status": status,
            "requirement": chosen.course.title if status and chosen else "",
            "group": data.get("group"),
            "job_role": data.get("job_role"),
            "search": data.get("q"),
        },
    )


@login_required
@require_GET
def person(request, org: int, pk: int):
    """A person's training history, read-only. An ended membership still opens."""
    organisation = organisation_for_reports(request.user, org)
    membership = member_for_reports(request.user, organisation, pk)
    return render(
        request,
        "reports/person.html",
        {
            "organisation": organisation,
            "membership": membership,
            "person": membership.user,
            "history": person_history(request.user, organisation, membership),
        },
    )
