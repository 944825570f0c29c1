import pytest

from resources.models import LessonPlanPage
from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp
from tests.resources.factories import DeliveryFactory, LessonPlanPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, password):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    activate_totp(client, password)
    return client


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library, topics=["consent", "grooming"])


def test_editors_can_open_the_plan_forms(admin_client, library, plan):
    add = f"/admin/pages/add/resources/lessonplanpage/{library.pk}/"
    assert admin_client.get(add).status_code == 200
    response = admin_client.get(f"/admin/pages/{plan.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="topics"' in html and 'type="checkbox"' in html
    assert admin_client.get(f"/admin/pages/{library.pk}/edit/").status_code == 200


def test_a_draft_previews_with_its_unsaved_topics(plan):
    plan.title = "A draft title"
    plan.topics = []
    response = plan.make_preview_request()
    assert response.status_code == 200
    assert "A draft title" in response.content.decode()


def test_a_plan_with_logged_lessons_cannot_be_deleted(admin_client, library, plan, school):
    DeliveryFactory(plan=plan, organisation=school)
    for url in (f"/admin/pages/{plan.pk}/delete/", f"/admin/pages/{library.pk}/delete/"):
        response = admin_client.post(url)
        assert response.status_code == 302
        assert response["Location"].endswith("/edit/")
    bulk = f"/admin/bulk/wagtailcore/page/delete/?id={plan.pk}&next=/admin/pages/{library.pk}/"
    response = admin_client.post(bulk)
    assert response.status_code == 302
    assert LessonPlanPage.objects.filter(pk=plan.pk).exists()
    assert "cannot be deleted" in admin_client.get(response["Location"]).content.decode()


def test_a_plan_with_no_lessons_can_be_deleted(admin_client, plan):
    assert admin_client.post(f"/admin/pages/{plan.pk}/delete/").status_code == 302
    assert not LessonPlanPage.objects.filter(pk=plan.pk).exists()
