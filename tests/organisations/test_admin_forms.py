"""The admin's membership and lead forms choose a person through a searchable
chooser, so they do not grow with the number of users."""

import pytest

from tests.accounts.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db

FORMS = ["/admin/membership_admin/new/", "/admin/partnership_lead_admin/new/"]


@pytest.fixture
def admin_client(client):
    client.force_login(with_totp(UserFactory(is_staff=True, is_superuser=True)))
    return client


@pytest.mark.parametrize("url", FORMS)
def test_the_form_does_not_list_every_user_and_its_queries_stay_constant(
    admin_client, url, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    UserFactory.create_batch(3)
    admin_client.get(url)
    with CaptureQueriesContext(connection) as small:
        page = admin_client.get(url).content.decode()
    assert "Choose a person" in page
    UserFactory.create_batch(40, full_name="Listed Nowhere")
    with django_assert_max_num_queries(len(small)):
        page = admin_client.get(url).content.decode()
    assert "Listed Nowhere" not in page


def test_the_chooser_finds_people_by_name_or_email(admin_client):
    UserFactory(full_name="Findable Person", email="findable@example.org")
    UserFactory(full_name="Someone Else")
    results = admin_client.get("/admin/user_chooser/results/", {"q": "findable"}).content.decode()
    assert "Findable Person" in results and "Someone Else" not in results


def test_an_ended_membership_without_a_leaving_date_is_refused_with_a_message(admin_client):
    from organisations.models import Membership
    from tests.organisations.factories import MembershipFactory

    membership = MembershipFactory()
    url = f"/admin/membership_admin/edit/{membership.pk}/"
    data = {
        "user": membership.user_id,
        "organisation": membership.organisation_id,
        "state": "ended",
        "job_role": "Nurse",
        "joined_at": "2026-01-05 09:00",
        "left_at": "",
        "left_reason": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "An ended membership needs the date they left." in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).state == "active"


def test_the_people_chooser_opens_with_its_search(admin_client):
    UserFactory(full_name="Chosen Person")
    response = admin_client.get("/admin/user_chooser/")
    assert response.status_code == 200
    assert "Chosen Person" in response.content.decode()
