"""Administrators manage requirements in the Wagtail admin too; saving one
assigns its audience, as the leads' screen does."""

import pytest

from compliance.models import Assignment, Requirement
from tests.accounts.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(with_totp(UserFactory(is_superuser=True, is_staff=True)))
    return client


def test_an_administrator_adds_a_requirement_in_the_admin(
    admin_client, partnership, course, learner, django_capture_on_commit_callbacks
):
    assert admin_client.get("/admin/compliance_requirements/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/compliance_requirements/new/",
            {
                "partnership": partnership.pk,
                "course": course.pk,
                "starts_on": "2026-01-05",
                "due_within_days": "30",
                "window_days": "60",
                "target_percent": "90",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    requirement = Requirement.objects.get()
    assert requirement.target_percent == 90
    assert Assignment.objects.filter(requirement=requirement, user=learner).exists()
    page = admin_client.get("/admin/compliance_requirements/")
    assert course.title in page.content.decode()


def test_the_admin_is_for_administrators_only(client, learner):
    client.force_login(learner)
    assert client.get("/admin/compliance_requirements/").status_code in (302, 403)


def test_an_administrator_opens_a_requirement_in_the_admin(admin_client, requirement):
    page = admin_client.get(f"/admin/compliance_requirements/edit/{requirement.pk}/")
    assert page.status_code == 200
    assert requirement.course.title in page.content.decode()
