"""The certificate PDF, rendered for real and read back with pypdf."""

import io

import pytest
import segno
from django.core.files.base import ContentFile
from PIL import Image

from certificates.models import CertificateBranding
from certificates.pdf import certificate_assets, certificate_pdf
from certificates.services import certificate_issue, certificate_issue_on_completion
from kits.pdf import PdfAssets
from tests.accounts.factories import UserFactory
from tests.certificates.factories import completed_enrolment
from tests.certificates.pdfs import page_font_names, pdf_text, read_pdf
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    """A partnership's logo."""
    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), "#1d70b8").save(buffer, format="PNG")
    return buffer.getvalue()


def _issue_for(name, course, **user_fields):
    user = UserFactory(full_name=name, **user_fields)
    MembershipFactory(user=user)
    enrolment = completed_enrolment(user=user, course=course)
    certificate = certificate_issue_on_completion(enrolment=enrolment)
    return certificate_issue(certificate_id=certificate.pk)


def _pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def test_the_pdf_is_one_page_of_a4_landscape_with_the_name_and_code(issued):
    content = _pdf(issued)
    reader = read_pdf(content)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = pdf_text(content)
    assert "Sam Practitioner" in text
    assert issued.display_code in text
    assert issued.course_title in text
    assert "Certificate of completion" in text
    assert "Valid until" in text
    assert "Northvale" in text  # the learner's partnership


def test_a_name_beyond_latin_1_is_drawn_in_the_embedded_font(course):
    certificate = _issue_for("Zoë Ångström-Nguyễn", course)
    content = _pdf(certificate)
    assert "Zoë Ångström-Nguyễn" in pdf_text(content)
    fonts = page_font_names(content)
    # Embedded subsets are named "ABCDEF+DejaVuSans"; the certificate's text uses nothing else.
    assert any(name.endswith("+DejaVuSans-Bold") for name in fonts), fonts
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts


def test_a_course_without_expiry_says_so(course):
    course.validity_months = None
    course.save()
    certificate = _issue_for("Robin Noexpiry", course)
    assert certificate.expires_at is None
    assert "Does not expire" in pdf_text(_pdf(certificate))


@pytest.mark.parametrize(
    "name",
    [
        '<img src="http://127.0.0.1:{port}/x">',
        '<img src="file:///etc/passwd">',
        "<link rel=stylesheet href=http://127.0.0.1:{port}/s.css><b>bold</b>",
        '<pdf:barcode value="x"/><style>@import url(http://127.0.0.1:{port}/i.css);</style>',
    ],
)
def test_markup_in_a_name_is_printed_as_text_and_fetches_nothing(
    course, loopback_server, monkeypatch, name
):
    name = name.format(port=loopback_server.port)
    asked = []
    original = PdfAssets.__call__
    monkeypatch.setattr(
        PdfAssets,
        "__call__",
        lambda self, uri, rel: asked.append(uri) or original(self, uri, rel),
    )
    certificate = _issue_for(name, course)
    text = pdf_text(_pdf(certificate))
    assert name in text.replace("\n", "")
    assert "root:" not in text  # nothing of /etc/passwd
    assert loopback_server.connections == 0
    # The renderer asked only for the certificate's own fonts and images.
    assert set(asked) <= {
        "asset:fonts/DejaVuSans.ttf",
        "asset:fonts/DejaVuSans-Bold.ttf",
        "render:qr",
    }, asked


@pytest.mark.parametrize(
    "uri",
    [
        "http://127.0.0.1:1/x",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "asset:fonts/../../../lms/settings/base.py",
        "asset:images/../../models/certificate.py",
        "asset:elsewhere/x.ttf",
        "asset:fonts/Deja\x00VuSans.ttf",
        "static/fonts/DejaVuSans.ttf",
        "render:unknown",
    ],
)
def test_the_link_callback_resolves_anything_else_to_nothing(uri):
    assets = certificate_assets({"render:qr": "data:image/png;base64,AAAA"})
    assert assets(uri, None) == "data:,"
    assert assets.refused == [uri]


def test_the_link_callback_resolves_the_fonts_inside_static_fonts(settings):
    assets = certificate_assets({})
    resolved = assets("asset:fonts/DejaVuSans.ttf", None)
    assert resolved == str(settings.BASE_DIR / "static" / "fonts" / "DejaVuSans.ttf")


def test_the_longest_name_and_title_still_fit_on_one_page(course):
    course.title = ("Child sexual exploitation and criminal exploitation " * 5)[:255]
    course.save()
    certificate = _issue_for(("Maximilian " * 19)[:200], course)
    assert len(read_pdf(_pdf(certificate)).pages) == 1


def test_branding_prints_the_logo_signatory_and_wording(learner, course):
    partnership = learner.memberships.get().organisation.partnership
    branding = CertificateBranding(
        partnership=partnership,
        signatory_name="Dr Priya Shah",
        signatory_title="Independent Scrutineer",
        wording="Meets the partnership's multi-agency training standard.",
    )
    branding.logo.save("logo.png", ContentFile(_png()), save=False)
    branding.save()
    certificate = certificate_issue_on_completion(
        enrolment=completed_enrolment(user=learner, course=course)
    )
    content = certificate_pdf(certificate=certificate, branding=branding)
    text = pdf_text(content)
    assert "Dr Priya Shah" in text
    assert "Independent Scrutineer" in text
    assert "multi-agency training standard" in text
    images = read_pdf(content).pages[0].images
    assert len(images) == 2  # the logo and the QR code


def test_the_qr_code_encodes_the_absolute_verification_address(course, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://training.example/"
    certificate = _issue_for("Quinn Scanner", course)
    url = f"https://training.example/certificates/verify/{certificate.display_code}/"
    assert certificate.get_verify_url() == url
    (qr,) = [i for i in read_pdf(_pdf(certificate)).pages[0].images if i.image.width < 200]
    drawn = qr.image.convert("1")
    expected = segno.make(url, error="m", micro=False).matrix
    assert drawn.size == (len(expected), len(expected))
    assert all(
        (drawn.getpixel((x, y)) == 0) == bool(expected[y][x])
        for y in range(len(expected))
        for x in range(len(expected))
    )


def test_missing_fonts_are_reported_plainly(pending, monkeypatch, tmp_path):
    from certificates import pdf
    from kits import pdf as pdf_kit

    monkeypatch.setattr(pdf_kit, "FONTS_DIR", tmp_path)
    with pytest.raises(pdf.CertificateRenderError, match="make assets"):
        certificate_pdf(certificate=pending, branding=None)
