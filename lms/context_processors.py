from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject

from organisations.access import Roles, user_roles


def _reports_url(roles: Roles) -> str:
    if not roles.sees_reports:
        return ""
    try:
        return reverse("reports:index")
    except NoReverseMatch:  # the reports app is not installed yet
        return ""


def service(request):
    """The service's name and what the header needs to know about the visitor.

    ``roles`` is lazy: pages that never show the navigation pay nothing for it.
    """
    user = getattr(request, "user", None)
    roles = SimpleLazyObject(lambda: user_roles(user) if user else Roles())
    return {
        "service_name": settings.WAGTAIL_SITE_NAME,
        "roles": roles,
        "reports_url": lambda: _reports_url(roles),
    }
