"""A lesson plan shows the reader's local contacts by the one rule every page
uses (organisations.contacts): their partnership's, else the site's default."""

import pytest

from organisations.models import DefaultContacts
from tests.resources.factories import LessonPlanPageFactory
from tests.resources.test_pdf import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library)


@pytest.fixture
def no_local_contacts(school, home):
    partnership = school.partnership
    partnership.referral_phone = partnership.referral_email = ""
    partnership.save()
    default = DefaultContacts.for_site(home.get_site())
    default.name = "Area children's services front door"
    default.referral_phone = "01632 960 555"
    default.save()


def test_the_plan_page_and_pdf_show_the_teachers_partnership(client, teacher, plan, school):
    client.force_login(teacher)
    page = client.get(plan.url).content.decode()
    assert school.partnership.name in page and "tel:01632960123" in page
    assert school.partnership.referral_phone in text_of(client.get(f"{plan.url}pdf/").content)


def test_without_local_contacts_the_plan_falls_back_to_the_site_default(
    client, teacher, plan, no_local_contacts
):
    client.force_login(teacher)
    page = client.get(plan.url).content.decode()
    assert "Area children&#x27;s services front door" in page and "tel:01632960555" in page
    pdf = text_of(client.get(f"{plan.url}pdf/").content)
    assert "Area children's services front door" in pdf and "01632 960 555" in pdf
    assert "immediate danger, call the police on 999" in pdf
