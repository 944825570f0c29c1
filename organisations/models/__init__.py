from organisations.models.contacts import DefaultContacts
from organisations.models.membership import Membership
from organisations.models.organisation import (
    Organisation,
    OrganisationDomain,
    Sector,
    domain_validator,
)
from organisations.models.partnership import Partnership, PartnershipLead

__all__ = [
    "DefaultContacts",
    "Membership",
    "Organisation",
    "OrganisationDomain",
    "Partnership",
    "PartnershipLead",
    "Sector",
    "domain_validator",
]
