from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from kits.throttle import throttle_allows
from organisations.selectors import organisation_for_email


@require_GET
def organisation_suggest(request):
    """The organisation an email address's domain belongs to, for the sign-up form."""
    if not throttle_allows(request, scope="org-suggest", limit=settings.ORGANISATIONS_SUGGEST_RATE):
        return JsonResponse({"error": "Too many requests. Try again in a minute."}, status=429)
    organisation = organisation_for_email(request.GET.get("email", "")[:254])
    if organisation is None:
        return JsonResponse({"organisation": None})
    return JsonResponse({"organisation": {"id": organisation.pk, "name": organisation.name}})
