from organisations.models import Membership, Organisation
from organisations.selectors import organisation_for_email


def membership_join_at_signup(
    *, user, organisation: Organisation | None, job_role: str
) -> Membership | None:
    """Attach a new user to the organisation they chose, or to the one their
    email domain belongs to. An unknown domain with no choice joins nothing."""
    organisation = organisation or organisation_for_email(user.email)
    if organisation is None:
        return None
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"job_role": job_role}
    )
    return membership
