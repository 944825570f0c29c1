"""The public check, through the real HTTP layer."""

import datetime

import pytest
from django.utils import timezone

from certificates.codes import code_display, code_generate
from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _result(client, certificate):
    return client.get(f"/certificates/verify/{certificate.display_code}/")


def test_a_valid_certificate_shows_only_name_course_dates_and_status(client, issued):
    response = _result(client, issued)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This certificate is valid" in page
    assert "Sam Practitioner" in page
    assert issued.course_title in page
    assert f"{issued.issued_at:%-d %B %Y}" in page
    assert f"{timezone.localtime(issued.expires_at):%-d %B %Y}" in page
    assert ">Valid<" in page
    # Nothing else about the holder.
    assert "sam@example.org" not in page
    assert "Northvale" not in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert '<meta name="robots" content="noindex">' in page


def test_an_expired_certificate_says_so(client, issued):
    Certificate.objects.filter(pk=issued.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    page = _result(client, issued).content.decode()
    assert "This certificate has expired" in page
    assert ">Expired<" in page


def test_a_revoked_certificate_says_so(client, issued):
    certificate_revoke(
        certificate=issued, by=UserFactory(is_superuser=True), reason="Issued in error"
    )
    page = _result(client, issued).content.decode()
    assert "This certificate has been revoked" in page
    assert ">Revoked<" in page
    assert "Issued in error" not in page  # the reason is for the record, not the public


def test_an_unknown_code_is_not_found_and_hints_at_nothing(client, issued):
    unknown = code_display(code_generate())
    response = client.get(f"/certificates/verify/{unknown}/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Certificate not found" in page
    assert "Sam Practitioner" not in page
    assert issued.display_code not in page


def test_a_pending_certificate_is_not_found_yet(client, pending):
    response = client.get(f"/certificates/verify/{pending.display_code}/")
    assert response.status_code == 404


def test_a_code_typed_loosely_goes_to_its_proper_address(client, issued):
    loose = issued.display_code.lower().replace("-", "")
    response = client.get(f"/certificates/verify/{loose}/")
    assert response.status_code == 302
    assert response["Location"] == f"/certificates/verify/{issued.display_code}/"


@pytest.mark.parametrize(
    "code",
    ["x", "%E2%80%AE" * 10, "A" * 5000, "..%5C..%5Cetc%5Cpasswd", "<script>", "🙂", "%ff"],
)
def test_any_input_gets_not_found_never_an_error(client, db, code):
    response = client.get(f"/certificates/verify/{code}/")
    assert response.status_code == 404
    assert "Certificate not found" in response.content.decode()


def test_a_nul_character_in_a_code_is_refused_with_a_message(client, db):
    # Refused before any lookup (kits/request_guard.py): PostgreSQL cannot take it.
    response = client.get("/certificates/verify/%00/")
    assert response.status_code == 400
    assert "a character we cannot accept" in response.content.decode()


def test_a_code_with_more_path_is_not_found(client, issued):
    response = client.get(f"/certificates/verify/{issued.display_code}/..%2F..%2Fetc%2Fpasswd/")
    assert response.status_code == 404


def test_the_form_checks_a_code_and_goes_to_its_result(client, issued):
    page = client.get("/certificates/verify/")
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    response = client.get("/certificates/verify/", {"code": issued.display_code.lower()})
    assert response.status_code == 302
    assert response["Location"] == f"/certificates/verify/{issued.display_code}/"


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("", "Enter the certificate code"),
        ("   ", "Enter the certificate code"),
        ("not a code", "Enter the certificate code in the correct format"),
        ("O" * 28, "Enter the certificate code in the correct format"),
    ],
)
def test_the_form_explains_a_blank_or_malformed_code(client, db, typed, error):
    response = client.get("/certificates/verify/", {"code": typed})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert error in page
    assert "<title>" in page and "Error:" in page


def test_the_pages_are_rate_limited_per_address(client, issued, settings):
    settings.CERTIFICATES_VERIFY_RATE = 3
    for _ in range(3):
        assert _result(client, issued).status_code == 200
    response = client.get("/certificates/verify/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "Too many checks" in response.content.decode()
    # Another address is not held back.
    assert client.get("/certificates/verify/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_every_page_links_to_the_check(client, db):
    assert 'href="/certificates/verify/"' in client.get("/certificates/verify/").content.decode()
