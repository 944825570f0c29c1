"""A manager invites a colleague, who accepts from the emailed link and then
appears as active in the staff list. Every new page passes axe."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail

from organisations.models import MembershipState, Sector
from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import totp_code
from tests.browser import assert_accessible, run_in_browser
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationDomainFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
COLLEAGUE = "nia.okafor@riverside.sch.example"


def sign_in_with_code(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_label("Code").fill(totp_code(SECRET))
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Sign out").wait_for()


def test_a_manager_invites_a_colleague_who_accepts_and_appears_as_active(live_server, home):
    school = OrganisationFactory(name="Riverside Academy", sector=Sector.EDUCATION)
    OrganisationDomainFactory(organisation=school, domain="riverside.sch.example")
    head = MembershipFactory(
        organisation=school,
        is_manager=True,
        mfa=False,
        user__email="head@riverside.sch.example",
        user__full_name="Hana Head",
    ).user
    Authenticator.objects.create(user=head, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    PartnershipLeadFactory(user=head, partnership=school.partnership, mfa=False)
    MembershipFactory(
        organisation=school, state=MembershipState.PENDING, source="request", joined_at=None
    )

    def journey(page):
        sign_in_with_code(page, head.email)
        page.get_by_role("link", name="Staff").first.click()
        page.get_by_role("link", name="Riverside Academy").click()
        page.get_by_role("heading", name="Staff").wait_for()
        assert_accessible(page)
        page.get_by_role("link", name="Requests to join").click()
        assert_accessible(page)
        page.get_by_role("link", name="Import a staff list").first.click()
        assert_accessible(page)
        page.get_by_role("link", name="Invitations").click()
        assert_accessible(page)
        page.get_by_role("link", name="Invite someone").click()
        assert_accessible(page)
        page.get_by_label("Email address").fill(COLLEAGUE)
        page.get_by_label("Full name").fill("Nia Okafor")
        page.get_by_label("Job role").fill("Teaching assistant")
        page.get_by_role("button", name="Send invitation").click()
        page.get_by_text(f"Invitation sent to {COLLEAGUE}").wait_for()
        assert_accessible(page)

        link = re.search(r"https?://\S+/organisations/invitations/\S+/", mail.outbox[-1].body)
        path = "/" + link.group(0).split("://", 1)[1].split("/", 1)[1]
        colleague = page.context.browser.new_context(base_url=live_server.url).new_page()
        colleague.goto(path)
        assert_accessible(colleague)
        colleague.get_by_label("Full name").fill("Nia Okafor")
        colleague.get_by_label("Create a password").fill("a-long-enough-passphrase")
        colleague.get_by_role("button", name="Create account and join").click()
        colleague.get_by_text("You are now a member of Riverside Academy").wait_for()
        colleague.context.close()

        page.get_by_role("navigation", name="Managing Riverside Academy").get_by_role(
            "link", name="Staff", exact=True
        ).click()
        page.get_by_label("Search by name, email or job role").fill("Nia")
        page.get_by_role("button", name="Apply filters").click()
        row = page.get_by_role("row").filter(has_text="Nia Okafor")
        row.get_by_text("Active").wait_for()
        row.get_by_role("link", name="Nia Okafor").click()
        page.get_by_role("heading", name="Nia Okafor").wait_for()
        assert_accessible(page)
        page.get_by_role("link", name="Record that they have left").click()
        assert_accessible(page)

        page.goto(f"/organisations/{school.pk}/settings/")
        assert_accessible(page)
        page.get_by_role("link", name="Workforce groups of").click()
        page.get_by_role("heading", name="Workforce groups").wait_for()
        assert_accessible(page)

    run_in_browser(live_server.url, journey)
