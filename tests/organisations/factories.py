import factory

from organisations.models import (
    Membership,
    Organisation,
    OrganisationDomain,
    Partnership,
    PartnershipLead,
    Sector,
)
from tests.accounts.factories import UserFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Area {n} Safeguarding Children Partnership")
    referral_phone = "01632 960 123"
    referral_email = "front.door@area.example"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.HEALTH
    headcount = 50


class OrganisationDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationDomain

    organisation = factory.SubFactory(OrganisationFactory)
    domain = factory.Sequence(lambda n: f"org{n}.example")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_role = "Practitioner"


class PartnershipLeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipLead

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
