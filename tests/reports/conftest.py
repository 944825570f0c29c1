"""A known data set for the reports, built from real records.

Northshire partnership, one requirement (the CSE course, in force for 200
days, due within 60 days of joining or of its start, target 80%), statuses
derived by compliance from enrolments and an approved exemption:

| organisation | sector     | headcount | members | completed | due soon | overdue | exempt |
|--------------|------------|-----------|---------|-----------|----------|---------|--------|
| Ash Health   | health     | 10        | 6       | 3         | 0        | 2       | 1      |
| Birch Police | police     | 4         | 5       | 1         | 4        | 0       | 0      |
| Cedar School | education  | 2         | 0       | 0         | 0        | 0       | 0      |

Coverage: Ash 3/10 = 30%, Birch 1/5 = 20%, Cedar 0/2 = 0%; all 4/17 = 23.5%.
Ash also has a pending request and a leaver, neither of whom counts.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from compliance import services
from compliance.models import ExternalRecord, RecordKind, RecordState
from compliance.recompute import assignments_recompute
from courses.models import Enrolment
from organisations.models import Membership, MembershipState, Partnership, Sector, WorkforceGroup
from tests.accounts.factories import UserFactory, with_totp
from tests.certificates.factories import course_index, course_page
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


@dataclass
class Known:
    partnership: Partnership
    course: object
    requirement: object
    ash: object
    birch: object
    cedar: object
    lead: object
    ash_manager: object
    ash_people: list
    birch_people: list


@pytest.fixture
def known(db, django_capture_on_commit_callbacks):
    course = course_page(course_index())
    partnership = Partnership.objects.create(name="Northshire Safeguarding Children Partnership")
    group = WorkforceGroup.objects.create(
        partnership=partnership, name="Group 2: regular contact", is_default=True
    )
    ash = OrganisationFactory(
        partnership=partnership, name="Ash Health", sector=Sector.HEALTH, headcount=10
    )
    birch = OrganisationFactory(
        partnership=partnership, name="Birch Police", sector=Sector.POLICE, headcount=4
    )
    cedar = OrganisationFactory(
        partnership=partnership, name="Cedar School", sector=Sector.EDUCATION, headcount=2
    )
    lead = PartnershipLeadFactory(
        partnership=partnership, user__full_name="Lou Lead", user__email="lou@northshire.example"
    ).user

    def member(org, name, joined_days_ago, **extra):
        email = f"{name.lower().replace(' ', '.')}@{org.name.split()[0].lower()}.example"
        extra.setdefault("joined_at", days_ago(joined_days_ago))
        return MembershipFactory(
            organisation=org,
            group=group,
            user__full_name=name,
            user__email=email,
            **extra,
        ).user

    ash_manager = member(ash, "Ada Manager", 400, is_manager=True)
    ash_people = [ash_manager] + [
        member(ash, name, 400) for name in ("Ben Ash", "Cy Ash", "Di Ash", "Ed Ash", "Fay Ash")
    ]
    birch_people = [
        member(birch, name, 40)
        for name in ("Gus Birch", "Hal Birch", "Ivy Birch", "Jo Birch", "Kit Birch")
    ]
    member(ash, "Pat Pending", 5, state=MembershipState.PENDING, joined_at=None)
    member(
        ash,
        "Lee Leaver",
        400,
        state=MembershipState.ENDED,
        left_at=days_ago(30),
        left_reason="Moved on",
    )
    # Completed: three at Ash (the manager among them), one at Birch.
    for person in [*ash_people[:3], birch_people[0]]:
        Enrolment.objects.create(
            user=person, course=course, started_at=days_ago(12), completed_at=days_ago(10)
        )
    # Ash's sixth person has an approved exemption without end.
    exempt = ash_people[5]
    with django_capture_on_commit_callbacks(execute=True):
        requirement = services.requirement_create(
            partnership=partnership,
            by=None,
            course=course,
            due_within_days=60,
            starts_on=days_ago(200).date(),
        )
    ExternalRecord.objects.create(
        user=exempt,
        requirement=requirement,
        kind=RecordKind.EXEMPTION,
        state=RecordState.APPROVED,
        reason="Long-term leave",
        submitted_by=exempt,
        decided_by=ash_manager,
        decided_at=timezone.now(),
    )
    assignments_recompute(user_ids=[exempt.pk])
    with_totp(lead)
    return Known(
        partnership,
        course,
        requirement,
        ash,
        birch,
        cedar,
        lead,
        ash_manager,
        ash_people,
        birch_people,
    )


@pytest.fixture
def lead_client(client, known):
    client.force_login(known.lead)
    return client


@pytest.fixture
def manager_client(client, known):
    client.force_login(known.ash_manager)
    return client


@pytest.fixture
def stranger(db):
    return UserFactory(full_name="Sid Stranger", email="sid@elsewhere.example")


# People who may not read the partnership's reports, as tests name them.
OUTSIDERS = ["learner", "teacher", "editor", "other_lead", "manager"]


def outsider(known: Known, who: str):
    """A signed-in person without access to the partnership's reports: a
    learner, a teacher (at Cedar School), an editor, another partnership's lead
    or the Ash manager (who sees Ash's own staff report only)."""
    from django.contrib.auth.models import Group

    if who == "learner":
        return known.birch_people[1]
    if who == "teacher":
        return MembershipFactory(organisation=known.cedar).user
    if who == "editor":
        user = with_totp(UserFactory())
        user.groups.add(Group.objects.get(name="Editors"))
        return user
    if who == "other_lead":
        return PartnershipLeadFactory().user
    return known.ash_manager


def staff_url(org, suffix=""):
    """An organisation's staff report, or one of its exports (``staff.csv``)."""
    return f"/reports/organisations/{org.pk}/{suffix}"


@pytest.fixture
def roles(known):
    """Job roles and a second workforce group at Ash, for the filters."""
    other = WorkforceGroup.objects.create(partnership=known.partnership, name="Group 3: specialist")
    ash = {m.user.full_name: m for m in Membership.objects.filter(organisation=known.ash)}
    Membership.objects.filter(pk__in=[ash["Di Ash"].pk, ash["Ben Ash"].pk]).update(
        job_role="Health visitor"
    )
    Membership.objects.filter(pk=ash["Ed Ash"].pk).update(group=other, job_role="School nurse")
    return other


@pytest.fixture
def second_requirement(known, django_capture_on_commit_callbacks):
    """A requirement Ash's manager set for Ash's staff only, on a second course."""
    from compliance import services
    from tests.certificates.factories import course_page

    course = course_page(known.course.get_parent(), title="Online safety", slug="online-safety")
    with django_capture_on_commit_callbacks(execute=True):
        return services.requirement_create(
            partnership=known.partnership,
            by=known.ash_manager,
            owner_organisation=known.ash,
            course=course,
            due_within_days=60,
            starts_on=timezone.localdate(),
        )
