"""The email that brings a learner their certificate, with the PDF attached."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify

from certificates.models import Certificate


def certificate_filename(certificate: Certificate) -> str:
    return f"certificate-{slugify(certificate.course_title)[:80] or certificate.pk}.pdf"


def certificate_email_message(*, certificate: Certificate, pdf: bytes) -> EmailMessage:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "certificate": certificate,
        "list_url": base + reverse("certificates:list"),
        "verify_url": certificate.get_verify_url(),
        "service_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("certificates/email/certificate_issued_subject.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=render_to_string("certificates/email/certificate_issued.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[certificate.enrolment.user.email],
    )
    message.attach(certificate_filename(certificate), pdf, "application/pdf")
    return message
