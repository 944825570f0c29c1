"""The organisation view's exports: a row per person and requirement, the
filters followed, completion times, re-authentication and the audit trail.
On the known data set (tests/reports/conftest.py)."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from compliance.models import Assignment
from courses.models import Enrolment
from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import reauthenticate
from tests.reports.conftest import staff_url as url

pytestmark = pytest.mark.django_db

# Spelt out here, not read from the view: the columns are what a reader of the
# file relies on.
HEADER = [
    "Name",
    "Email",
    "Job role",
    "Workforce group",
    "Requirement",
    "Status",
    "Due date",
    "Completed on",
    "Valid until",
    "Exempt until",
]


def export(client, org, fmt, query=None):
    reauthenticate(client, PASSWORD)
    response = client.get(url(org, f"staff.{fmt}"), query or {})
    assert response.status_code == 200, response
    return response


def read_csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_export_has_a_row_per_person_and_requirement(lead_client, known, roles):
    rows = read_csv(export(lead_client, known.ash, "csv"))
    assert [r["Name"] for r in rows] == [
        "Ada Manager",
        "Ben Ash",
        "Cy Ash",
        "Di Ash",
        "Ed Ash",
        "Fay Ash",
    ]
    by_name = {r["Name"]: r for r in rows}
    ada = by_name["Ada Manager"]
    assignment = Assignment.objects.get(user=known.ash_manager)
    completed_at = Enrolment.objects.get(user=known.ash_manager).completed_at
    assert ada["Email"] == "ada.manager@ash.example"
    assert ada["Job role"] == "Practitioner"
    assert ada["Workforce group"] == "Group 2: regular contact"
    assert ada["Requirement"] == "Child sexual exploitation: spotting the signs"
    assert ada["Status"] == f"Completed until {assignment.completed_until:%-d %B %Y}"
    assert ada["Due date"] == assignment.due_on.isoformat()
    # The date and the time of the completion, in local time.
    assert ada["Completed on"] == timezone.localtime(completed_at).isoformat(timespec="seconds")
    assert ada["Valid until"] == assignment.completed_until.isoformat()
    assert ada["Exempt until"] == ""
    assert by_name["Di Ash"]["Status"] == "Overdue"
    assert by_name["Di Ash"]["Completed on"] == ""
    assert by_name["Di Ash"]["Job role"] == "Health visitor"
    assert by_name["Ed Ash"]["Workforce group"] == "Group 3: specialist"
    assert by_name["Fay Ash"]["Status"] == "Exempt"
    assert by_name["Fay Ash"]["Exempt until"] == "No end date"
    assert list(rows[0].keys()) == HEADER


def test_the_export_has_a_row_for_each_requirement(lead_client, known, second_requirement):
    rows = read_csv(export(lead_client, known.ash, "csv", {"q": "Di Ash"}))
    assert [(r["Name"], r["Requirement"], r["Status"]) for r in rows] == [
        ("Di Ash", "Child sexual exploitation: spotting the signs", "Overdue"),
        ("Di Ash", "Online safety", "Not started"),
    ]
    due = timezone.localdate() + datetime.timedelta(days=60)
    assert rows[1]["Due date"] == due.isoformat()


def test_the_export_follows_the_filters_and_is_recorded(lead_client, known):
    response = export(lead_client, known.ash, "csv", {"status": "overdue"})
    assert [r["Name"] for r in read_csv(response)] == ["Di Ash", "Ed Ash"]
    entry = ModelLogEntry.objects.get(action="reports.export")
    assert entry.user == known.lead
    assert entry.object_id == str(known.ash.pk)
    assert entry.data["what"] == "Staff training status"
    assert entry.data["format"] == "CSV"
    assert entry.data["filters"] == (
        "requirement=Child sexual exploitation: spotting the signs, status=overdue"
    )


def test_the_xlsx_export_reads_back_with_the_completion_time(manager_client, known):
    response = export(manager_client, known.ash, "xlsx", {"q": "Ada"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert len(rows) == 2
    completed_at = timezone.localtime(Enrolment.objects.get(user=known.ash_manager).completed_at)
    assignment = Assignment.objects.get(user=known.ash_manager)
    assert rows[1][0] == "Ada Manager"
    assert rows[1][6] == datetime.datetime.combine(assignment.due_on, datetime.time())
    # A real date and time (local, as Excel has no time zones), to the second.
    assert isinstance(rows[1][7], datetime.datetime)
    assert abs(rows[1][7] - completed_at.replace(tzinfo=None)) < datetime.timedelta(seconds=1)
    assert rows[1][8] == datetime.datetime.combine(assignment.completed_until, datetime.time())
    assert ModelLogEntry.objects.get(action="reports.export").data["format"] == "XLSX"


def test_an_export_asks_to_confirm_the_password_first(lead_client, known):
    response = lead_client.get(url(known.ash, "staff.csv"))
    assert response.status_code == 302
    assert "/reauthenticate/" in response["Location"]
    assert not ModelLogEntry.objects.filter(action="reports.export").exists()


def test_an_unknown_export_format_is_404(lead_client, known):
    reauthenticate(lead_client, PASSWORD)
    assert lead_client.get(url(known.ash, "staff.pdf")).status_code == 404


def test_an_export_cell_cannot_start_a_formula(lead_client, known):
    known.ash_people[1].full_name = "=HYPERLINK(1)"
    known.ash_people[1].save()
    rows = read_csv(export(lead_client, known.ash, "csv", {"q": "ben.ash"}))
    assert rows[0]["Name"] == "'=HYPERLINK(1)"
