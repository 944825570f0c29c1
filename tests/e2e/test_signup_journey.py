import re

import pytest
from django.core import mail
from django.core.management import call_command

from organisations.models import Membership
from tests.accounts.mfa import totp_code
from tests.browser import assert_accessible, run_in_browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "new.teacher@riverside.sch.example"
PASSWORD = "a-long-enough-passphrase"


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()


def sign_up(page):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Create an account").first.click()
    assert_accessible(page)
    page.get_by_label("Full name").fill("Nia Okafor")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Job role").focus()  # leaving the email field suggests the school
    page.get_by_text("We have chosen Riverside Academy").wait_for()
    page.get_by_label("Job role").fill("Year 8 tutor")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()


def confirm_from_email(page):
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()


def turn_on_totp(page) -> str:
    page.goto("/accounts/2fa/totp/activate/")
    if "reauthenticate" in page.url:
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    page.get_by_text("Recovery Codes").first.wait_for()
    return secret


def test_sign_up_verify_sign_in_and_turn_on_two_factor(live_server):
    call_command("seed_demo", allow_demo_accounts=True)

    def journey(page):
        sign_up(page)
        confirm_from_email(page)
        sign_in(page, EMAIL, PASSWORD)
        page.get_by_role("link", name="My learning").first.wait_for()
        secret = turn_on_totp(page)

        page.goto("/accounts/logout/")
        page.get_by_role("button", name="Sign Out").click()
        sign_in(page, EMAIL, PASSWORD)
        page.get_by_label("Code").fill(totp_code(secret))
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()
        assert page.url.rstrip("/") == live_server.url

    run_in_browser(live_server.url, journey)
    assert Membership.objects.get(user__email=EMAIL).organisation.name == "Riverside Academy"
