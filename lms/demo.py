"""Demo content for a first look at the platform: one partnership, its
organisations, a home page and one person in each role. Safe to run again."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site

from lms.demo_workforce import demo_workforce
from lms.models import HomePage
from organisations.models import (
    Membership,
    Organisation,
    OrganisationDomain,
    Partnership,
    PartnershipLead,
    Sector,
)
from organisations.selectors import default_group_of

PARTNERSHIP = {
    "name": "Northvale Safeguarding Children Partnership",
    "label": "Safeguarding Children Partnership",
    # 01632 960xxx is set aside for fiction, so it can never reach a real line.
    "referral_phone": "01632 960 000",
    "referral_email": "front.door@northvale.example",
    "website": "https://safeguarding.northvale.example",
    "designated_officer": "Designated officer (LADO): 01632 960 001, lado@northvale.example",
}

ORGANISATIONS = [
    ("Northvale Police", Sector.POLICE, 900, "police.northvale.example"),
    ("Northvale Community Health Trust", Sector.HEALTH, 1200, "health.northvale.example"),
    ("Northvale Children's Social Care", Sector.SOCIAL_CARE, 350, "care.northvale.example"),
    ("Riverside Academy", Sector.EDUCATION, 110, "riverside.sch.example"),
    ("Northvale Primary School", Sector.EDUCATION, 45, "primary.northvale.sch.example"),
    ("Little Acorns Nursery", Sector.EARLY_YEARS, 25, "littleacorns.example"),
    ("Northvale Youth Project", Sector.VOLUNTARY, 40, "youthproject.example"),
    ("Northvale Youth Justice Service", Sector.PROBATION, 60, "yjs.northvale.example"),
    ("Northvale Homes", Sector.HOUSING, 180, "homes.northvale.example"),
    ("Northvale Taxi and Private Hire Licensing", Sector.LICENSED, 400, "taxi.northvale.example"),
]


@dataclass(frozen=True)
class DemoUser:
    role: str
    email: str
    full_name: str
    password: str
    organisation: str | None = None
    job_role: str = ""


DEMO_USERS = [
    DemoUser(
        "learner",
        "learner@health.northvale.example",
        "Lee Learner",
        "demo-learner-pass",
        "Northvale Community Health Trust",
        "School nurse",
    ),
    DemoUser(
        "teacher",
        "teacher@riverside.sch.example",
        "Tia Teacher",
        "demo-teacher-pass",
        "Riverside Academy",
        "Year 9 form tutor",
    ),
    DemoUser(
        "organisation manager",
        "manager@care.northvale.example",
        "Morgan Manager",
        "demo-manager-pass",
        "Northvale Children's Social Care",
        "Team manager",
    ),
    DemoUser(
        "organisation manager",
        "head@riverside.sch.example",
        "Helen Hart",
        "demo-head-pass",
        "Riverside Academy",
        "Headteacher",
    ),
    DemoUser(
        "partnership lead",
        "lead@northvale.example",
        "Lena Lead",
        "demo-lead-pass",
        None,
        "Partnership business manager",
    ),
    DemoUser(
        "editor",
        "editor@northvale.example",
        "Eddie Editor",
        "demo-editor-pass",
        None,
        "Training content editor",
    ),
    DemoUser(
        "administrator",
        "admin@northvale.example",
        "Ada Admin",
        "demo-admin-pass",
        None,
        "Service administrator",
    ),
]


@transaction.atomic
def seed_demo() -> dict[str, int]:
    """Create whatever demo content is missing; return how many rows were added."""
    created = {"organisations": 0, "users": 0, "pages": 0}
    partnership, _ = Partnership.objects.get_or_create(
        name=PARTNERSHIP["name"], defaults=PARTNERSHIP
    )
    organisations = {}
    for name, sector, headcount, domain in ORGANISATIONS:
        organisation, made = Organisation.objects.get_or_create(
            partnership=partnership,
            name=name,
            defaults={"sector": sector, "headcount": headcount},
        )
        OrganisationDomain.objects.get_or_create(
            domain=domain, defaults={"organisation": organisation}
        )
        organisations[name] = organisation
        created["organisations"] += made
    for demo in DEMO_USERS:
        created["users"] += _demo_user(demo, organisations, partnership)
    created["users"] += demo_workforce(partnership=partnership, organisations=organisations)
    created["pages"] += _home_page()
    return created


def _demo_user(demo: DemoUser, organisations, partnership) -> bool:
    User = get_user_model()
    user, made = User.objects.get_or_create(
        email=demo.email, defaults={"full_name": demo.full_name, "job_role": demo.job_role}
    )
    if made:
        user.set_password(demo.password)
        if demo.role == "administrator":
            user.is_staff = user.is_superuser = True
        if demo.role == "editor":
            user.is_staff = True
        user.save()
        if demo.role == "editor":
            user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    EmailAddress.objects.get_or_create(
        user=user, email=demo.email, defaults={"verified": True, "primary": True}
    )
    if demo.organisation:
        Membership.objects.get_or_create(
            user=user,
            organisation=organisations[demo.organisation],
            defaults={
                "job_role": demo.job_role,
                "is_manager": demo.role == "organisation manager",
                "group": default_group_of(partnership),
            },
        )
    if demo.role == "partnership lead":
        PartnershipLead.objects.get_or_create(user=user, partnership=partnership)
    return made


def _home_page() -> bool:
    if HomePage.objects.exists():
        return False
    # Wagtail's "Welcome" placeholder is replaced, not left lying about. Deleting
    # it takes its Site row with it; a new one is made below.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Keeping children safe from sexual exploitation",
            slug="home",
            lead=(
                "Training for everyone who works with children and young people in the "
                "partnership, lesson plans for schools, and evidence of what the "
                "programme reaches."
            ),
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return True
