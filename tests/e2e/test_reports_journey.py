"""A partnership lead signs in, opens Reports, filters by sector, opens an
organisation, and downloads the XLSX and the evidence pack. Every page passes
axe, and both files are read back."""

import io

import openpyxl
import pytest
from allauth.mfa.models import Authenticator

from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import totp_code
from tests.browser import assert_accessible, run_in_browser
from tests.certificates.pdfs import pdf_text
from tests.reports.conftest import known  # noqa: F401 (the known data set)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def download(page, start):
    """The file ``start()`` downloads, confirming the password first if the
    service asks (it does before exports of personal data)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        with page.expect_download(timeout=5_000) as started:
            start()
        return started.value.path().read_bytes()
    except PlaywrightTimeout:
        page.get_by_label("Password").fill(PASSWORD)
        assert_accessible(page)
        with page.expect_download() as started:
            page.get_by_role("button", name="Confirm").click()
        return started.value.path().read_bytes()


def test_a_lead_reads_the_reports_and_takes_the_evidence_away(live_server, known):  # noqa: F811
    Authenticator.objects.filter(user=known.lead).update(data={"secret": SECRET})
    files = {}

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(known.lead.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_label("Code").fill(totp_code(SECRET))
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Reports").first.click()
        page.get_by_role("heading", name="Training coverage").wait_for()
        assert_accessible(page)

        page.get_by_label("Sector").select_option(label="Police")
        page.get_by_role("button", name="Show figures").click()
        table = page.locator("#by-organisation")
        table.get_by_role("link", name="Birch Police").wait_for()
        assert table.get_by_role("link", name="Ash Health").count() == 0
        assert "20.0%" in table.inner_text()
        assert_accessible(page)

        files["xlsx"] = download(
            page, page.get_by_role("link", name="Coverage by organisation (XLSX)").click
        )
        page.goto(f"/reports/partnerships/{known.partnership.pk}/?sector=police")

        table.get_by_role("link", name="Birch Police").click()
        page.get_by_role("heading", name="Staff training").wait_for()
        page.get_by_text("Birch Police").first.wait_for()
        page.get_by_role("link", name="Gus Birch").wait_for()
        assert_accessible(page)

        page.get_by_role("link", name="Training coverage for").click()
        page.get_by_role("link", name="Evidence pack").click()
        page.get_by_role("heading", name="Evidence pack").wait_for()
        assert_accessible(page)
        files["pdf"] = download(
            page, page.get_by_role("button", name="Download evidence pack (PDF)").click
        )

    run_in_browser(live_server.url, journey)

    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"])).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[2] for row in rows[1:]] == ["Birch Police"]
    text = pdf_text(files["pdf"])
    assert known.partnership.name in text.replace("\n", " ")
    assert "23.5%" in text
