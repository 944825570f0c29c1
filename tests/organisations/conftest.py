import pytest

from organisations.models import Sector
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationDomainFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)


@pytest.fixture
def school(db):
    school = OrganisationFactory(name="Riverside Academy", sector=Sector.EDUCATION)
    OrganisationDomainFactory(organisation=school, domain="riverside.sch.example")
    return school


@pytest.fixture
def other_school(school):
    return OrganisationFactory(
        name="Hilltop High", sector=Sector.EDUCATION, partnership=school.partnership
    )


@pytest.fixture
def head(school):
    """The school's manager, with an authenticator as privileged people must have."""
    return MembershipFactory(
        organisation=school,
        is_manager=True,
        user__email="head@riverside.sch.example",
        user__full_name="Hana Head",
    ).user


@pytest.fixture
def head_client(client, head):
    client.force_login(head)
    return client


@pytest.fixture
def lead(school):
    return PartnershipLeadFactory(partnership=school.partnership).user
