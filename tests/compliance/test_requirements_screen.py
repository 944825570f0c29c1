"""Leads require courses of their partnership, managers of their organisation;
another partnership's requirement answers 404; retiring keeps the history."""

import pytest

from compliance.models import Assignment, Requirement
from tests.organisations.factories import MembershipFactory, PartnershipLeadFactory

pytestmark = pytest.mark.django_db


def _form(course, **extra):
    return {
        "course": course.pk,
        "starts_on": "2026-01-05",
        "due_within_days": "60",
        "window_days": "60",
        **extra,
    }


def test_a_lead_requires_a_course_of_everyone(
    lead, learner, course, partnership, client, django_capture_on_commit_callbacks
):
    client.force_login(lead)
    assert client.get("/mandatory-training/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mandatory-training/partnerships/{partnership.pk}/new/", _form(course)
        )
    requirement = Requirement.objects.get()
    assert response.url == f"/mandatory-training/{requirement.pk}/"
    assert Assignment.objects.filter(requirement=requirement, user=learner).exists()
    page = client.get(response.url).content.decode()
    assert "Lee Learner" in page


def test_bad_input_is_explained_and_saves_nothing(lead, course, partnership, client):
    client.force_login(lead)
    page = client.post(
        f"/mandatory-training/partnerships/{partnership.pk}/new/",
        _form(course, due_by="2025-01-01", due_within_days="0"),
    ).content.decode()
    assert "There is a problem" in page
    assert "on or after the start date" in page
    assert not Requirement.objects.exists()


def test_a_manager_requires_a_course_of_their_own_staff(
    manager, learner, organisation, course, client, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mandatory-training/organisations/{organisation.pk}/new/", _form(course))
    requirement = Requirement.objects.get()
    assert requirement.owner_organisation == organisation
    assert set(requirement.assignments.values_list("user", flat=True)) == {
        learner.pk,
        manager.pk,
    }


def test_another_partnership_answers_404(make_requirement, learner, course, client):
    requirement = make_requirement()
    stranger = PartnershipLeadFactory().user
    client.force_login(stranger)
    assert client.get(f"/mandatory-training/{requirement.pk}/").status_code == 404
    assert client.post(f"/mandatory-training/{requirement.pk}/retire/").status_code == 404
    response = client.post(
        f"/mandatory-training/partnerships/{requirement.partnership_id}/new/", _form(course)
    )
    assert response.status_code == 404
    learner_client = client
    learner_client.force_login(learner)
    assert learner_client.get(f"/mandatory-training/{requirement.pk}/").status_code == 404


def test_a_manager_of_another_organisation_cannot_add_to_it(organisation, course, client):
    other = MembershipFactory(is_manager=True).user
    client.force_login(other)
    url = f"/mandatory-training/organisations/{organisation.pk}/new/"
    assert client.post(url, _form(course)).status_code == 404


def test_retiring_keeps_the_history(requirement, lead, learner, client):
    client.force_login(lead)
    client.post(f"/mandatory-training/{requirement.pk}/retire/")
    client.post(f"/mandatory-training/{requirement.pk}/retire/")
    requirement.refresh_from_db()
    assert requirement.retired_at is not None
    assert Assignment.objects.filter(requirement=requirement).count() == 1
    assert "Retired on" in client.get(f"/mandatory-training/{requirement.pk}/").content.decode()


def test_a_lead_narrows_the_audience_and_assignments_follow(
    requirement, lead, learner, partnership, course, client, django_capture_on_commit_callbacks
):
    from organisations.models import WorkforceGroup

    other = WorkforceGroup.objects.create(partnership=partnership, name="Group 3")
    client.force_login(lead)
    assert client.get(f"/mandatory-training/{requirement.pk}/edit/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/mandatory-training/{requirement.pk}/edit/", _form(course, groups=[other.pk])
        )
    assert response.status_code == 302
    assignment = Assignment.objects.get(requirement=requirement, user=learner)
    assert assignment.in_audience is False
    assert list(requirement.groups.all()) == [other]


def test_a_retired_requirement_cannot_be_changed(requirement, lead, course, client):
    client.force_login(lead)
    client.post(f"/mandatory-training/{requirement.pk}/retire/")
    response = client.post(f"/mandatory-training/{requirement.pk}/edit/", _form(course))
    assert response.status_code == 404


def test_a_lead_sets_the_coverage_target_reports_use(
    lead, learner, course, partnership, client, django_capture_on_commit_callbacks
):
    client.force_login(lead)
    new = f"/mandatory-training/partnerships/{partnership.pk}/new/"
    response = client.post(new, _form(course, target_percent="101"))
    assert "Ensure this value is less than or equal to 100." in response.content.decode()
    assert not Requirement.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(new, _form(course, target_percent="95"))
    requirement = Requirement.objects.get()
    assert requirement.target_percent == 95
    assert "95% of staff" in client.get(response.url).content.decode()
    # Left blank, the target is 80%.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/mandatory-training/{requirement.pk}/edit/", _form(course))
    requirement.refresh_from_db()
    assert requirement.target_percent == 80
