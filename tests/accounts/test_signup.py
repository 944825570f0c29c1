import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from organisations.models import Membership
from tests.organisations.factories import OrganisationDomainFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "full_name": "Priya Shah",
        "email": "priya@clinic.example",
        "organisation": "",
        "job_role": "Sexual health nurse",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
    }
    data.update(overrides)
    return data


def verification_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_signup_page_asks_for_name_organisation_and_role(client):
    page = client.get(SIGNUP).content.decode()
    for label in ("Full name", "Organisation", "Job role", "Email"):
        assert f">{label}" in page or f"> {label}" in page or label in page
    assert 'name="organisation"' in page
    assert 'name="job_role"' in page


def test_signup_sends_a_verification_email_and_blocks_login_until_confirmed(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = get_user_model().objects.get(email="priya@clinic.example")
    assert user.full_name == "Priya Shah"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["priya@clinic.example"]

    client.logout()
    response = client.post(
        "/accounts/login/",
        {"login": "priya@clinic.example", "password": "a-long-enough-passphrase"},
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = verification_link(mail.outbox[0])
    path = link.split("://", 1)[1].split("/", 1)[1]
    confirm = client.post("/" + path)
    assert confirm.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/",
        {"login": "priya@clinic.example", "password": "a-long-enough-passphrase"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_chosen_organisation_becomes_a_membership_with_the_job_role(client):
    organisation = OrganisationFactory(name="Eastgate Clinic")
    client.post(SIGNUP, signup_data(organisation=str(organisation.pk)))
    membership = Membership.objects.get(user__email="priya@clinic.example")
    assert membership.organisation == organisation
    assert membership.job_role == "Sexual health nurse"
    assert not membership.is_manager


def test_known_email_domain_fills_in_a_blank_organisation(client):
    domain = OrganisationDomainFactory(domain="clinic.example")
    client.post(SIGNUP, signup_data())
    membership = Membership.objects.get(user__email="priya@clinic.example")
    assert membership.organisation == domain.organisation


def test_unknown_domain_and_no_choice_still_signs_up_without_a_membership(client):
    response = client.post(SIGNUP, signup_data(email="sole.trader@unlisted.example"))
    assert response.status_code == 302
    user = get_user_model().objects.get(email="sole.trader@unlisted.example")
    assert user.job_role == "Sexual health nurse"
    assert not Membership.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "", "This field is required"),
        ("email", "not-an-email", "Enter a valid email address"),
        ("password2", "something-else-entirely", "You must type the same password each time"),
        ("organisation", "999999", "Select a valid choice"),
    ],
)
def test_bad_signup_input_is_reported_and_creates_nothing(client, field, value, message):
    response = client.post(SIGNUP, signup_data(**{field: value}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not get_user_model().objects.exists()


def test_email_addresses_are_unique_whatever_their_case(client, user):
    response = client.post(SIGNUP, signup_data(email=user.email.upper()))
    # allauth does not reveal that the address exists; no second account is made.
    assert get_user_model().objects.filter(email__iexact=user.email).count() == 1
    assert response.status_code in (200, 302)
