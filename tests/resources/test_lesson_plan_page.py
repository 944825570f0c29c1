import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from resources.models import LessonPlanDocument
from tests.organisations.factories import MembershipFactory, PartnershipFactory
from tests.resources.factories import LessonPlanPageFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(
        parent=library,
        title="Consent: getting it and giving it",
        topics=["consent", "peer-pressure"],
    )


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def test_plan_page_needs_sign_in(client, plan):
    response = client.get(plan.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_plan_page_shows_the_plan(teacher_client, plan):
    html = teacher_client.get(plan.url).content.decode()
    assert "Consent: getting it and giving it" in html
    assert "Explain that consent can be taken back at any time." in html
    assert "No personal stories." in html
    # steps carry their timings; discussion and worksheet blocks render
    assert "0 to 5 minutes" in html
    assert "Why can saying no feel hard?" in html
    assert "Kai says no and his friend says OK." in html
    assert "Support: use everyday examples first." in html
    assert "Peer pressure, sexual bullying and harassment" in html
    assert "Log a delivery" in html  # a teacher may log it


def test_safeguarding_notes_are_followed_by_the_teachers_partnership_contacts(
    teacher_client, teacher, plan, school
):
    school.partnership.referral_phone = "01632 960 777"
    school.partnership.designated_officer = "LADO: 01632 960 778"
    school.partnership.save()
    html = teacher_client.get(plan.url).content.decode()
    notes = html.index("If a pupil discloses, listen calmly")
    contacts = html.index("01632 960 777")
    assert notes < contacts
    assert "LADO: 01632 960 778" in html


def test_someone_else_sees_their_own_partnership_not_the_schools(client, plan):
    elsewhere = PartnershipFactory(referral_phone="01632 960 555")
    member = MembershipFactory(organisation=SchoolFactory(partnership=elsewhere)).user
    client.force_login(member)
    html = client.get(plan.url).content.decode()
    assert "01632 960 555" in html


def test_related_modules_link_to_the_chosen_live_modules(teacher_client, plan, modules):
    shown, hidden = modules[0], modules[1]
    plan.related_modules = [("module", shown), ("module", hidden)]
    plan.save_revision().publish()
    hidden.unpublish()
    html = teacher_client.get(plan.url).content.decode()
    assert f'href="{shown.url}">{shown.title}</a>' in html
    assert hidden.title not in html


def test_a_module_link_survives_the_module_changing_its_slug(teacher_client, plan, modules):
    module = modules[0]
    plan.related_modules = [("module", module)]
    plan.save_revision().publish()
    module.slug = "renamed-module"
    module.save_revision().publish()
    module.refresh_from_db()
    html = teacher_client.get(plan.url).content.decode()
    assert f'href="{module.url}">{module.title}</a>' in html and "renamed-module" in module.url


def test_documents_are_served_through_wagtails_document_view(teacher_client, plan):
    document = Document.objects.create(
        title="Scenario cards", file=ContentFile(b"%PDF-1.4 cards", name="scenario-cards.pdf")
    )
    LessonPlanDocument.objects.create(page=plan, document=document)
    html = teacher_client.get(plan.url).content.decode()
    assert f'href="{document.url}">Scenario cards</a>' in html
    assert document.url.startswith("/documents/")
    response = teacher_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 cards"


def test_a_non_teacher_is_not_offered_the_log(client, user, plan):
    client.force_login(user)
    html = client.get(plan.url).content.decode()
    assert "Log a delivery" not in html
    assert "Download as PDF" in html


@pytest.mark.parametrize(
    ("key_stage", "year_from", "year_to"),
    [("ks3", 6, 9), ("ks3", 8, 10), ("ks2", 6, 5), ("ks5", 11, 12)],
)
def test_year_groups_must_sit_in_the_key_stage(library, key_stage, year_from, year_to):
    plan = LessonPlanPageFactory.build(key_stage=key_stage, year_from=year_from, year_to=year_to)
    with pytest.raises(ValidationError):
        library.add_child(instance=plan)


def _with_extras(library, module_pages, *, documents: int, modules: int, steps: int):
    step = {"type": "step", "value": {"title": "Step", "minutes": 5, "instructions": "<p>Go.</p>"}}
    plan = LessonPlanPageFactory(
        parent=library,
        topics=["consent", "grooming", "online-safety"][: max(1, modules)],
        activities=[step] * steps,
        related_modules=[("module", module) for module in module_pages[:modules]],
    )
    for n in range(documents):
        document = Document.objects.create(
            title=f"Sheet {n}", file=ContentFile(b"x", name=f"sheet-{n}.pdf")
        )
        LessonPlanDocument.objects.create(page=plan, document=document)
    return plan


def test_query_count_does_not_grow_with_the_plans_length(
    client, teacher, library, modules, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(teacher)
    short = _with_extras(library, modules, documents=1, modules=1, steps=1)
    long = _with_extras(library, modules, documents=6, modules=3, steps=25)
    client.get(short.url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(short.url).status_code == 200
    with django_assert_num_queries(len(queries)):
        assert client.get(long.url).status_code == 200
    # About ten are the framework's (site, routing, session, user, header).
    assert len(queries) <= 20
