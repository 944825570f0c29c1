"""About 200 fictional staff for the demo, so every staff screen shows something:
people across the organisations and workforce groups, some who have left, a
request waiting at Riverside Academy and an invitation not yet accepted.

Names are made from short lists of common first names and surnames, paired so
no real person is meant. Rows are written in bulk so ``make run`` stays quick.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from organisations.models import (
    Invitation,
    Membership,
    MembershipSource,
    MembershipState,
    OrganisationDomain,
)
from organisations.selectors import workforce_groups_of

FIRST = [
    "Amira",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Femi",
    "Grace",
    "Hugo",
    "Isla",
    "Jon",
    "Kiran",
    "Lola",
    "Marek",
    "Nadia",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tom",
]
LAST = ["Ashdown", "Brook", "Carrow", "Dale", "Elms", "Fenwick", "Gale", "Hollis", "Ives", "Jarrow"]
STAFF = 200
ROLES = ["Practitioner", "Team leader", "Support worker", "Administrator", "Volunteer"]
REQUEST_EMAIL = "pat.pending@mail.example"
INVITED_EMAIL = "new.colleague@riverside.sch.example"
# Demo staff cannot sign in: only the accounts seed_demo prints can.
NO_PASSWORD = make_password(None)


def _people(organisations: list) -> list[tuple[str, str, object]]:
    """(email, name, organisation) for each demo staff member, the same every run."""
    people = []
    domains = dict(
        OrganisationDomain.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "domain"
        )
    )
    for n in range(STAFF):
        first, last = FIRST[n % len(FIRST)], LAST[(n // len(FIRST)) % len(LAST)]
        organisation = organisations[n % len(organisations)]
        domain = domains[organisation.pk]
        people.append((f"{first}.{last}{n}@{domain}".lower(), f"{first} {last}", organisation))
    return people


def demo_workforce(*, partnership, organisations: dict) -> int:
    """Create the demo staff, request and invitation if missing; return how many
    people were added."""
    User = get_user_model()
    people = _people(list(organisations.values()))
    if User.objects.filter(email=people[0][0]).exists():
        return 0
    groups = workforce_groups_of(partnership)
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=email, full_name=name, password=NO_PASSWORD) for email, name, _ in people
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    memberships = []
    for n, (user, (_, _, organisation)) in enumerate(zip(users, people, strict=True)):
        joined = now - timedelta(days=30 + n * 3)
        left = n % 17 == 0  # about one in seventeen has left
        memberships.append(
            Membership(
                user=user,
                organisation=organisation,
                job_role=ROLES[n % len(ROLES)],
                group=groups[n % len(groups)],
                state=MembershipState.ENDED if left else MembershipState.ACTIVE,
                source=MembershipSource.DOMAIN,
                joined_at=joined,
                left_at=now - timedelta(days=n % 20) if left else None,
                left_reason="Moved to another employer" if left else "",
            )
        )
    Membership.objects.bulk_create(memberships)
    _request_and_invitation(organisations["Riverside Academy"])
    return len(users) + 1


def _request_and_invitation(school) -> None:
    User = get_user_model()
    asker = User.objects.create(email=REQUEST_EMAIL, full_name="Pat Pennant", password=NO_PASSWORD)
    EmailAddress.objects.create(user=asker, email=asker.email, verified=True, primary=True)
    Membership.objects.create(
        user=asker,
        organisation=school,
        job_role="Supply teacher",
        state=MembershipState.PENDING,
        source=MembershipSource.REQUEST,
        joined_at=None,
    )
    Invitation.objects.create(
        organisation=school,
        email=INVITED_EMAIL,
        full_name="Noor Castell",
        job_role="Teaching assistant",
        sends_requested=0,  # the demo does not send email
    )
