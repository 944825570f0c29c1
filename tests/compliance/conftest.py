import datetime

import pytest
from django.utils import timezone

from compliance import services
from compliance.models import Assignment
from organisations.models import Sector, WorkforceGroup
from tests.certificates.factories import course_index, course_page
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def course(db):
    return course_page(course_index())


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Northgate Health", sector=Sector.HEALTH)


@pytest.fixture
def partnership(organisation):
    return organisation.partnership


@pytest.fixture
def group(partnership):
    return WorkforceGroup.objects.create(
        partnership=partnership, name="Group 2: regular contact", is_default=True
    )


@pytest.fixture
def learner(organisation, group):
    return MembershipFactory(
        organisation=organisation,
        group=group,
        joined_at=days_ago(400),
        user__full_name="Lee Learner",
        user__email="lee@northgate.example",
    ).user


@pytest.fixture
def manager(organisation, group):
    return MembershipFactory(
        organisation=organisation,
        group=group,
        is_manager=True,
        joined_at=days_ago(400),
        user__full_name="Mo Manager",
        user__email="mo@northgate.example",
    ).user


@pytest.fixture
def lead(partnership):
    return PartnershipLeadFactory(
        partnership=partnership, user__full_name="Lou Lead", user__email="lou@area.example"
    ).user


@pytest.fixture
def make_requirement(partnership, course, django_capture_on_commit_callbacks):
    def make(**values):
        values.setdefault("course", course)
        values.setdefault("due_within_days", 60)
        with django_capture_on_commit_callbacks(execute=True):
            return services.requirement_create(partnership=partnership, by=None, **values)

    return make


@pytest.fixture
def requirement(make_requirement, learner):
    return make_requirement()


def assignment_of(user, requirement) -> Assignment:
    return Assignment.objects.get(user=user, requirement=requirement)
