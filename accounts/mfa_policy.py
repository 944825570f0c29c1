"""Privileged people must use two-factor authentication, on every page.

Administrators, editors (anyone who can open the Wagtail admin) and the roles
that apps declare through the ``accounts_privileged_users`` hook (organisation
managers and partnership leads) are sent to set up an authenticator before any
page but their own account pages will open, and cannot remove their last one.
Accounts sits below the apps that define those roles, so it asks them through
the hook rather than importing them.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks

# Signing in, out and setting up the authenticator must stay open.
OPEN_PREFIXES = ("/accounts/", "/static/", "/favicon.ico")
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
REMOVE_PATHS = ("/accounts/2fa/totp/deactivate/", "/accounts/2fa/webauthn/keys/")


def privileged_users() -> Q:
    """Users who see other people's records: administrators, anyone who can open
    the admin, and whoever the apps' ``accounts_privileged_users`` hooks name."""
    admin = {
        "permissions__codename": "access_admin",
        "permissions__content_type__app_label": "wagtailadmin",
    }
    condition = (
        Q(is_superuser=True)
        | Q(**{f"groups__{key}": value for key, value in admin.items()})
        | Q(**{f"user_{key}": value for key, value in admin.items()})
    )
    for users in hooks.get_hooks("accounts_privileged_users"):
        condition |= users()
    return condition


STATUS_KEY = "mfa-status:{}"
STATUS_SECONDS = 300


def mfa_status_forget(user_id) -> None:
    """Drop the cached status after a change of roles or authenticators."""
    cache.delete(STATUS_KEY.format(user_id))


def mfa_status(user) -> tuple[bool, bool]:
    """(needs MFA, has a second factor) for ``user``: one query, then kept in the
    shared cache until a role or an authenticator changes (signals forget it)."""
    if not user.is_authenticated:
        return False, False
    key = STATUS_KEY.format(user.pk)
    status = cache.get(key)
    if status is None:
        status = _query_status(user)
        cache.set(key, status, STATUS_SECONDS)
    return tuple(status)


def _query_status(user) -> tuple[bool, bool]:
    User = get_user_model()
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            needs=Exists(User.objects.filter(privileged_users(), pk=OuterRef("pk"))),
            has=Exists(Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)),
        )
        .values_list("needs", "has")
        .first()
    )
    return (bool(row[0]), bool(row[1])) if row else (False, False)


def user_needs_mfa(user) -> bool:
    """Whether ``user`` holds a role that sees other people's records."""
    return mfa_status(user)[0]


def second_factors(user) -> int:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).count()


def user_has_mfa(user) -> bool:
    return second_factors(user) > 0


def can_remove_authenticator(user, authenticator=None) -> bool:
    """Privileged people keep at least one second factor."""
    if authenticator is not None and authenticator.type not in SECOND_FACTORS:
        return True
    return second_factors(user) > 1 or not user_needs_mfa(user)


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        path = request.path_info
        if request.method == "POST" and path.startswith(REMOVE_PATHS):
            if path.endswith("/remove/") and not can_remove_authenticator(user):
                messages.error(request, "You cannot remove your last authenticator.")
                return redirect("mfa_index")
        elif not path.startswith(OPEN_PREFIXES):
            needs, has = mfa_status(user)
            if needs and not has:
                messages.warning(
                    request,
                    "Your role lets you see other people's records. Set up "
                    "two-factor authentication to continue.",
                )
                return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
