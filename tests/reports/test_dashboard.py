"""The partnership dashboard, on the known data set (tests/reports/conftest.py)."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.models.audit_log import ModelLogEntry

from compliance.models import Assignment
from reports.models import CoverageSnapshot, ImmutableRecordError
from reports.selectors.coverage import partnership_coverage
from reports.snapshots import take_snapshot
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.mfa import reauthenticate
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)
from tests.reports.conftest import OUTSIDERS, outsider

pytestmark = pytest.mark.django_db


def url(known, suffix=""):
    return f"/reports/partnerships/{known.partnership.pk}/{suffix}"


def figures(entry):
    return {
        row.label: (
            row.counts.headcount,
            row.counts.members,
            row.counts.assigned,
            row.counts.completed,
            row.counts.due_soon,
            row.counts.overdue,
            row.counts.exempt,
            row.counts.coverage,
            row.below_target,
        )
        for row in [entry.total, *entry.sectors, *entry.organisations]
    }


def test_statuses_are_derived_from_the_records(known):
    statuses = sorted(
        Assignment.objects.filter(organisation=known.ash).values_list("status", flat=True)
    )
    assert statuses == ["completed", "completed", "completed", "exempt", "overdue", "overdue"]


def test_every_figure_on_the_known_data_set(known):
    [entry] = partnership_coverage(known.partnership)
    assert figures(entry) == {
        "All organisations": (16, 11, 11, 4, 4, 2, 1, 23.5, True),
        "Health": (10, 6, 6, 3, 0, 2, 1, 30.0, True),
        "Police": (4, 5, 5, 1, 4, 0, 0, 20.0, True),
        "Education": (2, 0, 0, 0, 0, 0, 0, 0.0, True),
        "Ash Health": (10, 6, 6, 3, 0, 2, 1, 30.0, True),
        "Birch Police": (4, 5, 5, 1, 4, 0, 0, 20.0, True),
        "Cedar School": (2, 0, 0, 0, 0, 0, 0, 0.0, True),
    }
    # Coverage divides by the larger of headcount and members: 10 + 5 + 2.
    assert entry.total.counts.denominator == 17


def test_the_target_is_compared_exactly(known):
    known.requirement.target_percent = 30
    known.requirement.save()
    [entry] = partnership_coverage(known.partnership)
    rows = {row.label: row.below_target for row in entry.organisations}
    assert rows == {"Ash Health": False, "Birch Police": True, "Cedar School": True}


def test_the_page_shows_the_figures_marked_in_words(lead_client, known):
    response = lead_client.get(url(known))
    assert response.status_code == 200
    body = response.content.decode()
    assert "23.5%" in body and "30.0%" in body and "20.0%" in body
    # Below target is said in words, not only by colour.
    assert body.count("Below target") >= 4
    assert "Meets target" not in body


def test_organisation_names_are_escaped_in_the_table(lead_client, known):
    known.ash.name = '<img src=x onerror="alert(1)"> Ash & Co'
    known.ash.save()
    body = lead_client.get(url(known)).content.decode()
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Ash &amp; Co</a>" in body
    assert f'href="/reports/organisations/{known.ash.pk}/"' in body


def test_filter_by_sector(lead_client, known):
    response = lead_client.get(url(known), {"sector": "police"})
    entry = response.context["chosen"]
    assert [row.label for row in entry.organisations] == ["Birch Police"]
    assert entry.total.counts.coverage == 20.0


def test_sort_organisations_by_coverage(lead_client, known):
    response = lead_client.get(url(known), {"sort": "coverage", "order": "desc"})
    assert [row.label for row in response.context["organisations"]] == [
        "Ash Health",
        "Birch Police",
        "Cedar School",
    ]
    body = response.content.decode()
    assert 'aria-sort="descending"' in body


def test_unrecognised_filters_are_ignored_with_a_message(lead_client, known):
    response = lead_client.get(url(known), {"sector": "pirates", "as_at": "1999-99-99"})
    assert response.status_code == 200
    assert "Some filters were not recognised" in response.content.decode()
    assert response.context["chosen"].total.counts.coverage == 23.5


def test_a_snapshot_keeps_its_figures_when_records_change(lead_client, known):
    response = lead_client.post(url(known, "snapshots/"))
    assert response.status_code == 302
    assert CoverageSnapshot.objects.count() == 3
    today = timezone.localdate()
    # A second snapshot the same day writes nothing and changes nothing.
    lead_client.post(url(known, "snapshots/"))
    assert CoverageSnapshot.objects.count() == 3
    # Records change afterwards: two more people at Birch complete.
    from compliance.recompute import assignments_recompute
    from courses.models import Enrolment

    for person in known.birch_people[1:3]:
        Enrolment.objects.create(
            user=person, course=known.course, started_at=timezone.now(), completed_at=timezone.now()
        )
    assignments_recompute(user_ids=[p.pk for p in known.birch_people])
    live = lead_client.get(url(known)).context["chosen"]
    assert live.total.counts.completed == 6
    then = lead_client.get(url(known), {"as_at": today.isoformat()}).context["chosen"]
    assert then.total.counts.completed == 4
    assert then.total.counts.coverage == 23.5


def test_snapshots_cannot_be_changed_or_deleted(known):
    take_snapshot(known.partnership)
    snapshot = CoverageSnapshot.objects.first()
    snapshot.completed = 99
    with pytest.raises(ImmutableRecordError):
        snapshot.save()
    with pytest.raises(ImmutableRecordError):
        snapshot.delete()
    with pytest.raises(ImmutableRecordError):
        CoverageSnapshot.objects.update(completed=99)
    with pytest.raises(ImmutableRecordError):
        CoverageSnapshot.objects.all().delete()


def test_the_trend_reads_month_end_snapshots(lead_client, known):
    today = timezone.localdate()
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    take_snapshot(known.partnership, as_at=last_month_end)
    chart = lead_client.get(url(known)).context["chart"]
    assert len(chart.points) == 12
    assert chart.points[-1].month == last_month_end
    assert chart.points[-1].label == "23.5%"
    assert all(p.label == "no snapshot" for p in chart.points[:-1])
    body = lead_client.get(url(known)).content.decode()
    assert 'role="img"' in body and '<title id="trend-title">' in body
    assert "Target 80%" in body


def rows_of(response):
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(body)))


def test_export_csv_and_xlsx(lead_client, known):
    reauthenticate(lead_client, PASSWORD)
    response = lead_client.get(url(known, "coverage.csv"))
    assert response.status_code == 200
    rows = rows_of(response)
    assert rows[0][:3] == ["Requirement", "Sector", "Organisation"]
    ash = next(r for r in rows if r[2] == "Ash Health")
    assert ash[3:13] == ["10", "6", "6", "3", "0", "2", "1", "30.0", "80", "Yes"]
    response = lead_client.get(url(known, "coverage.xlsx"), {"sector": "police"})
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 2
    assert values[1][2] == "Birch Police" and values[1][6] == 1 and values[1][10] == 20.0
    entries = ModelLogEntry.objects.filter(action="reports.export").order_by("timestamp")
    assert [e.data["format"] for e in entries] == ["CSV", "XLSX"]
    assert entries[1].data["filters"] == "sector=police"
    assert entries[1].user == known.lead
    assert not PageLogEntry.objects.filter(action="reports.export").exists()


def test_export_needs_a_recent_password(lead_client, known):
    response = lead_client.get(url(known, "coverage.csv"))
    assert response.status_code == 302
    assert "/reauthenticate/" in response["Location"]


def test_unknown_export_format_is_404(lead_client, known):
    reauthenticate(lead_client, PASSWORD)
    assert lead_client.get(url(known, "coverage.pdf")).status_code == 404


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_partnerships_leads_see_the_dashboard(client, known, who):
    user = outsider(known, who)
    client.force_login(user)
    for suffix in ("", "coverage.csv", "snapshots/"):
        response = (
            client.post(url(known, suffix))
            if suffix == "snapshots/"
            else client.get(url(known, suffix))
        )
        assert response.status_code == 404, (who, suffix)
    if who in ("learner", "teacher", "editor"):
        assert client.get("/reports/").status_code == 404


def test_reports_home_sends_a_lead_to_their_dashboard(lead_client, known):
    response = lead_client.get("/reports/")
    assert response.status_code == 302
    assert response["Location"] == url(known)


def test_reports_home_lists_several_partnerships(client, known):
    lead = known.lead
    PartnershipLeadFactory(user=lead)
    client.force_login(lead)
    response = client.get("/reports/")
    assert response.status_code == 200
    assert known.partnership.name in response.content.decode()


def test_the_navigation_links_reports_for_leads_only(client, known):
    client.force_login(known.lead)
    assert 'href="/reports/"' in client.get("/my-learning/").content.decode()
    client.force_login(known.birch_people[1])
    assert 'href="/reports/"' not in client.get("/my-learning/").content.decode()


def _grow(known, organisations: int, staff_each: int):
    from organisations.models import WorkforceGroup

    group = WorkforceGroup.objects.get(partnership=known.partnership)
    for _ in range(organisations):
        org = OrganisationFactory(partnership=known.partnership, headcount=9)
        for _person in range(staff_each):
            MembershipFactory(organisation=org, group=group)
    from compliance.reconcile import assignments_reconcile

    assignments_reconcile()


def test_the_dashboard_costs_the_same_queries_at_two_sizes(lead_client, known):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cost():
        with CaptureQueriesContext(connection) as queries:
            response = lead_client.get(url(known))
        assert response.status_code == 200
        return len(queries), len(response.context["organisations"])

    lead_client.get(url(known))  # the MFA check is cached after the first page
    _grow(known, 1, 2)
    take_snapshot(known.partnership)
    small, organisations = cost()
    assert organisations == 4
    _grow(known, 8, 6)
    large, organisations = cost()
    assert organisations == 12
    assert small == large <= 16


def test_administrators_read_the_export_log(client, lead_client, known):
    from allauth.mfa.models import Authenticator

    reauthenticate(lead_client, PASSWORD)
    lead_client.get(url(known, "coverage.csv"), {"sector": "health"})
    admin = UserFactory(is_superuser=True, full_name="Ada Admin", email="ada@example.org")
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(admin)
    response = client.get("/admin/reports/site-history/", {"action": "reports.export"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Coverage by organisation exported as CSV. Filters: sector=health" in html
    assert "Lou Lead" in html
    assert 'value="reports.export"' in html
