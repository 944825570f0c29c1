"""Exports, revocations and role changes ask for the password again, then go on."""

import pytest

from tests.accounts.mfa import reauthenticate
from tests.resources.factories import DeliveryFactory, SchoolFactory, teacher_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    return SchoolFactory(name="Riverside Academy")


def test_an_export_asks_for_the_password_then_downloads(client, school, password, home):
    manager = teacher_at(school, manager=True)
    DeliveryFactory(organisation=school)
    client.force_login(manager)
    url = f"/rse/log/schools/{school.pk}/export/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    reauthenticate(client, password)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def test_another_schools_export_is_404_before_any_password_is_asked(client, school):
    manager = teacher_at(school, manager=True)
    client.force_login(manager)
    other = SchoolFactory(name="Hilltop High")
    assert client.get(f"/rse/log/schools/{other.pk}/export/").status_code == 404
