"""The requirements screen: partnership leads (and managers, for their own
organisation) require courses of an audience, see who stands where, and retire
a requirement. Scoping goes through organisations.access and compliance's
selectors; anything out of scope answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance import services
from compliance.forms import RequirementForm
from compliance.models import Assignment
from compliance.selectors import requirement_for, requirements_visible_to, status_tag
from organisations.access import (
    manager_memberships,
    organisation_for_staff,
    partnership_for_lead,
    partnerships_led_by,
)


@login_required
@require_GET
def requirement_list(request):
    requirements = list(
        requirements_visible_to(request.user).order_by("retired_at", "course__title")
    )
    partnerships = list(partnerships_led_by(request.user))
    managed = list(manager_memberships().filter(user=request.user).select_related("organisation"))
    if not (requirements or partnerships or managed):
        raise Http404("You do not manage any requirements.")
    return render(
        request,
        "compliance/requirement_list.html",
        {"requirements": requirements, "partnerships": partnerships, "managed": managed},
    )


def _form_values(data: dict) -> dict:
    values = {k: v for k, v in data.items() if k not in ("organisations", "groups")}
    values["sectors"] = list(values.get("sectors") or [])
    if values.get("target_percent") is None:
        values["target_percent"] = 80
    return values


@login_required
@require_http_methods(["GET", "POST"])
def requirement_new(request, partnership: int | None = None, org: int | None = None):
    """Lead: ``partnership``; manager: ``org`` (their own staff only)."""
    organisation = organisation_for_staff(request.user, org) if org else None
    chosen = (
        organisation.partnership
        if organisation
        else partnership_for_lead(request.user, partnership)
    )
    form = RequirementForm(request.POST or None, partnership=chosen, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            requirement = services.requirement_create(
                partnership=chosen,
                by=request.user,
                owner_organisation=organisation,
                organisations=data.get("organisations") or [],
                groups=data.get("groups") or [],
                **_form_values(data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The requirement is saved; staff are being assigned.")
            return redirect("compliance:requirement", requirement.pk)
    return render(
        request,
        "compliance/requirement_form.html",
        {"form": form, "partnership": chosen, "organisation": organisation},
    )


def _initial(requirement) -> dict:
    return {
        "course": requirement.course_id,
        "renewal_course": requirement.renewal_course_id,
        "sectors": requirement.sectors,
        "organisations": list(requirement.organisations.all()),
        "groups": list(requirement.groups.all()),
        "starts_on": requirement.starts_on,
        "due_within_days": requirement.due_within_days,
        "due_by": requirement.due_by,
        "validity_months": requirement.validity_months,
        "window_days": requirement.window_days,
        "target_percent": requirement.target_percent,
    }


@login_required
@require_http_methods(["GET", "POST"])
def requirement_edit(request, pk: int):
    """Change the audience, dates or renewal; assignments follow on commit."""
    requirement = requirement_for(request.user, pk)
    if requirement.is_retired:
        raise Http404("A retired requirement cannot be changed.")
    organisation = requirement.owner_organisation
    form = RequirementForm(
        request.POST or None,
        initial=_initial(requirement),
        partnership=requirement.partnership,
        organisation=organisation,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.requirement_update(
                requirement=requirement,
                by=request.user,
                organisations=data.get("organisations") or [],
                groups=data.get("groups") or [],
                **_form_values(data),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The requirement is saved; assignments are being updated.")
            return redirect("compliance:requirement", requirement.pk)
    return render(
        request,
        "compliance/requirement_form.html",
        {
            "form": form,
            "partnership": requirement.partnership,
            "organisation": organisation,
            "requirement": requirement,
        },
    )


@login_required
@require_GET
def requirement_detail(request, pk: int):
    requirement = requirement_for(request.user, pk)
    counts = dict(
        Assignment.objects.filter(requirement=requirement, in_audience=True)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = (
        Assignment.objects.filter(requirement=requirement, in_audience=True)
        .select_related("user", "organisation")
        .order_by("due_on", "user__full_name")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    lines = [(a, *status_tag(a)) for a in page]
    return render(
        request,
        "compliance/requirement_detail.html",
        {"requirement": requirement, "counts": counts, "page": page, "lines": lines},
    )


@login_required
@require_POST
def requirement_retire(request, pk: int):
    requirement = requirement_for(request.user, pk)
    services.requirement_retire(requirement=requirement, by=request.user)
    messages.success(request, "The requirement is retired. Its history is kept.")
    return redirect("compliance:requirement", requirement.pk)
