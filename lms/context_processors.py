from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from organisations.access import Roles, user_roles


def _reports_url(roles: Roles) -> str:
    return reverse("reports:index") if roles.sees_reports else ""


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
