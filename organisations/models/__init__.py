from organisations.models.contacts import DefaultContacts
from organisations.models.imports import StaffImport, StaffImportState
from organisations.models.invitations import Invitation
from organisations.models.membership import Membership, MembershipSource, MembershipState
from organisations.models.organisation import (
    Organisation,
    OrganisationDomain,
    Sector,
    domain_validator,
)
from organisations.models.partnership import Partnership, PartnershipLead
from organisations.models.workforce import WorkforceGroup

__all__ = [
    "DefaultContacts",
    "Invitation",
    "Membership",
    "MembershipSource",
    "MembershipState",
    "Organisation",
    "OrganisationDomain",
    "Partnership",
    "PartnershipLead",
    "Sector",
    "StaffImport",
    "StaffImportState",
    "WorkforceGroup",
    "domain_validator",
]
