"""A teacher's journey in a real browser: filter the library, open a plan,
download its PDF and log the lesson."""

import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from resources.loader import lesson_plans_load
from resources.models import Delivery, LessonPlanPage
from tests.accounts.factories import PASSWORD
from tests.browser import assert_accessible, run_in_browser
from tests.resources.factories import SchoolFactory, teacher_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "tia@riverside.example"
PLAN = "Consent: getting it and giving it"


def sign_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Sign out").wait_for()


def filter_to_ks3_consent(page, expected_titles):
    page.goto("/schools/")
    page.get_by_label("Key stage 3", exact=True).check()
    page.get_by_label("Consent", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"\?key_stage=ks3&topic=consent$"))
    count = len(expected_titles)
    page.get_by_role("heading", name=f"{count} lesson plan{'' if count == 1 else 's'}").wait_for()
    listed = page.locator(".app-plan-list__title").all_inner_texts()
    assert sorted(title.strip() for title in listed) == sorted(expected_titles)
    assert page.get_by_label("Key stage 3", exact=True).is_checked()
    assert_accessible(page)


def download_pdf(page):
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    download = download_info.value
    assert download.suggested_filename == "ks3-consent-getting-and-giving.pdf"
    with open(download.path(), "rb") as pdf:
        content = pdf.read()
    assert content.startswith(b"%PDF-")
    assert PLAN in " ".join(PdfReader(io.BytesIO(content)).pages[0].extract_text().split())


def log_a_delivery(page, today):
    page.get_by_role("link", name="Log a delivery").click()
    page.get_by_role("heading", name="Log a lesson").wait_for()
    assert_accessible(page)
    page.get_by_label("Year group").select_option("9")
    page.get_by_label("Class (optional)").fill("9B")
    page.get_by_label("Day", exact=True).fill(str(today.day))
    page.get_by_label("Month", exact=True).fill(str(today.month))
    page.get_by_label("Year", exact=True).fill(str(today.year))
    page.get_by_label("Number of pupils").fill("27")
    page.get_by_role("button", name="Log lesson").click()
    page.get_by_text("Lesson logged").wait_for()
    row = page.get_by_role("row").filter(has_text=PLAN).inner_text()
    assert "Year 9, 9B" in row and "27" in row


def test_teacher_filters_opens_downloads_and_logs_a_lesson(live_server, home):
    lesson_plans_load()
    teacher_at(SchoolFactory(name="Riverside Academy"), email=EMAIL)
    expected = LessonPlanPage.objects.live().filter(key_stage="ks3", topics__slug="consent")
    expected_titles = [plan.title for plan in expected]
    assert PLAN in expected_titles
    today = timezone.localdate()

    def journey(page):
        sign_in(page)
        filter_to_ks3_consent(page, expected_titles)
        page.get_by_role("link", name=PLAN).click()
        page.get_by_role("heading", level=1, name=PLAN).wait_for()
        assert_accessible(page)
        download_pdf(page)
        log_a_delivery(page, today)

    run_in_browser(live_server.url, journey)
    delivery = Delivery.objects.get()
    assert (delivery.plan.title, delivery.pupils, delivery.delivered_on) == (PLAN, 27, today)
    assert (delivery.year_group, delivery.class_name) == (9, "9B")
