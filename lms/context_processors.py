from django.conf import settings
from django.urls import NoReverseMatch, reverse

from organisations.access import user_can_see_reports


def _reports_url(user):
    if not user.is_authenticated or not user_can_see_reports(user):
        return ""
    try:
        return reverse("reports:index")
    except NoReverseMatch:  # the reports app is not installed yet
        return ""


def service(request):
    """The service's name and the links every page's header needs."""
    user = getattr(request, "user", None)
    return {
        "service_name": settings.WAGTAIL_SITE_NAME,
        # Callables: templates evaluate them only when a page asks.
        "reports_url": lambda: _reports_url(user) if user else "",
    }
