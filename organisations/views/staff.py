"""Staff lists: managers, the partnership's leads and administrators see who
works in an organisation, change a member, record a leaver and decide requests.

Every read goes through ``organisations.access``; anything outside the user's
scope answers 404 exactly as a missing one.
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from organisations import services
from organisations.access import (
    membership_for_staff,
    memberships_visible_to,
    organisation_for_staff,
    organisations_visible_to,
    partnerships_led_by,
)
from organisations.models import MembershipState
from organisations.selectors import staff_counts, staff_of, workforce_groups_of
from organisations.staff_forms import (
    EndMembershipForm,
    MemberForm,
    RequestDecisionForm,
    StaffFilterForm,
)

PAGE_SIZE = 50


def _groups(organisation):
    groups = workforce_groups_of(organisation.partnership)
    return organisation.partnership.workforce_groups.filter(pk__in=[g.pk for g in groups])


@login_required
@require_GET
def organisation_list(request):
    """The organisations whose staff the user looks after."""
    organisations = organisations_visible_to(request.user).select_related("partnership")
    if not organisations.exists():
        raise Http404("You do not manage any organisation.")
    page = Paginator(organisations.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/organisation_list.html",
        {"organisations": page, "partnerships": list(partnerships_led_by(request.user))},
    )


@login_required
@require_GET
def staff_list(request, org: int):
    organisation = organisation_for_staff(request.user, org)
    memberships = memberships_visible_to(request.user, organisation)
    form = StaffFilterForm(request.GET or None, groups=_groups(organisation))
    filters = form.cleaned_data if form.is_valid() else {}
    rows = staff_of(
        memberships=memberships,
        search=filters.get("q", ""),
        state=filters.get("state") or "",
        group_id=filters["group"].pk if filters.get("group") else None,
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/staff_list.html",
        {
            "organisation": organisation,
            "form": form,
            "staff": page,
            "counts": staff_counts(memberships),
            "query": query.urlencode(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def member_detail(request, org: int, pk: int):
    """One member: their details, and a form to change group, role or manager flag."""
    organisation = organisation_for_staff(request.user, org)
    membership = membership_for_staff(request.user, organisation, pk)
    initial = {
        "group": membership.group_id,
        "job_role": membership.job_role,
        "is_manager": membership.is_manager,
    }
    form = MemberForm(request.POST or None, initial=initial, groups=_groups(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_change(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Changes saved for {membership.user.full_name}")
            return redirect("organisations:member", org=organisation.pk, pk=membership.pk)
    return render(
        request,
        "organisations/member_detail.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def member_end(request, org: int, pk: int):
    """Record that someone has left. Their learning records are kept."""
    organisation = organisation_for_staff(request.user, org)
    membership = membership_for_staff(request.user, organisation, pk)
    if membership.state != MembershipState.ACTIVE:
        raise Http404("Only a current member can leave.")
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("left_on", error)
        else:
            messages.success(request, f"{membership.user.full_name} is recorded as having left")
            return redirect("organisations:staff", org=organisation.pk)
    return render(
        request,
        "organisations/member_end.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


@login_required
@require_GET
def request_list(request, org: int):
    organisation = organisation_for_staff(request.user, org)
    pending = (
        memberships_visible_to(request.user, organisation)
        .pending_requests()
        .select_related("user")
        .order_by("created_at")
    )
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/request_list.html",
        {"organisation": organisation, "requests": page, "groups": _groups(organisation)},
    )


@login_required
@require_POST
def request_decide(request, org: int, pk: int, decision: str):
    """Approve or decline a join request; both sides are told by email."""
    organisation = organisation_for_staff(request.user, org)
    membership = membership_for_staff(request.user, organisation, pk)
    if decision not in ("approve", "decline") or membership.source != "request":
        raise Http404("No such request.")
    form = RequestDecisionForm(request.POST, groups=_groups(organisation))
    group = form.cleaned_data.get("group") if form.is_valid() else None
    name = membership.user.full_name
    try:
        if decision == "approve":
            services.membership_approve(membership=membership, by=request.user, group=group)
            messages.success(request, f"{name} is now a member of {organisation}")
        else:
            services.membership_decline(membership=membership, by=request.user)
            messages.success(request, f"Request from {name} declined")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("organisations:requests", org=organisation.pk)
