import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from resources.models import LessonPlanDocument, ParentLink
from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import reauthenticate
from tests.resources.factories import DeliveryFactory, LessonPlanPageFactory, ParentLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(library):
    plan = LessonPlanPageFactory(
        parent=library,
        title="Consent: getting it and giving it",
        summary="Pupils learn what real consent looks like.",
        safeguarding_notes="<p>SECRET-TEACHER-NOTE: if a pupil discloses, tell the DSL.</p>",
        differentiation="<p>SUPPORT-NOTE for teachers.</p>",
    )
    document = Document.objects.create(
        title="Scenario cards", file=ContentFile(b"cards", name="cards.pdf")
    )
    LessonPlanDocument.objects.create(page=plan, document=document)
    return plan


def create_link(client, plan, school):
    return client.post("/rse/parent-links/new/", {"plan": plan.pk, "organisation": school.pk})


def test_a_manager_shares_a_plan_and_parents_see_only_its_materials(
    client, manager, teacher, plan, school
):
    DeliveryFactory(
        plan=plan, organisation=school, teacher=teacher, notes="LOG-NOTE", class_name="9Q"
    )
    client.force_login(manager)
    assert "Create a link for parents" in client.get(plan.url).content.decode()
    assert create_link(client, plan, school).status_code == 302
    link = ParentLink.objects.get()
    assert len(link.token) >= 43  # 256 random bits
    assert link.token in client.get("/rse/parent-links/").content.decode()

    client.logout()
    response = client.get(f"/rse/for-parents/{link.token}/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    for shown in (
        "Consent: getting it and giving it",
        "Pupils learn what real consent looks like.",
        "Explain that consent can be taken back at any time.",  # objective
        "Kai says no and his friend says OK.",  # worksheet item
        "Scenario cards",  # document
        "Riverside Academy",
    ):
        assert shown in html
    for hidden in (
        "SECRET-TEACHER-NOTE",
        "SUPPORT-NOTE",
        "Draw out that fear",  # discussion notes for the teacher
        "Agree the ground rules",  # step instructions for the teacher
        "LOG-NOTE",
        "9Q",
        "Download as PDF",
        school.partnership.referral_phone,
    ):
        assert hidden not in html


def test_sharing_twice_gives_the_same_link(client, manager, plan, school):
    client.force_login(manager)
    create_link(client, plan, school)
    create_link(client, plan, school)
    assert ParentLink.objects.count() == 1


def test_a_revoked_link_answers_404(client, manager, plan, school):
    link = ParentLinkFactory(plan=plan, organisation=school)
    client.force_login(manager)
    reauthenticate(client, PASSWORD)
    assert client.post(f"/rse/parent-links/{link.pk}/revoke/").status_code == 302
    client.logout()
    assert client.get(f"/rse/for-parents/{link.token}/").status_code == 404
    # A new link can then be made; the old one stays dead.
    client.force_login(manager)
    create_link(client, plan, school)
    new = ParentLink.objects.open().get()
    assert new.token != link.token


def test_an_unknown_token_answers_404(client, plan, school):
    ParentLinkFactory(plan=plan, organisation=school)
    assert client.get("/rse/for-parents/not-a-real-token/").status_code == 404


def test_an_unpublished_plan_is_not_shown(client, plan, school):
    link = ParentLinkFactory(plan=plan, organisation=school)
    plan.unpublish()
    assert client.get(f"/rse/for-parents/{link.token}/").status_code == 404


def test_a_teacher_who_is_not_a_manager_cannot_share(client, teacher, plan, school):
    client.force_login(teacher)
    assert "Create a link for parents" not in client.get(plan.url).content.decode()
    assert create_link(client, plan, school).status_code == 404
    assert client.get("/rse/parent-links/").status_code == 404
    assert not ParentLink.objects.exists()


def test_a_manager_cannot_share_for_or_revoke_another_school(client, manager, plan):
    other = ParentLinkFactory(plan=plan)
    client.force_login(manager)
    assert create_link(client, plan, other.organisation).status_code == 404
    assert client.post(f"/rse/parent-links/{other.pk}/revoke/").status_code == 404
    other.refresh_from_db()
    assert other.revoked_at is None
