"""Managers edit their organisation; leads edit every organisation in their
partnership and its workforce groups. Neither needs to be a superuser."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from organisations import running
from organisations.access import (
    manager_memberships,
    organisation_for_staff,
    partnership_for_lead,
)
from organisations.selectors import workforce_groups_of
from organisations.staff_forms import OrganisationSettingsForm, WorkforceGroupForm


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request, org: int):
    organisation = organisation_for_staff(request.user, org)
    initial = {
        "headcount": organisation.headcount,
        "domains": "\n".join(organisation.domains.values_list("domain", flat=True)),
    }
    form = OrganisationSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            running.organisation_update(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("domains", error)
        else:
            messages.success(request, f"{organisation} updated")
            return redirect("organisations:settings", org=organisation.pk)
    managers = manager_memberships().filter(organisation=organisation).select_related("user")
    return render(
        request,
        "organisations/organisation_settings.html",
        {
            "organisation": organisation,
            "form": form,
            "managers": list(managers.order_by("user__full_name")),
            "leads_partnership": partnership_for_lead_or_none(request.user, organisation),
        },
    )


def partnership_for_lead_or_none(user, organisation):
    try:
        return partnership_for_lead(user, organisation.partnership_id)
    except Http404:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def group_list(request, partnership: int):
    """The partnership's workforce groups in order, with a form to add one."""
    partnership = partnership_for_lead(request.user, partnership)
    form = WorkforceGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            running.workforce_group_save(
                partnership=partnership, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, f"Group “{form.cleaned_data['name']}” added")
            return redirect("organisations:groups", partnership=partnership.pk)
    return render(
        request,
        "organisations/group_list.html",
        {"partnership": partnership, "groups": workforce_groups_of(partnership), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request, partnership: int, pk: int):
    partnership = partnership_for_lead(request.user, partnership)
    group = get_object_or_404(partnership.workforce_groups, pk=pk)
    form = WorkforceGroupForm(
        request.POST or None, initial={"name": group.name, "description": group.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            running.workforce_group_save(
                partnership=partnership, group=group, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, "Group renamed")
            return redirect("organisations:groups", partnership=partnership.pk)
    return render(
        request,
        "organisations/group_form.html",
        {"partnership": partnership, "group": group, "form": form},
    )


ACTIONS = {
    "up": lambda group, by: running.workforce_group_move(group=group, up=True, by=by),
    "down": lambda group, by: running.workforce_group_move(group=group, up=False, by=by),
    "default": lambda group, by: running.workforce_group_make_default(group=group, by=by),
    "delete": lambda group, by: running.workforce_group_delete(group=group, by=by),
}


@login_required
@require_POST
def group_action(request, partnership: int, pk: int, action: str):
    partnership = partnership_for_lead(request.user, partnership)
    group = get_object_or_404(partnership.workforce_groups, pk=pk)
    if action not in ACTIONS:
        raise Http404("No such action.")
    try:
        ACTIONS[action](group, request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Workforce groups updated")
    return redirect("organisations:groups", partnership=partnership.pk)
