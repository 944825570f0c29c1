"""The certificate PDF: one page of A4 landscape, rendered with the PDF kit.

Besides the fonts, the renderer may read this app's static images and the two
images made for each render, the QR code and the partnership's logo, which are
handed over as ``data:`` URIs (see ``kits.pdf``).
"""

import io
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, CertificateBranding
from kits.pdf import NOTHING, PdfAssets, PdfRenderError, data_uri, html_to_pdf, resource_policy

IMAGES_DIR = Path(__file__).resolve().parent / "static" / "certificates"
# In place of xhtml2pdf's default stylesheet, which is parsed on every render:
# just what the certificate's own markup needs.
BASE_CSS = """
html { font-family: Body; font-size: 11pt; font-weight: normal; color: #0b0c0c;
       line-height: 140%; margin: 0; padding: 0; display: inline; }
body, div, p, table, tr, td { display: block; }
td { vertical-align: top; }
b { font-weight: bold; }
"""
POLICY = resource_policy(IMAGES_DIR)


class CertificateRenderError(PdfRenderError):
    """The PDF could not be made; the certificate stays pending for the sweep."""


def certificate_assets(inline: dict[str, str]) -> PdfAssets:
    return PdfAssets(inline, roots={"images": IMAGES_DIR})


def qr_data_uri(url: str) -> str:
    """``url`` as a QR code, one pixel a module: the PDF scales it up without blurring."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=0)
    return data_uri(buffer.getvalue(), "image/png")


def logo_data_uri(branding: CertificateBranding | None) -> str | None:
    """The partnership's logo, read from storage by us (not by the renderer)."""
    if branding is None or not branding.logo:
        return None
    try:
        with branding.logo.open("rb") as logo:
            content = logo.read()
    except OSError:
        return None  # a missing logo must not stop a certificate
    mimetype = "image/png" if content.startswith(b"\x89PNG") else "image/jpeg"
    return data_uri(content, mimetype)


def certificate_pdf(*, certificate: Certificate, branding: CertificateBranding | None) -> bytes:
    """Render ``certificate`` as PDF bytes."""
    verify_url = certificate.get_verify_url()
    logo = logo_data_uri(branding)
    assets = certificate_assets(
        {"render:qr": qr_data_uri(verify_url), "render:logo": logo or NOTHING}
    )
    html = render_to_string(
        "certificates/certificate_pdf.html",
        {
            "certificate": certificate,
            "partnership": certificate.partnership,
            "branding": branding,
            "has_logo": logo is not None,
            "issued_at": certificate.issued_at or timezone.now(),
            "verify_base": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("certificates:verify"),
            "service_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    try:
        return html_to_pdf(html, assets=assets, policy=POLICY, default_css=BASE_CSS)
    except PdfRenderError as error:
        raise CertificateRenderError(
            f"Could not render certificate {certificate.pk}: {error}"
        ) from error
