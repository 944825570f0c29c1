"""Texts a partnership supplies in the CMS (its summary of the law for RSE) are
shown as the partnership wrote them, and nothing is said in their place."""

import pytest

from courses.loader.pages import CONTENT_ROOT, load_course
from courses.loader.printables import load_printables
from courses.models import LessonPage
from courses.services import enrolment_start
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(home):
    load_printables(home=home)
    load_course(folder=CONTENT_ROOT / "delivering-rse-safely", home=home)
    return LessonPage.objects.get(source_key__endswith="/why-rse-protects")


def test_the_rse_course_shows_the_learners_partnerships_summary_of_the_law(client, user, lesson):
    membership = MembershipFactory(user=user, organisation__partnership__name="Northvale SCP")
    partnership = membership.organisation.partnership
    partnership.rse_law_summary = "<p>Our advisers' summary <b>for schools</b>.</p>"
    partnership.save()
    enrolment_start(user=user, course=lesson.get_parent().get_parent().specific)
    client.force_login(user)
    html = client.get(lesson.url).content.decode()
    assert "The law: your partnership&#x27;s summary" in html
    assert "From <strong>Northvale SCP</strong>" in html
    assert "Our advisers' summary <b>for schools</b>." in html


def test_without_a_summary_the_course_says_where_to_ask_and_states_no_law(client, user, lesson):
    MembershipFactory(user=user)
    client.force_login(user)
    html = client.get(lesson.url).content.decode()
    assert "Your partnership has not added its summary yet." in html
    assert "designated safeguarding lead or your RSE lead" in html


def test_completing_delivering_rse_safely_trains_rse_practitioners(lesson):
    course = lesson.get_parent().get_parent().specific
    assert course.title == "Delivering RSE safely" and course.trains_rse_practitioners
