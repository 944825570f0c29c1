"""Bulk invitations from CSV and XLSX staff files."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from organisations.models import Invitation, Membership, StaffImport
from organisations.staff_import import staff_import_apply, staff_import_plan
from tests.accounts.mfa import reauthenticate
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

HEADER = "Email,Full name,Job role,Workforce group,Manager\n"
GOOD = HEADER + (
    "ann@riverside.sch.example,Ann Archer,Teacher,Group 2,no\n"
    "bo@riverside.sch.example,Bo Bell,Caretaker,Group 1: occasional contact with children,\n"
    "cy@riverside.sch.example,Cy Cole,Deputy head,group 3,yes\n"
)


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plan_for(school, content, filename="staff.csv"):
    if isinstance(content, str):
        content = content.encode()
    return staff_import_plan(organisation=school, filename=filename, content=content)


def problems(school, content, filename="staff.csv"):
    return [str(p) for p in plan_for(school, content, filename).problems]


@pytest.mark.parametrize(
    "content, expected",
    [
        (HEADER + "not-an-email,Ann,Teacher,Group 1,\n", "row 2, email: “not-an-email” is not an"),
        (
            HEADER + "a@x.example,Ann,Teacher,Group 9,\n",
            "row 2, workforce group: No group “Group 9”",
        ),
        (
            HEADER + "a@x.example,Ann,Teacher,Group 1,\nA@x.example,Ann,Teacher,Group 1,\n",
            "row 3, email: Duplicate of row 2.",
        ),
        (HEADER + f"a@x.example,{'n' * 201},Teacher,Group 1,\n", "row 2, full name: Must be 200"),
        (HEADER + 'a@x.example,Ann,=HYPERLINK("x"),Group 1,\n', "row 2, job role: Formulas"),
        (HEADER + "a@x.example,Ann,Teacher,Group 1,perhaps\n", "row 2, manager: Must be yes or no"),
        ("", "The file is empty."),
        (HEADER, "The file has a header row but no staff."),
        ("Email,Name\na@x.example,Ann\n", "row 1: The header row has no column for: job role"),
    ],
)
def test_every_problem_names_its_row_and_column_and_nothing_is_written(school, content, expected):
    found = problems(school, content)
    assert any(expected in problem for problem in found), found
    assert Invitation.objects.count() == 0


def test_a_file_that_is_not_csv_or_xlsx_is_refused(school):
    assert problems(school, b"%PDF-1.7 \x00\x01", "staff.csv") == [
        "The file is not a CSV or XLSX file."
    ]
    assert problems(school, b"hello", "staff.pdf") == ["The file must be a CSV or XLSX file."]
    assert problems(school, b"not a zip", "staff.xlsx") == ["The file is not a CSV or XLSX file."]


def test_a_formula_in_a_spreadsheet_cell_is_refused(school):
    content = xlsx(
        [
            ["email", "full name", "job role", "workforce group"],
            ["a@x.example", "=1+1", "Teacher", "Group 1"],
        ]
    )
    assert problems(school, content, "staff.xlsx") == [
        "row 2, full name: Formulas are not allowed."
    ]


@pytest.mark.parametrize(
    "content",
    [
        GOOD.encode(),
        b"\xef\xbb\xbf" + GOOD.encode(),  # Excel's "CSV UTF-8" starts with a BOM
        GOOD.replace("Ann Archer", "Zoë Archer").encode("cp1252"),  # Excel's own CSV
        GOOD.replace(",", ";").encode(),  # Excel in locales that use a comma for decimals
    ],
    ids=["utf-8", "bom", "windows-1252", "semicolons"],
)
def test_csv_files_from_excel_are_read(school, content):
    plan = plan_for(school, content)
    assert not plan.problems
    assert plan.counts == {"new": 3, "updated": 0, "unchanged": 0}


def test_an_xlsx_file_is_read_with_headers_in_any_case(school):
    content = xlsx(
        [
            ["EMAIL", "Full Name", "JOB ROLE", "workforce group"],
            ["a@x.example", "Ann", "Teacher", "Group 1"],
        ]
    )
    plan = plan_for(school, content, "staff.xlsx")
    assert not plan.problems and plan.counts["new"] == 1


def test_importing_invites_new_people_once_and_reimporting_writes_and_sends_nothing(
    school, head, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        counts = staff_import_apply(organisation=school, plan=plan_for(school, GOOD), by=head)
    assert counts == {"new": 3, "updated": 0, "unchanged": 0}
    assert len(mail.outbox) == 3
    cy = Invitation.objects.get(email="cy@riverside.sch.example")
    assert cy.is_manager and cy.group.name.startswith("Group 3")

    again = plan_for(school, GOOD)
    assert again.counts == {"new": 0, "updated": 0, "unchanged": 3}
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        django_assert_max_num_queries(0),
    ):
        staff_import_apply(organisation=school, plan=again, by=head)
    assert callbacks == []
    assert len(mail.outbox) == 3


def test_a_changed_row_updates_the_member_or_invitation(school, head):
    member = MembershipFactory(
        organisation=school, user__email="ann@riverside.sch.example", job_role="Teacher"
    )
    staff_import_apply(organisation=school, plan=plan_for(school, GOOD), by=head)
    changed = GOOD.replace("Ann Archer,Teacher", "Ann Archer,Head of year").replace(
        "Bo Bell,Caretaker", "Bo Bell,Site manager"
    )
    plan = plan_for(school, changed)
    assert plan.counts == {"new": 0, "updated": 2, "unchanged": 1}
    staff_import_apply(organisation=school, plan=plan, by=head)
    member.refresh_from_db()
    assert member.job_role == "Head of year"
    assert Invitation.objects.get(email="bo@riverside.sch.example").job_role == "Site manager"


def test_the_import_pages_preview_then_import_on_confirm(
    head_client, school, password, django_capture_on_commit_callbacks
):
    url = f"/organisations/{school.pk}/import/"
    bad = head_client.post(url, {"file": SimpleUploadedFile("s.csv", b"Email\nx@y.example\n")})
    assert "The file has problems. Nothing has been imported." in bad.content.decode()
    assert not StaffImport.objects.exists()

    response = head_client.post(url, {"file": SimpleUploadedFile("staff.csv", GOOD.encode())})
    detail = response["Location"]
    reauthenticate(head_client, password)
    preview = head_client.get(detail).content.decode()
    assert "New invitations" in preview and "ann@riverside.sch.example" in preview
    assert Invitation.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        head_client.post(detail)
        head_client.post(detail)  # a double submit imports once
    assert Invitation.objects.count() == 3
    assert len(mail.outbox) == 3
    assert "Import complete" in head_client.get(detail).content.decode()
    status = head_client.get(f"{detail}status/").json()
    assert status == {"percent": 100, "finished": True}
    assert not Membership.objects.filter(user__email="ann@riverside.sch.example").exists()
