import pytest
from django.contrib.auth.models import AnonymousUser

from organisations.access import (
    organisations_visible_to,
    partnership_for_user,
    user_is_teacher,
    user_roles,
)
from organisations.models import Sector
from tests.accounts.factories import UserFactory
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipLeadFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    partnership = PartnershipFactory()
    other = PartnershipFactory()
    return {
        "partnership": partnership,
        "school": OrganisationFactory(partnership=partnership, sector=Sector.EDUCATION),
        "clinic": OrganisationFactory(partnership=partnership),
        "elsewhere": OrganisationFactory(partnership=other),
    }


def test_a_learner_sees_no_organisations(area, user):
    MembershipFactory(user=user, organisation=area["clinic"])
    assert not organisations_visible_to(user).exists()
    assert not user_roles(user).sees_reports


def test_a_manager_sees_only_the_organisation_they_manage(area, user):
    MembershipFactory(user=user, organisation=area["clinic"], is_manager=True)
    MembershipFactory(user=user, organisation=area["school"], is_manager=False)
    assert list(organisations_visible_to(user)) == [area["clinic"]]


def test_a_lead_sees_every_organisation_in_their_partnership_only(area, user):
    PartnershipLeadFactory(user=user, partnership=area["partnership"])
    assert set(organisations_visible_to(user)) == {area["school"], area["clinic"]}
    assert user_roles(user).sees_reports


def test_an_administrator_sees_everything(area):
    admin = UserFactory(is_superuser=True)
    assert organisations_visible_to(admin).count() == 3


def test_anonymous_visitors_see_nothing(area):
    assert not organisations_visible_to(AnonymousUser()).exists()
    assert partnership_for_user(AnonymousUser()) is None


def test_teachers_are_members_of_a_school(area, user, other_user):
    MembershipFactory(user=user, organisation=area["school"])
    MembershipFactory(user=other_user, organisation=area["clinic"])
    assert user_is_teacher(user)
    assert not user_is_teacher(other_user)


def test_a_learner_gets_their_own_partnership_for_contacts(area, user):
    MembershipFactory(user=user, organisation=area["elsewhere"])
    assert partnership_for_user(user) == area["elsewhere"].partnership


def test_roles_for_the_navigation_come_from_one_query(area, user, django_assert_num_queries):
    MembershipFactory(user=user, organisation=area["school"])
    with django_assert_num_queries(1):
        roles = user_roles(user)
    assert roles.is_teacher and not roles.sees_reports

    PartnershipLeadFactory(user=user, partnership=area["partnership"])
    assert user_roles(user).sees_reports
