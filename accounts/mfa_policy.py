"""Privileged people must use two-factor authentication.

Anyone who can reach the Wagtail admin (editors and administrators) is sent to
set up an authenticator app before any admin page will open.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

PROTECTED_PREFIXES = ("/admin/",)


def user_needs_mfa(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def user_has_mfa(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(PROTECTED_PREFIXES)
            and user_needs_mfa(request.user)
            and not user_has_mfa(request.user)
        ):
            messages.warning(
                request,
                "Set up two-factor authentication before you use the admin.",
            )
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
