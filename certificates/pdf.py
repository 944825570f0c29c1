"""The certificate PDF: one page of A4 landscape, rendered with xhtml2pdf.

The HTML comes from our own template with every value escaped. The renderer
may read the certificate's own assets (the fonts in ``static/fonts`` and this
app's static images) and the two images made for each render, the QR code and
the partnership's logo, which are handed over as ``data:`` URIs. Every other
address resolves to nothing; nothing is ever fetched over the network, and the
resource policy refuses anything that slipped past the link callback.
"""

import base64
import io
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from certificates.models import Certificate, CertificateBranding

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
IMAGES_DIR = Path(__file__).resolve().parent / "static" / "certificates"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
ASSET_ROOTS = {"fonts": FONTS_DIR, "images": IMAGES_DIR}
# In place of xhtml2pdf's default stylesheet, which is parsed on every render:
# just what the certificate's own markup needs.
BASE_CSS = """
html { font-family: Certificate; font-size: 11pt; font-weight: normal; color: #0b0c0c;
       line-height: 140%; margin: 0; padding: 0; display: inline; }
body, div, p, table, tr, td { display: block; }
td { vertical-align: top; }
b { font-weight: bold; }
"""
NOTHING = "data:,"  # the callback's answer for anything it does not know
POLICY = ResourceAccessPolicy.server(
    base_dir=None, allow_remote=False, extra_roots=tuple(ASSET_ROOTS.values())
)


class CertificateRenderError(RuntimeError):
    """The PDF could not be made; the certificate stays pending for the sweep."""


class CertificateAssets:
    """The link callback for one render.

    Resolves ``asset:fonts/<file>`` and ``asset:images/<file>`` to files inside
    those folders, and the names in ``inline`` to the data URIs made for this
    render. Everything else, and anything that escapes its folder, resolves to
    an empty data URI. What was refused is kept in ``refused`` for the tests.
    """

    def __init__(self, inline: dict[str, str]):
        self.inline = inline
        self.refused: list[str] = []

    def __call__(self, uri: str, rel: str | None) -> str:
        if uri in self.inline:
            return self.inline[uri]
        root_name, _, name = str(uri).removeprefix("asset:").partition("/")
        root = ASSET_ROOTS.get(root_name) if str(uri).startswith("asset:") else None
        if root is not None:
            try:
                path = (root / name).resolve()
                if path.is_relative_to(root.resolve()) and path.is_file():
                    return str(path)
            except (OSError, ValueError):  # e.g. a NUL byte in the name
                pass
        self.refused.append(str(uri))
        return NOTHING


def _data_uri(content: bytes, mimetype: str) -> str:
    return f"data:{mimetype};base64,{base64.b64encode(content).decode('ascii')}"


def qr_data_uri(url: str) -> str:
    """``url`` as a QR code, one pixel a module: the PDF scales it up without blurring."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=1, border=0)
    return _data_uri(buffer.getvalue(), "image/png")


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
    return _data_uri(content, mimetype)


def check_fonts() -> None:
    missing = [name for name in FONT_FILES if not (FONTS_DIR / name).is_file()]
    if missing:
        raise CertificateRenderError(
            f"Certificate fonts missing from {FONTS_DIR}: {', '.join(missing)} (run `make assets`)"
        )


def certificate_pdf(*, certificate: Certificate, branding: CertificateBranding | None) -> bytes:
    """Render ``certificate`` as PDF bytes."""
    check_fonts()
    verify_url = certificate.get_verify_url()
    logo = logo_data_uri(branding)
    assets = CertificateAssets(
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
    output = io.BytesIO()
    result = pisa.CreatePDF(
        html,
        dest=output,
        encoding="utf-8",
        default_css=BASE_CSS,
        link_callback=assets,
        resource_policy=POLICY,
    )
    if result.err:
        raise CertificateRenderError(f"Could not render certificate {certificate.pk}")
    return output.getvalue()
