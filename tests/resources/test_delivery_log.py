import datetime
import uuid

import pytest
from django.db import IntegrityError
from django.utils import timezone

from resources.models import Delivery, KeyStage
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.resources.factories import (
    DeliveryFactory,
    LessonPlanPageFactory,
    SchoolFactory,
    teacher_at,
)

pytestmark = pytest.mark.django_db

NEW = "/rse/log/new/"


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library, title="Consent", key_stage=KeyStage.KS3)


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def form_data(plan_page, school, **overrides):
    day = overrides.pop("date", datetime.date(2025, 3, 3))
    data = {
        "organisation": school.pk,
        "plan": plan_page.pk,
        "year_group": 9,
        "class_name": "9B",
        "delivered_on_day": day.day,
        "delivered_on_month": day.month,
        "delivered_on_year": day.year,
        "pupils": 28,
        "notes": "Went well.",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_a_teacher_logs_a_lesson(teacher_client, teacher, plan, school):
    response = teacher_client.get(f"{NEW}?plan={plan.pk}")
    assert response.status_code == 200
    assert response.context["form"]["plan"].value() == str(plan.pk)
    response = teacher_client.post(NEW, form_data(plan, school))
    assert response.status_code == 302
    delivery = Delivery.objects.get()
    assert (delivery.teacher, delivery.organisation, delivery.plan) == (teacher, school, plan)
    assert (delivery.year_group, delivery.class_name, delivery.pupils) == (9, "9B", 28)
    listing = teacher_client.get("/rse/log/").content.decode()
    assert "Consent" in listing and "Year 9, 9B" in listing


def test_only_teachers_can_log(client, user, plan):
    MembershipFactory(user=user, organisation=OrganisationFactory())  # a health organisation
    client.force_login(user)
    assert client.get(NEW).status_code == 404


def test_the_log_needs_sign_in(client):
    assert client.get("/rse/log/").status_code == 302
    assert client.get(NEW).status_code == 302


def errors_of(response) -> dict:
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"pupils": 0}, "pupils"),
        ({"pupils": 501}, "pupils"),
        ({"pupils": -3}, "pupils"),
        ({"pupils": "lots"}, "pupils"),
        ({"pupils": ""}, "pupils"),
        ({"year_group": 6}, "year_group"),  # KS2: below the plan's key stage
        ({"year_group": 10}, "year_group"),  # KS4: above it
        ({"year_group": 14}, "year_group"),
        ({"delivered_on_day": 31, "delivered_on_month": 2}, "delivered_on"),
        ({"delivered_on_day": ""}, "delivered_on"),
        ({"plan": ""}, "plan"),
        # Huge numbers would overflow a date rather than fail as a bad one.
        ({"delivered_on_year": "99999999999999999999"}, "delivered_on"),
        ({"delivered_on_day": "9" * 30}, "delivered_on"),
        ({"delivered_on_month": "1e3"}, "delivered_on"),
        ({"pupils": "9" * 30}, "pupils"),
        ({"year_group": "9" * 30}, "year_group"),
    ],
)
def test_each_validation_edge_is_enforced(teacher_client, plan, school, overrides, field):
    response = teacher_client.post(NEW, form_data(plan, school, **overrides))
    assert response.status_code == 200
    assert field in errors_of(response)
    assert Delivery.objects.count() == 0
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html


def test_the_date_must_not_be_in_the_future(teacher_client, plan, school):
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    response = teacher_client.post(NEW, form_data(plan, school, date=tomorrow))
    assert "must be today or in the past" in errors_of(response)["delivered_on"][0]
    response = teacher_client.post(NEW, form_data(plan, school, date=today))
    assert response.status_code == 302


@pytest.mark.parametrize(("pupils", "year_group"), [(1, 7), (500, 9)])
def test_the_edges_themselves_are_allowed(teacher_client, plan, school, pupils, year_group):
    data = form_data(plan, school, pupils=pupils, year_group=year_group)
    assert teacher_client.post(NEW, data).status_code == 302
    assert Delivery.objects.get().pupils == pupils


def test_the_database_refuses_pupils_out_of_range(plan, school, teacher):
    with pytest.raises(IntegrityError):
        DeliveryFactory(plan=plan, organisation=school, teacher=teacher, pupils=501)


def test_a_likely_duplicate_needs_confirming(teacher_client, plan, school):
    assert teacher_client.post(NEW, form_data(plan, school)).status_code == 302
    # Same teacher, plan, class (case aside) and date, from a fresh form.
    response = teacher_client.post(NEW, form_data(plan, school, class_name="9b "))
    assert response.status_code == 200
    html = response.content.decode()
    assert "already logged this lesson" in html
    assert "Log it anyway" in html
    assert Delivery.objects.count() == 1
    data = form_data(plan, school, class_name="9b", confirm_duplicate="on")
    assert teacher_client.post(NEW, data).status_code == 302
    assert Delivery.objects.count() == 2


def test_a_different_class_or_date_is_not_a_duplicate(teacher_client, plan, school):
    teacher_client.post(NEW, form_data(plan, school))
    assert teacher_client.post(NEW, form_data(plan, school, class_name="9C")).status_code == 302
    later = datetime.date(2025, 3, 4)
    assert teacher_client.post(NEW, form_data(plan, school, date=later)).status_code == 302
    assert Delivery.objects.count() == 3


def test_submitting_the_same_form_twice_logs_one_lesson(teacher_client, plan, school):
    data = form_data(plan, school, confirm_duplicate="on")
    first = teacher_client.post(NEW, data)
    second = teacher_client.post(NEW, data)
    assert first.status_code == second.status_code == 302
    assert Delivery.objects.count() == 1


def test_the_form_carries_a_one_time_token(teacher_client):
    first = teacher_client.get(NEW).context["form"]["submission_token"].value()
    second = teacher_client.get(NEW).context["form"]["submission_token"].value()
    assert first and second and first != second


def test_a_teacher_edits_and_deletes_their_own_entry(teacher_client, teacher, plan, school):
    delivery = DeliveryFactory(plan=plan, organisation=school, teacher=teacher)
    url = f"/rse/log/{delivery.pk}/edit/"
    assert teacher_client.get(url).status_code == 200
    response = teacher_client.post(url, form_data(plan, school, pupils=30, class_name="9C"))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert (delivery.pupils, delivery.class_name) == (30, "9C")
    assert teacher_client.get(f"/rse/log/{delivery.pk}/delete/").status_code == 200
    assert teacher_client.post(f"/rse/log/{delivery.pk}/delete/").status_code == 302
    assert not Delivery.objects.exists()


def test_editing_keeps_the_rules(teacher_client, teacher, plan, school):
    delivery = DeliveryFactory(plan=plan, organisation=school, teacher=teacher)
    response = teacher_client.post(
        f"/rse/log/{delivery.pk}/edit/", form_data(plan, school, pupils=501)
    )
    assert "pupils" in errors_of(response)
    delivery.refresh_from_db()
    assert delivery.pupils == 28


@pytest.fixture
def other_school_entry(plan):
    other = SchoolFactory(name="Hilltop High")
    return DeliveryFactory(plan=plan, organisation=other, teacher=teacher_at(other))


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_schools_entry_answers_404(teacher_client, other_school_entry, action):
    url = f"/rse/log/{other_school_entry.pk}/{action}/"
    assert teacher_client.get(url).status_code == 404
    assert teacher_client.post(url, {}).status_code == 404
    assert Delivery.objects.filter(pk=other_school_entry.pk).exists()


def test_another_schools_log_answers_404_even_to_a_manager(client, manager, other_school_entry):
    client.force_login(manager)
    school_id = other_school_entry.organisation_id
    assert client.get(f"/rse/log/schools/{school_id}/").status_code == 404
    assert client.get(f"/rse/log/schools/{school_id}/export/").status_code == 404
    assert client.get(f"/rse/log/{other_school_entry.pk}/edit/").status_code == 404


def test_a_missing_entry_answers_the_same_404(teacher_client):
    assert teacher_client.get("/rse/log/999999/edit/").status_code == 404


def test_a_colleagues_entry_is_not_editable_by_a_teacher(teacher_client, plan, school):
    colleague = teacher_at(school)
    entry = DeliveryFactory(plan=plan, organisation=school, teacher=colleague)
    assert teacher_client.get(f"/rse/log/{entry.pk}/edit/").status_code == 404
    assert teacher_client.get(f"/rse/log/schools/{school.pk}/").status_code == 404
    assert "Year 9" not in teacher_client.get("/rse/log/").content.decode()


def test_managers_see_all_of_their_schools_entries(
    client, manager, teacher, plan, school, other_school_entry
):
    mine = DeliveryFactory(plan=plan, organisation=school, teacher=teacher, class_name="9M")
    colleague = DeliveryFactory(
        plan=plan, organisation=school, teacher=teacher_at(school), class_name="9K"
    )
    client.force_login(manager)
    listing = client.get("/rse/log/").content.decode()
    assert f"/rse/log/schools/{school.pk}/" in listing
    response = client.get(f"/rse/log/schools/{school.pk}/")
    assert {d.pk for d in response.context["deliveries"]} == {mine.pk, colleague.pk}
    # A manager sees entries but changes only their own.
    assert client.get(f"/rse/log/{mine.pk}/edit/").status_code == 404


def test_a_partnership_lead_sees_the_schools_log(client, school, plan, teacher):
    from tests.organisations.factories import PartnershipLeadFactory

    lead = PartnershipLeadFactory(partnership=school.partnership).user
    DeliveryFactory(plan=plan, organisation=school, teacher=teacher)
    client.force_login(lead)
    assert client.get(f"/rse/log/schools/{school.pk}/").status_code == 200


def test_a_deleted_teachers_entries_stay_as_the_schools_evidence(plan, school):
    leaver = UserFactory()
    entry = DeliveryFactory(plan=plan, organisation=school, teacher=leaver)
    leaver.delete()
    entry.refresh_from_db()
    assert entry.teacher is None


def test_a_teacher_at_two_schools_chooses_one_of_theirs(client, teacher, plan, school):
    second = SchoolFactory(name="Hilltop High")
    MembershipFactory(user=teacher, organisation=second)
    client.force_login(teacher)
    html = client.get(NEW).content.decode()
    assert "Choose a school" in html and "Hilltop High" in html
    stranger = SchoolFactory(name="Elsewhere School")
    response = client.post(NEW, form_data(plan, stranger))
    assert "organisation" in errors_of(response)
    assert client.post(NEW, form_data(plan, second)).status_code == 302
    assert Delivery.objects.get().organisation == second


def test_a_token_cannot_be_reused_by_someone_else(plan, school, teacher):
    from django.core.exceptions import ValidationError

    from resources.services import delivery_create

    fields = {
        "organisation": school,
        "plan": plan,
        "year_group": 9,
        "class_name": "9B",
        "delivered_on": datetime.date(2025, 3, 3),
        "pupils": 28,
        "notes": "",
        "submission_token": uuid.uuid4(),
    }
    first = delivery_create(teacher=teacher, **fields)
    assert delivery_create(teacher=teacher, **fields) == first
    with pytest.raises(ValidationError):
        delivery_create(teacher=teacher_at(school), **fields)
    assert Delivery.objects.count() == 1
