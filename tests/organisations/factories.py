import factory

from organisations.models import (
    Membership,
    Organisation,
    OrganisationDomain,
    Partnership,
    PartnershipLead,
    Sector,
)
from tests.accounts.factories import UserFactory, with_totp


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
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    job_role = "Practitioner"

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """Managers have an authenticator unless a test asks otherwise (mfa=False)."""
        if create and self.is_manager and extracted is not False:
            with_totp(self.user)


class PartnershipLeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipLead
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """Leads have an authenticator unless a test asks otherwise (mfa=False)."""
        if create and extracted is not False:
            with_totp(self.user)
