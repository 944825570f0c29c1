import io
import logging
import socket

import pytest
from pypdf import PdfReader

from resources.pdf import lesson_plan_pdf
from tests.resources.factories import LessonPlanPageFactory

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library, title="Consent: getting it and giving it")


def test_the_pdf_download_is_a_real_pdf_that_reads_back(client, teacher, plan, school):
    client.force_login(teacher)
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{plan.slug}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = text_of(response.content)
    assert "Consent: getting it and giving it" in text
    assert "Explain that consent can be taken back at any time." in text
    assert "If a pupil discloses" in text
    assert school.partnership.referral_phone in text  # the teacher's local contacts
    assert "Worksheet" in text and "Kai says no and his friend says OK." in text


def test_the_pdf_needs_sign_in(client, plan):
    response = client.get(f"{plan.url}pdf/")
    assert response.status_code == 302


def test_text_is_escaped_and_nothing_is_fetched(library, caplog):
    plan = LessonPlanPageFactory(
        parent=library,
        title='Fish & chips <img src="http://169.254.169.254/latest/meta-data/">',
        summary='<link rel="stylesheet" href="file:///etc/passwd">Summary',
    )
    with caplog.at_level(logging.WARNING):
        content = lesson_plan_pdf(plan=plan, contacts=None)
    text = text_of(content)
    # The markup arrives as text on the page, not as an element to fetch.
    assert 'Fish & chips <img src="http://169.254.169.254/latest/meta-data/">' in text
    assert "<link" in text
    assert "Blocked by the resource policy" not in caplog.text


def test_rich_text_images_are_not_fetched(library, monkeypatch):
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in tests")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    plan = LessonPlanPageFactory(
        parent=library,
        safeguarding_notes='<p>Notes</p><img src="http://169.254.169.254/x.png">'
        '<img src="/etc/passwd">',
    )
    content = lesson_plan_pdf(plan=plan, contacts=None)
    assert content.startswith(b"%PDF-")
    assert attempts == []


def test_a_plan_prints_names_in_any_latin_script(library):
    """Lesson plans embed the same fonts as certificates, so accented and
    Vietnamese letters print as written rather than as blanks."""
    plan = LessonPlanPageFactory(parent=library, summary="Written by Zoë Ångström-Nguyễn.")
    text = text_of(lesson_plan_pdf(plan=plan, contacts=None))
    assert "Zoë Ångström-Nguyễn" in text
