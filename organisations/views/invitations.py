"""Inviting people, resending invitations and accepting them from the email."""

from allauth.account.decorators import reauthentication_required
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from organisations import invitations as services
from organisations.access import (
    invitation_for_staff,
    invitations_visible_to,
    organisation_for_staff,
)
from organisations.models import Invitation
from organisations.selectors import workforce_groups_of
from organisations.staff_forms import InvitationForm

PAGE_SIZE = 50


@login_required
@require_GET
def invitation_list(request, org: int):
    organisation = organisation_for_staff(request.user, org)
    invitations = invitations_visible_to(request.user, organisation).open().select_related("group")
    page = Paginator(invitations.order_by("email", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "organisations/invitation_list.html",
        {"organisation": organisation, "invitations": page},
    )


def _grants_manager(request) -> bool:
    return bool(request.POST.get("is_manager"))


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True, enabled=_grants_manager)
def invitation_new(request, org: int):
    organisation = organisation_for_staff(request.user, org)
    workforce_groups_of(organisation.partnership)  # makes the standard groups if none
    groups = organisation.partnership.workforce_groups.all()
    form = InvitationForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}")
            return redirect("organisations:invitations", org=organisation.pk)
    return render(
        request, "organisations/invitation_form.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_POST
def invitation_resend(request, org: int, pk: int):
    organisation = organisation_for_staff(request.user, org)
    invitation = invitation_for_staff(request.user, organisation, pk)
    try:
        services.invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Invitation sent again to {invitation.email}")
    return redirect("organisations:invitations", org=organisation.pk)


@login_required
@require_POST
def invitation_withdraw(request, org: int, pk: int):
    """Withdraw an open invitation: its link stops working at once."""
    organisation = organisation_for_staff(request.user, org)
    invitation = invitation_for_staff(request.user, organisation, pk)
    services.invitation_withdraw(invitation=invitation, by=request.user)
    messages.success(request, f"Invitation to {invitation.email} withdrawn")
    return redirect("organisations:invitations", org=organisation.pk)


class AcceptNewAccountForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="As it should appear on your certificates.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Create a password",
        help_text="At least 10 characters. A few unrelated words make a strong one.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    """The page the emailed link opens. Someone signed in accepts with their
    account; someone new creates one with the invited address already verified."""
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    problem = None
    if invitation is None or invitation.accepted_at or invitation.revoked_at:
        problem = "This invitation link has already been used or is not valid."
    elif invitation.has_expired:
        problem = "This invitation link has expired."
    if problem:
        return render(
            request,
            "organisations/invitation_invalid.html",
            {"problem": problem},
            status=404 if invitation is None else 410,
        )
    context = {"invitation": invitation, "organisation": invitation.organisation}
    if request.user.is_authenticated:
        return _accept_signed_in(request, invitation, context)
    if get_user_model().objects.filter(email__iexact=invitation.email).exists():
        context["sign_in_url"] = f"{reverse('account_login')}?next={request.path}"
        return render(request, "organisations/invitation_sign_in.html", context)
    form = AcceptNewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user, _ = services.invitation_accept_new_account(token=token, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome. You are now a member of {invitation.organisation}")
            return redirect("my_learning")
    context["form"] = form
    return render(request, "organisations/invitation_accept.html", context)


def _accept_signed_in(request, invitation, context):
    if request.method == "POST":
        try:
            services.invitation_accept(token=invitation.token, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("my_learning")
        messages.success(request, f"You are now a member of {invitation.organisation}")
        return redirect("my_learning")
    return render(request, "organisations/invitation_confirm.html", context)
