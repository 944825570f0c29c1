import pytest

from organisations.selectors import organisation_for_email
from tests.organisations.factories import OrganisationDomainFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust():
    return OrganisationDomainFactory(domain="trust.example", organisation__name="The Trust")


def test_exact_domain_is_matched(trust):
    assert organisation_for_email("nurse@trust.example") == trust.organisation


def test_domain_is_matched_whatever_the_case(trust):
    assert organisation_for_email("  Nurse@TRUST.Example ") == trust.organisation


def test_a_subdomain_matches_its_parent(trust):
    assert organisation_for_email("nurse@ward7.trust.example") == trust.organisation


def test_the_most_specific_domain_wins(trust):
    ward = OrganisationDomainFactory(domain="ward7.trust.example")
    assert organisation_for_email("nurse@ward7.trust.example") == ward.organisation


@pytest.mark.parametrize("email", ["someone@elsewhere.example", "not-an-email", "", "@", "a@"])
def test_unknown_or_malformed_addresses_match_nothing(trust, email):
    assert organisation_for_email(email) is None


def test_a_lookalike_domain_does_not_match(trust):
    assert organisation_for_email("x@nottrust.example") is None


def test_suggest_endpoint_names_the_organisation(client, trust):
    response = client.get("/organisations/suggest/", {"email": "nurse@trust.example"})
    assert response.json() == {"organisation": {"id": trust.organisation.pk, "name": "The Trust"}}


def test_suggest_endpoint_answers_unknown_domains_calmly(client, trust):
    response = client.get("/organisations/suggest/", {"email": "x@unknown.example"})
    assert response.status_code == 200
    assert response.json() == {"organisation": None}
