"""A learner's own certificates: the list, and the PDF download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from certificates.access import learner_certificates
from certificates.mail import certificate_filename
from certificates.models import Certificate, CertificateStatus
from certificates.selectors import certificates_of_learner
from certificates.services import certificate_pdf_content


@login_required
@require_GET
def certificate_list(request):
    certificates = certificates_of_learner(user=request.user)
    rows = [(certificate, certificate.status()) for certificate in certificates]
    return render(
        request,
        "certificates/certificate_list.html",
        {
            "rows": rows,
            "any_pending": any(status == CertificateStatus.PENDING for _, status in rows),
        },
    )


@login_required
@require_GET
def certificate_download(request, certificate_id: int):
    """The PDF of the learner's own issued, unrevoked certificate; 404 otherwise.
    A stored file that has gone missing is rendered again on the spot."""
    certificate = get_object_or_404(
        learner_certificates(request.user).filter(
            state=Certificate.State.ISSUED, revoked_at__isnull=True
        ),
        pk=certificate_id,
    )
    response = HttpResponse(
        certificate_pdf_content(certificate=certificate), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=certificate_filename(certificate)
    )
    response["Cache-Control"] = "private, no-store"
    return response
