"""Printable tools: loaded from the content files, shown as a page and as a PDF,
each with the reader's own local contacts, and linked from lessons."""

import io

import pytest
from pypdf import PdfReader

from courses.loader.pages import CONTENT_ROOT, load_course
from courses.loader.printables import load_printables
from courses.models import LessonPage, PrintableIndexPage, PrintablePage
from kits.content.source import ContentError
from organisations.models import DefaultContacts
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

EMERGENCY = "If a child is in immediate danger, call the police on 999."


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def printables(home):
    load_printables(home=home)
    return {page.slug: page for page in PrintablePage.objects.live()}


@pytest.fixture
def member(user):
    MembershipFactory(user=user, organisation__partnership__name="Northvale SCP")
    return user


def test_the_printables_load_under_tools_once(home, printables):
    assert set(printables) == {"warning-signs-checklist", "what-to-do-flowchart"}
    index = PrintableIndexPage.objects.get()
    assert index.url == "/tools/" and index.live
    again = load_printables(home=home)
    assert again.counts == {"unchanged": 2}


def test_the_checklist_page_shows_the_signs_and_the_readers_contacts(client, member, printables):
    client.force_login(member)
    html = client.get(printables["warning-signs-checklist"].url).content.decode()
    assert "Gifts from unknown sources" in html
    assert "Lacking friends from the same age group" in html
    assert "Northvale SCP" in html and "tel:01632960123" in html
    assert EMERGENCY in html


def test_the_flowchart_pdf_reads_back_with_the_partnerships_contacts(client, member, printables):
    client.force_login(member)
    response = client.get(printables["what-to-do-flowchart"].url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1
    assert "Question: Is a child in immediate danger?" in text
    assert "If yes: Call the police on 999." in text
    assert "Tell your designated safeguarding lead the same day." in text
    assert "Northvale SCP" in text and "01632 960 123" in text
    assert EMERGENCY in text


def test_without_a_partnership_the_pdf_has_the_site_default_contacts(client, home, printables):
    default = DefaultContacts.for_site(home.get_site())
    default.name, default.referral_phone = "Area front door", "01632 960 777"
    default.save()
    text = pdf_text(client.get(printables["warning-signs-checklist"].url + "pdf/").content)
    assert "Area front door" in text and "01632 960 777" in text
    assert "Recruiting others into exploitative situations" in text


def test_lessons_link_to_their_printables(client, member, home, printables):
    load_course(folder=CONTENT_ROOT / "licensed-businesses", home=home)
    lesson = LessonPage.objects.get(source_key__endswith="/what-to-do")
    client.force_login(member)
    html = client.get(lesson.url).content.decode()
    flowchart = printables["what-to-do-flowchart"]
    assert f'href="{flowchart.url}">{flowchart.title}</a>' in html
    assert f'href="{flowchart.url}pdf/"' in html


def test_a_lesson_naming_an_unknown_printable_is_refused(home, tmp_path, printables):
    course = tmp_path / "tiny"
    (course / "01-m").mkdir(parents=True)
    (course / "course.md").write_text(
        "---\ntitle: Tiny\nslug: tiny\nsummary: S.\naudience: A.\nestimated_minutes: 5\n---\n"
    )
    (course / "01-m" / "module.md").write_text("---\ntitle: M\nslug: m\nintroduction: I.\n---\n")
    (course / "01-m" / "01-l.md").write_text(
        "---\ntitle: L\nslug: l\n---\n\n```block\ntype: printable\nkey: no-such-tool\n```\n"
    )
    with pytest.raises(ContentError, match="no printable printables/no-such-tool"):
        load_course(folder=course, home=home)


def test_printable_links_keep_a_lesson_within_its_query_budget(
    client, member, home, printables, django_assert_max_num_queries
):
    from courses.services import enrolment_start
    from tests.courses.factories import (
        CourseIndexPageFactory,
        CoursePageFactory,
        LessonPageFactory,
        ModulePageFactory,
    )

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home, slug="training"))
    module = ModulePageFactory(parent=course)
    link = ("printable", {"printable": printables["warning-signs-checklist"], "text": "Print it."})
    lessons = [
        LessonPageFactory(parent=module, slug=f"links-{n}", body=[link] * n) for n in (1, 10)
    ]
    enrolment_start(user=member, course=course)
    client.force_login(member)
    for lesson in lessons:  # warm the per-process caches
        client.get(lesson.url)
    counts = []
    for lesson in lessons:
        with django_assert_max_num_queries(12) as captured:
            html = client.get(lesson.url).content.decode()
        assert html.count("Printable tool:") == len(lesson.body)
        counts.append(len(captured))
    assert counts[0] == counts[1]
