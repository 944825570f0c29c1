"""A learner with an overdue requirement sees it first in My learning,
completes the course, and sees "Completed until …". Every page passes axe."""

import datetime

import pytest
from django.utils import timezone

from compliance.models import Assignment
from compliance.recompute import assignments_recompute
from compliance.services import requirement_create
from courses.models import Enrolment
from organisations.models import Sector
from tests.accounts.factories import PASSWORD
from tests.browser import assert_accessible, run_in_browser
from tests.certificates.factories import (
    completed_enrolment,
    course_index,
    course_page,
    module_with_lesson,
)
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_overdue_requirement_is_first_and_completing_it_shows_until(live_server):
    index = course_index()
    course = course_page(index)
    module_with_lesson(course)
    optional = course_page(index, title="Understanding online grooming", slug="grooming")
    organisation = OrganisationFactory(name="Northgate Health", sector=Sector.HEALTH)
    learner = MembershipFactory(
        organisation=organisation,
        joined_at=timezone.now() - datetime.timedelta(days=400),
        user__email="lee@northgate.example",
        user__full_name="Lee Learner",
    ).user
    completed_enrolment(user=learner, course=optional)
    requirement = requirement_create(partnership=organisation.partnership, by=None, course=course)
    Assignment.objects.filter(requirement=requirement).update(
        first_due_on=timezone.localdate() - datetime.timedelta(days=7)
    )
    assignments_recompute(user_ids=[learner.pk])

    def journey(page):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill(learner.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Sign out").wait_for()
        page.goto("/my-learning/")
        required = page.locator("#required-training li").first
        required.get_by_text("Overdue").wait_for()
        headings = page.get_by_role("heading", level=2).all_inner_texts()
        assert headings.index("Required training") < headings.index("Completed")
        assert_accessible(page)
        required.get_by_role("link", name=course.title).click()
        page.get_by_role("button", name="Start course").click()
        page.get_by_role("button", name="Mark as complete and continue").click()
        page.goto("/my-learning/")
        until = page.locator("#required-training").get_by_text("Completed until")
        until.wait_for()
        assert_accessible(page)
        return until.inner_text()

    run_in_browser(live_server.url, journey)
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.completed_at is not None
    assignment = Assignment.objects.get(user=learner, requirement=requirement)
    assert assignment.status == "completed"
