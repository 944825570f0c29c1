"""The full export of every training record: rows and values read back from
the CSV, local times, formula safety, who may download it, the audit entry,
and a query count that does not grow with the records."""

import csv
import datetime
import io

import pytest
from wagtail.models.audit_log import ModelLogEntry

from certificates.models import Certificate
from courses.models import Enrolment
from organisations.models import WorkforceGroup
from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import reauthenticate
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
)
from tests.reports.conftest import OUTSIDERS, outsider

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def url(known):
    return f"/reports/partnerships/{known.partnership.pk}/records.csv"


def rows_of(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


def download(client, known):
    """The header, then the rows by organisation, person and start (the file
    comes in no particular order)."""
    reauthenticate(client, PASSWORD)
    response = client.get(url(known))
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    header, *rows = rows_of(response)
    return [header, *sorted(rows, key=lambda r: (r[2], r[0], r[6]))]


@pytest.fixture
def records(known):
    """On top of the known data set: Ben Ash's certificate (issued, later
    revoked), a refresher he has started, a summer completion for Gus Birch
    with a certificate, and people whose records must not appear."""
    ben, gus = known.ash_people[1], known.birch_people[0]
    Enrolment.objects.filter(user=ben).update(
        started_at=datetime.datetime(2026, 1, 15, 9, 0, tzinfo=UTC),
        completed_at=datetime.datetime(2026, 1, 15, 9, 25, tzinfo=UTC),
    )
    ben_done = Enrolment.objects.get(user=ben)
    Certificate.objects.create(
        enrolment=ben_done,
        code="BENCODE0001",
        state=Certificate.State.ISSUED,
        holder_name=ben.full_name,
        course_title=known.course.title,
        completed_at=ben_done.completed_at,
        issued_at=datetime.datetime(2026, 1, 15, 9, 30, tzinfo=UTC),
        expires_at=datetime.datetime(2027, 1, 15, 9, 30, tzinfo=UTC),
        revoked_at=datetime.datetime(2026, 2, 1, tzinfo=UTC),
        revocation_reason="Issued in error",
    )
    Enrolment.objects.create(
        user=ben, course=known.course, started_at=datetime.datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    )
    Enrolment.objects.filter(user=gus).update(
        started_at=datetime.datetime(2025, 7, 1, 12, 0, tzinfo=UTC),
        completed_at=datetime.datetime(2025, 7, 1, 13, 5, tzinfo=UTC),
    )
    gus_done = Enrolment.objects.get(user=gus)
    Certificate.objects.create(
        enrolment=gus_done,
        code="GUSCODE0001",
        state=Certificate.State.ISSUED,
        holder_name=gus.full_name,
        course_title=known.course.title,
        completed_at=gus_done.completed_at,
        issued_at=datetime.datetime(2025, 7, 1, 13, 6, tzinfo=UTC),
        expires_at=datetime.datetime(2026, 7, 1, 13, 5, tzinfo=UTC),
    )
    # The leaver's and an outsider's enrolments stay out of the export.
    leaver = known.ash.memberships.get(state="ended").user
    outsider = MembershipFactory(user__full_name="Olly Outsider").user
    for person in (leaver, outsider):
        Enrolment.objects.create(user=person, course=known.course)
    return known


def test_one_row_per_enrolment_of_each_active_member(lead_client, records):
    rows = download(lead_client, records)
    assert rows[0] == [
        "Name",
        "Email",
        "Organisation",
        "Sector",
        "Workforce group",
        "Course",
        "Started at",
        "Completed at",
        "Certificate code",
        "Certificate issued at",
        "Certificate valid until",
        "Revoked",
    ]
    people = [(r[2], r[0]) for r in rows[1:]]
    assert people == [
        ("Ash Health", "Ada Manager"),
        ("Ash Health", "Ben Ash"),
        ("Ash Health", "Ben Ash"),
        ("Ash Health", "Cy Ash"),
        ("Birch Police", "Gus Birch"),
    ]
    assert all(name not in str(rows) for name in ("Lee Leaver", "Olly Outsider", "Pat Pending"))


def test_values_and_local_times(lead_client, records):
    rows = download(lead_client, records)
    ben_done, ben_open = rows[2], rows[3]
    course = records.course.title
    assert ben_done[:6] == [
        "Ben Ash",
        "ben.ash@ash.example",
        "Ash Health",
        "Health",
        "Group 2: regular contact",
        course,
    ]
    # Winter: UK time is UTC.
    assert ben_done[6:] == [
        "2026-01-15 09:00",
        "2026-01-15 09:25",
        "BENCODE0001",
        "2026-01-15 09:30",
        "2027-01-15",
        "Yes",
    ]
    assert ben_open[6:] == ["2026-03-02 08:00", "", "", "", "", ""]
    gus = rows[5]
    # Summer: UK time is an hour ahead of UTC.
    assert gus[3] == "Police"
    assert gus[6:] == [
        "2025-07-01 13:00",
        "2025-07-01 14:05",
        "GUSCODE0001",
        "2025-07-01 14:06",
        "2026-07-01",
        "No",
    ]


def test_cells_that_look_like_formulas_are_plain_text(lead_client, records):
    ben = records.ash_people[1]
    ben.full_name = '=HYPERLINK("http://evil.example","x")'
    ben.save()
    rows = download(lead_client, records)
    assert {r[0] for r in rows if r[1] == "ben.ash@ash.example"} == {
        '\'=HYPERLINK("http://evil.example","x")'
    }


def test_the_download_is_logged(lead_client, records):
    download(lead_client, records)
    entry = ModelLogEntry.objects.get(action="reports.export")
    assert entry.user == records.lead
    assert entry.data["what"] == "Every training record"
    assert entry.data["format"] == "CSV"


def test_it_needs_a_recent_password(lead_client, records):
    response = lead_client.get(url(records))
    assert response.status_code == 302
    assert "/reauthenticate/" in response["Location"]
    assert not ModelLogEntry.objects.filter(action="reports.export").exists()


def test_the_dashboard_links_it(lead_client, records):
    body = lead_client.get(f"/reports/partnerships/{records.partnership.pk}/").content.decode()
    assert f'href="{url(records)}">Every training record (CSV)</a>' in body


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_partnerships_leads_may_download_it(client, records, who):
    user = outsider(records, who)
    client.force_login(user)
    if who != "learner":
        reauthenticate(client, PASSWORD)
    assert client.get(url(records)).status_code == 404


def test_a_missing_partnership_is_404(lead_client, records):
    reauthenticate(lead_client, PASSWORD)
    assert lead_client.get("/reports/partnerships/999999/records.csv").status_code == 404


def _grow(known, organisations: int, staff_each: int):
    group = WorkforceGroup.objects.get(partnership=known.partnership)
    for _ in range(organisations):
        org = OrganisationFactory(partnership=known.partnership)
        for _person in range(staff_each):
            person = MembershipFactory(organisation=org, group=group).user
            done = Enrolment.objects.create(
                user=person,
                course=known.course,
                started_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
                completed_at=datetime.datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
            )
            Certificate.objects.create(
                enrolment=done,
                code=f"C{done.pk:010d}",
                holder_name=person.full_name,
                course_title=known.course.title,
                completed_at=done.completed_at,
            )
            Enrolment.objects.create(user=person, course=known.course)


def test_the_queries_do_not_grow_with_the_records(
    lead_client, records, monkeypatch, django_assert_max_num_queries
):
    from reports.selectors import records as selector

    monkeypatch.setattr(selector, "CHUNK", 3)  # several chunks at either size
    reauthenticate(lead_client, PASSWORD)
    lead_client.get(url(records))  # the MFA check is cached after the first request
    counted = []
    for organisations, staff_each, expected_rows in ((1, 2, 9), (3, 5, 39)):
        _grow(records, organisations, staff_each)
        with django_assert_max_num_queries(12) as queries:
            rows = rows_of(lead_client.get(url(records)))
        assert len(rows) - 1 == expected_rows
        counted.append(len(queries))
    assert counted[0] == counted[1]
