"""The public check of a certificate: a form, and a result that shows only the
holder's name, the course, the dates and the status.

Both pages have a generous ceiling per address (an employer checking a team's
certificates, behind one gateway); codes that are not found have a tighter
limit per address, since only guessing produces many of them. An unknown or
malformed code gets the same "not found" page, which says nothing about any
other code.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates.codes import code_display
from certificates.forms import VerifyForm
from certificates.selectors import certificate_for_code
from kits.throttle import throttle_allows, throttle_exhausted

WINDOW = 60
MISSES = "certificate-verify-miss"


def _too_many(request):
    allowed = throttle_allows(
        request, scope="certificate-verify", limit=settings.CERTIFICATES_VERIFY_RATE, window=WINDOW
    ) and not throttle_exhausted(
        request, scope=MISSES, limit=settings.CERTIFICATES_VERIFY_MISS_RATE, window=WINDOW
    )
    if allowed:
        return None
    response = render(request, "certificates/verify_rate_limited.html", status=429)
    response["Retry-After"] = str(WINDOW)
    return response


@never_cache
@require_GET
def verify_form(request):
    if limited := _too_many(request):
        return limited
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return redirect("certificates:verify_result", code=code_display(form.cleaned_data["code"]))
    return render(request, "certificates/verify_form.html", {"form": form})


@never_cache
@require_GET
def verify_result(request, code: str):
    if limited := _too_many(request):
        return limited
    certificate = certificate_for_code(code=code)
    if certificate is None:
        throttle_allows(
            request, scope=MISSES, limit=settings.CERTIFICATES_VERIFY_MISS_RATE, window=WINDOW
        )
        return render(request, "certificates/verify_not_found.html", status=404)
    if code != certificate.display_code:
        return redirect("certificates:verify_result", code=certificate.display_code)
    context = {"certificate": certificate, "status": certificate.status()}
    return render(request, "certificates/verify_result.html", context)
