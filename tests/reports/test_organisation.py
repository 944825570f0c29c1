"""The organisation view: the staff list with each person's status, its
filters and pages, and who may open it (its exports are in
test_organisation_export.py). On the known data set
(tests/reports/conftest.py)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from compliance.models import Assignment
from compliance.recompute import assignments_recompute
from courses.models import Enrolment
from organisations.models import Membership, Partnership, WorkforceGroup
from tests.accounts.factories import UserFactory, with_totp
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)
from tests.reports.conftest import staff_url as url

pytestmark = pytest.mark.django_db


def names_in(response) -> list[str]:
    return [row.membership.user.full_name for row in response.context["rows"]]


def add_staff(org, n, start=0):
    group = WorkforceGroup.objects.get(partnership=org.partnership, is_default=True)
    users = [
        MembershipFactory(
            organisation=org,
            group=group,
            user__full_name=f"Zed Extra {start + i:03d}",
            user__email=f"zed{start + i:03d}@{org.pk}.example",
            joined_at=timezone.now() - datetime.timedelta(days=40),
        ).user
        for i in range(n)
    ]
    assignments_recompute(user_ids=[u.pk for u in users])
    return users


def test_the_staff_list_shows_each_active_members_status(lead_client, known):
    response = lead_client.get(url(known.ash))
    assert response.status_code == 200
    body = response.content.decode()
    assert names_in(response) == ["Ada Manager", "Ben Ash", "Cy Ash", "Di Ash", "Ed Ash", "Fay Ash"]
    # Neither the pending request nor the leaver is on the list.
    assert "Pat Pending" not in body and "Lee Leaver" not in body
    assert (
        "6 assigned, 3 completed, 0 due soon, 2 overdue, 1 exempt; coverage 30.0% (target 80%)"
        in " ".join(body.split())
    )
    cells = {row.membership.user.full_name: row.cells[0] for row in response.context["rows"]}
    until = Assignment.objects.get(user=known.ash_manager).completed_until
    assert cells["Ada Manager"].tag[0] == f"Completed until {until:%-d %B %Y}"
    assert cells["Di Ash"].tag[0] == "Overdue"
    assert cells["Fay Ash"].tag[0] == "Exempt"
    assert f"Completed until {until:%-d %B %Y}" in body
    due = Assignment.objects.get(user__full_name="Di Ash").due_on
    assert due == known.requirement.starts_on + datetime.timedelta(days=60)
    assert f"Due {due:%-d %b %Y}" in body
    assert ">Overdue</strong>" in body and ">Exempt</strong>" in body
    assert f'href="/reports/organisations/{known.ash.pk}/people/' in body
    assert f'href="/organisations/{known.ash.pk}/staff/"' in body
    assert "6 people" in body


def test_the_manager_sees_their_own_organisation(manager_client, known):
    response = manager_client.get(url(known.ash))
    assert response.status_code == 200
    assert len(response.context["rows"]) == 6
    # A manager does not lead the partnership, so no link to its dashboard.
    assert f"/reports/partnerships/{known.partnership.pk}/" not in response.content.decode()


def test_reports_home_takes_a_manager_of_one_organisation_to_it(manager_client, known):
    response = manager_client.get("/reports/")
    assert response.status_code == 302
    assert response["Location"] == url(known.ash)


def test_the_dashboard_links_each_organisation_to_its_view(lead_client, known):
    body = lead_client.get(f"/reports/partnerships/{known.partnership.pk}/").content.decode()
    assert f'href="/reports/organisations/{known.ash.pk}/"' in body


@pytest.mark.parametrize(
    "org, status, expected",
    [
        ("ash", "overdue", ["Di Ash", "Ed Ash"]),
        ("ash", "not_completed", ["Di Ash", "Ed Ash"]),
        ("ash", "due_30", []),
        ("birch", "due_30", ["Hal Birch", "Ivy Birch", "Jo Birch", "Kit Birch"]),
        ("birch", "not_completed", ["Hal Birch", "Ivy Birch", "Jo Birch", "Kit Birch"]),
        ("birch", "overdue", []),
    ],
)
def test_the_status_filters(lead_client, known, org, status, expected):
    organisation = getattr(known, org)
    response = lead_client.get(
        url(organisation), {"status": status, "requirement": known.requirement.pk}
    )
    assert names_in(response) == expected
    if not expected:
        assert "No one matches these filters." in response.content.decode()


def test_a_renewal_falling_due_is_due_but_still_completed(lead_client, known):
    cy = known.ash_people[2]
    Enrolment.objects.filter(user=cy).update(
        started_at=timezone.now() - datetime.timedelta(days=352),
        completed_at=timezone.now() - datetime.timedelta(days=350),
    )
    assignments_recompute(user_ids=[cy.pk])
    assignment = Assignment.objects.get(user=cy)
    assert (assignment.status, assignment.cycle) == ("due_soon", 1)
    assert names_in(lead_client.get(url(known.ash), {"status": "due_30"})) == ["Cy Ash"]
    assert names_in(lead_client.get(url(known.ash), {"status": "not_completed"})) == [
        "Di Ash",
        "Ed Ash",
    ]
    body = lead_client.get(url(known.ash), {"q": "cy.ash"}).content.decode()
    assert f"Completed until {assignment.completed_until:%-d %b %Y}" in body
    assert f"Due {assignment.due_on:%-d %b %Y}" in body


def test_the_status_filter_applies_to_the_first_requirement_by_default(lead_client, known):
    response = lead_client.get(url(known.ash), {"status": "overdue"})
    assert names_in(response) == ["Di Ash", "Ed Ash"]
    assert "2 people" in response.content.decode()


def test_filters_by_group_job_role_and_search(lead_client, known, roles):
    assert names_in(lead_client.get(url(known.ash), {"group": roles.pk})) == ["Ed Ash"]
    assert names_in(lead_client.get(url(known.ash), {"job_role": "Health visitor"})) == [
        "Ben Ash",
        "Di Ash",
    ]
    both = {"job_role": "Health visitor", "status": "overdue"}
    assert names_in(lead_client.get(url(known.ash), both)) == ["Di Ash"]
    assert names_in(lead_client.get(url(known.ash), {"q": "fay"})) == ["Fay Ash"]
    assert names_in(lead_client.get(url(known.ash), {"q": "ada.manager@ash"})) == ["Ada Manager"]
    page = lead_client.get(url(known.ash)).content.decode()
    # The job role choices come from the organisation's memberships.
    assert '<option value="School nurse">School nurse</option>' in page
    assert '<label class="govuk-label govuk-label--s" for="id_job_role">Job role</label>' in page


@pytest.mark.parametrize(
    "query",
    [
        {"status": "whenever"},
        {"requirement": "nine"},
        {"requirement": "999999"},
        {"group": "x"},
        {"job_role": "Astronaut"},
        {"q": "x" * 300},
        {"page": "last-but-one"},
    ],
)
def test_bad_filters_give_a_message_not_an_error(lead_client, known, query):
    response = lead_client.get(url(known.ash), query)
    assert response.status_code == 200
    if "page" not in query:
        assert "Some filters were not recognised" in response.content.decode()
    assert len(response.context["rows"]) == 6


def test_staff_are_shown_fifty_a_page(lead_client, known):
    add_staff(known.birch, 55)
    first = lead_client.get(url(known.birch))
    assert len(first.context["rows"]) == 50
    assert "60 people" in first.content.decode()
    assert "Page 1 of 2" in first.content.decode()
    second = lead_client.get(url(known.birch), {"page": 2, "status": "due_30"})
    assert len(second.context["rows"]) == 9  # 59 due soon in all: Gus has completed
    assert 'rel="prev"' in second.content.decode()
    assert "status=due_30&amp;page=1" in second.content.decode()


@pytest.mark.parametrize("query", [{}, {"status": "not_completed", "q": "birch"}])
def test_the_list_costs_the_same_queries_at_five_and_sixty_staff(
    lead_client, known, django_assert_max_num_queries, query
):
    lead_client.get(url(known.birch))  # sessions and caches warmed
    bound = 16
    with django_assert_max_num_queries(bound):
        assert lead_client.get(url(known.birch), query).status_code == 200
    add_staff(known.birch, 55)
    with django_assert_max_num_queries(bound):
        response = lead_client.get(url(known.birch), query)
    assert len(response.context["rows"]) == (50 if not query else 4)


def test_each_requirement_that_applies_has_a_column(lead_client, known, second_requirement):
    ash = lead_client.get(url(known.ash))
    assert [r.course.title for r in ash.context["requirements"]] == [
        "Child sexual exploitation: spotting the signs",
        "Online safety",
    ]
    body = " ".join(ash.content.decode().split())
    assert "<strong>Online safety</strong>: 6 assigned, 0 completed, 0 due soon, 0 overdue" in body
    cells = {r.membership.user.full_name: r.cells for r in ash.context["rows"]}
    assert [c.tag[0] for c in cells["Di Ash"]] == ["Overdue", "Not started"]
    # The status filter applies to the requirement chosen.
    chosen = {"status": "not_completed", "requirement": second_requirement.pk}
    assert len(lead_client.get(url(known.ash), chosen).context["rows"]) == 6
    # Birch is not in the second requirement's audience.
    birch = lead_client.get(url(known.birch))
    assert [r.course.title for r in birch.context["requirements"]] == [known.course.title]


def test_user_text_is_escaped(lead_client, known):
    Membership.objects.filter(user=known.ash_people[1]).update(job_role="<b>Boss</b>")
    known.ash_people[1].full_name = "<script>alert(1)</script>"
    known.ash_people[1].save()
    body = lead_client.get(url(known.ash)).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    assert "<b>Boss</b>" not in body


# Who may open it


def editor():
    user = with_totp(UserFactory(full_name="Eve Editor"))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def other_lead():
    other = Partnership.objects.create(name="Southshire Partnership")
    return with_totp(PartnershipLeadFactory(partnership=other).user)


def teacher(known):
    return MembershipFactory(organisation=known.cedar, user__full_name="Tess Teacher").user


PEOPLE = {
    "learner": lambda known: known.ash_people[1],
    "teacher": teacher,
    "editor": lambda known: editor(),
    "lead of another partnership": lambda known: other_lead(),
    "no role at all": lambda known: UserFactory(),
}


@pytest.mark.parametrize("who", PEOPLE)
def test_people_without_a_reporting_role_get_404(client, known, who):
    client.force_login(PEOPLE[who](known))
    membership = Membership.objects.get(user=known.ash_people[2])
    paths = [] if who == "lead of another partnership" else ["/reports/"]
    for path in [
        *paths,
        url(known.ash),
        url(known.ash, "staff.csv"),
        url(known.ash, f"people/{membership.pk}/"),
    ]:
        assert client.get(path).status_code == 404, path


def test_a_manager_cannot_open_another_organisation(manager_client, known):
    assert manager_client.get(url(known.birch)).status_code == 404
    assert manager_client.get(url(known.birch, "staff.csv")).status_code == 404
    assert manager_client.get("/reports/organisations/999999/").status_code == 404


def test_an_organisation_of_another_partnership_is_404_for_the_lead(lead_client, known):
    elsewhere = OrganisationFactory(partnership=Partnership.objects.create(name="Westshire"))
    assert lead_client.get(url(elsewhere)).status_code == 404
