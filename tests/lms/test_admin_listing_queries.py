"""Admin listings cost the same number of queries for a few rows or many."""

import pytest
from allauth.mfa.models import Authenticator

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_superuser=True)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin)
    return client


def _count(client, url, django_assert_max_num_queries) -> int:
    client.get(url)  # warm the per-process caches
    with django_assert_max_num_queries(60) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def course(db):
    from tests.certificates.factories import course_index, course_page

    return course_page(course_index())


def _certificates(course, n):
    """``n`` learners, each in an organisation of a partnership of its own with
    its branding, each with a certificate."""
    from certificates.models import CertificateBranding
    from certificates.services import certificate_issue_on_completion
    from tests.certificates.factories import completed_enrolment
    from tests.organisations.factories import MembershipFactory, OrganisationFactory

    for _ in range(n):
        user = UserFactory()
        organisation = OrganisationFactory()
        MembershipFactory(user=user, organisation=organisation)
        CertificateBranding.objects.get_or_create(partnership=organisation.partnership)
        certificate_issue_on_completion(enrolment=completed_enrolment(user=user, course=course))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/certificates/",
        "/admin/certificate-branding/",
        "/admin/certificate-branding/results/",  # the list's search and paging
        "/admin/certificates-stuck/",
        "/admin/users/",
    ],
)
def test_admin_listings_do_not_grow_with_rows(
    admin_client, course, url, django_assert_max_num_queries
):
    _certificates(course, 2)
    small = _count(admin_client, url, django_assert_max_num_queries)
    _certificates(course, 10)
    large = _count(admin_client, url, django_assert_max_num_queries)
    assert small == large, (url, small, large)
