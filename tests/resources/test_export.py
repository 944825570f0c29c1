import csv
import io

import pytest

from kits.tabular import cell_safe as csv_safe
from tests.accounts.factories import PASSWORD
from tests.accounts.mfa import reauthenticate
from tests.resources.factories import DeliveryFactory, LessonPlanPageFactory

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+1+2", "'+1+2"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Went well = good", "Went well = good"),
        ("9B", "9B"),
        (28, "28"),
        (None, ""),
    ],
)
def test_cells_that_would_be_formulas_are_neutralised(value, expected):
    assert csv_safe(value) == expected


def test_the_school_log_exports_safely(client, manager, teacher, school, library):
    plan = LessonPlanPageFactory(parent=library, title="=cmd|' /C calc'!A0")
    DeliveryFactory(
        plan=plan,
        organisation=school,
        teacher=teacher,
        class_name="@9B",
        notes='=HYPERLINK("http://evil.example","Click")',
    )
    client.force_login(manager)
    reauthenticate(client, PASSWORD)
    response = client.get(f"/rse/log/schools/{school.pk}/export/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="rse-delivery-log-riverside-academy.csv"'
    )
    header, row = rows_of(response)
    assert header[:3] == ["Date taught", "School", "Lesson plan"]
    record = dict(zip(header, row, strict=True))
    assert record["Lesson plan"] == "'=cmd|' /C calc'!A0"
    assert record["Class"] == "'@9B"
    assert record["Notes"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert record["Pupils"] == "28"
    assert record["Teacher"] == "Tia Teacher"
    for cell in row:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_export_holds_only_that_schools_entries(client, manager, school, library):
    from tests.resources.factories import SchoolFactory

    plan = LessonPlanPageFactory(parent=library)
    DeliveryFactory.create_batch(3, plan=plan, organisation=school)
    DeliveryFactory(plan=plan, organisation=SchoolFactory())
    client.force_login(manager)
    reauthenticate(client, PASSWORD)
    rows = rows_of(client.get(f"/rse/log/schools/{school.pk}/export/"))
    assert len(rows) == 4  # header and three entries
    assert {row[1] for row in rows[1:]} == {"Riverside Academy"}


def test_a_teacher_cannot_export_the_school_log(client, teacher, school):
    client.force_login(teacher)
    assert client.get(f"/rse/log/schools/{school.pk}/export/").status_code == 404


def test_export_query_count_does_not_grow_with_rows(
    client, manager, school, library, django_assert_num_queries
):
    plan = LessonPlanPageFactory(parent=library)
    DeliveryFactory.create_batch(2, plan=plan, organisation=school)
    client.force_login(manager)
    reauthenticate(client, PASSWORD)
    url = f"/rse/log/schools/{school.pk}/export/"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warms the per-user MFA status in the cache
    with CaptureQueriesContext(connection) as small:
        rows_of(client.get(url))
    DeliveryFactory.create_batch(30, plan=plan, organisation=school)
    with django_assert_num_queries(len(small)):
        assert len(rows_of(client.get(url))) == 33


def test_each_export_is_in_the_audit_trail(client, manager, school):
    from wagtail.models import ModelLogEntry

    client.force_login(manager)
    reauthenticate(client, PASSWORD)
    response = client.get(f"/rse/log/schools/{school.pk}/export/")
    b"".join(response.streaming_content)
    (entry,) = ModelLogEntry.objects.filter(action="resources.delivery_log_export")
    assert entry.user_id == manager.pk and entry.object_id == str(school.pk)
    assert entry.message == f"Delivery log of {school.name} exported as CSV"
