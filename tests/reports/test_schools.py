"""Schools and RSE reach on the known data set, with schools and lessons added:

| school       | staff | trained | lessons in period        | pupils | flags                |
|--------------|-------|---------|--------------------------|--------|----------------------|
| Cedar School | 0     | 0       | none                     | 0      | no lessons, no staff |
| Elm School   | 1     | 0       | 1 (KS3, consent)         | 25     | no trained staff     |
| Dale School  | 3     | 2       | 3 (KS3 twice to 9B, KS4) | 86     | none                 |

Elm also taught a lesson 400 days ago (outside the default twelve months); a
school in another partnership, and an early years setting, are never listed.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.models import Enrolment
from organisations.models import Partnership, Sector
from tests.accounts.factories import PASSWORD, UserFactory, with_totp
from tests.accounts.mfa import reauthenticate
from tests.certificates.factories import course_page
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)
from tests.resources.factories import (
    DeliveryFactory,
    LessonPlanPageFactory,
    SchoolFactory,
    teacher_at,
)

pytestmark = pytest.mark.django_db


def ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def completed(user, course):
    now = timezone.now()
    Enrolment.objects.create(
        user=user, course=course, started_at=now - datetime.timedelta(days=3), completed_at=now
    )


@pytest.fixture
def schools(known):
    index = known.course.get_parent()
    rse = course_page(
        index, title="Delivering RSE safely", slug="rse", trains_rse_practitioners=True
    )
    p = known.partnership
    dale = SchoolFactory(partnership=p, name="Dale School")
    elm = SchoolFactory(partnership=p, name="Elm School")
    OrganisationFactory(partnership=p, name="Fir Nursery", sector=Sector.EARLY_YEARS)
    dale_staff = [teacher_at(dale, full_name=f"Dale Teacher {n}") for n in range(3)]
    for person in dale_staff[:2]:
        completed(person, rse)
    elm_teacher = teacher_at(elm, full_name="Elm Teacher")
    completed(elm_teacher, known.course)  # the CSE course, not the RSE one
    ks3 = LessonPlanPageFactory(title="Consent KS3", key_stage="ks3", topics=["consent"])
    ks4 = LessonPlanPageFactory(
        title="Grooming KS4",
        key_stage="ks4",
        year_from=10,
        year_to=11,
        topics=["grooming", "online-safety"],
    )
    DeliveryFactory(plan=ks3, organisation=dale, pupils=28, class_name="9B", delivered_on=ago(10))
    DeliveryFactory(plan=ks3, organisation=dale, pupils=28, class_name="9B", delivered_on=ago(5))
    DeliveryFactory(plan=ks4, organisation=dale, pupils=30, year_group=10, delivered_on=ago(20))
    DeliveryFactory(plan=ks3, organisation=elm, pupils=25, delivered_on=ago(30))
    DeliveryFactory(plan=ks3, organisation=elm, pupils=20, delivered_on=ago(400))
    elsewhere = SchoolFactory(partnership=Partnership.objects.create(name="Southshire"))
    DeliveryFactory(plan=ks3, organisation=elsewhere, pupils=30, delivered_on=ago(3))
    return {"rse": rse, "dale": dale, "elm": elm, "ks3": ks3, "dale_staff": dale_staff}


def url(known, suffix="schools/"):
    return f"/reports/partnerships/{known.partnership.pk}/{suffix}"


def rows_of(body: str) -> list[str]:
    table = body.split('id="schools"')[1].split("</table>")[0]
    return [
        row.split('class="govuk-table__header">')[1].split("<")[0]
        for row in table.split("<tbody")[1].split('<tr class="govuk-table__row">')[1:]
    ]


def test_schools_needing_attention_come_first_with_their_flags(lead_client, known, schools):
    response = lead_client.get(url(known))
    assert response.status_code == 200
    report = response.context["report"]
    names = [row.organisation.name for row in report.schools]
    assert names == ["Cedar School", "Elm School", "Dale School"]
    assert rows_of(response.content.decode()) == names
    cedar, elm, dale = report.schools
    assert cedar.flags == ["No RSE lessons logged in this period", "No trained RSE practitioners"]
    assert elm.flags == ["No trained RSE practitioners"]
    assert dale.flags == []
    assert (cedar.staff, cedar.trained, cedar.reach.lessons, cedar.reach.pupils) == (0, 0, 0, 0)
    assert (elm.staff, elm.trained, elm.reach.lessons, elm.reach.pupils) == (1, 0, 1, 25)
    assert (dale.staff, dale.trained, dale.reach.lessons, dale.reach.pupils) == (3, 2, 3, 86)
    assert dale.key_stage_labels == ["Key stage 3", "Key stage 4"]
    assert dale.topic_labels == ["Consent", "Online safety and sharing images", "Grooming"]
    assert elm.topic_labels == ["Consent"]
    body = response.content.decode()
    assert "Fir Nursery" not in body and "Ash Health" not in body
    assert body.count("No trained RSE practitioners") == 2  # in words, not by colour


def test_partnership_totals_and_method_note(lead_client, known, schools):
    response = lead_client.get(url(known))
    report = response.context["report"]
    assert (report.totals.schools, report.totals.lessons, report.totals.pupils) == (2, 4, 111)
    assert (report.staff, report.trained, report.needing_attention) == (4, 2, 2)
    stages = dict(report.by_key_stage)
    assert (stages["Key stage 3"].lessons, stages["Key stage 3"].pupils) == (3, 81)
    assert (stages["Key stage 4"].lessons, stages["Key stage 4"].pupils) == (1, 30)
    assert stages["Key stage 2"].lessons == 0
    topics = dict(report.by_topic)
    assert (topics["Consent"].schools, topics["Consent"].pupils) == (2, 81)
    assert topics["Grooming"].pupils == 30
    body = response.content.decode()
    assert "2 of 4 active school staff" in body
    assert "A class taught twice counts twice" in body
    assert "Delivering RSE safely" in body


def test_the_period_filter_moves_the_window(lead_client, known, schools):
    response = lead_client.get(url(known), {"start": ago(500), "end": ago(25)})
    report = response.context["report"]
    assert (report.totals.lessons, report.totals.pupils) == (2, 45)
    assert [row.organisation.name for row in report.schools][-1] == "Elm School"


@pytest.mark.parametrize(
    "query",
    [{"start": "not a date"}, {"end": "2999-01-01"}, {"start": "2025-05-02", "end": "2025-05-01"}],
)
def test_bad_dates_give_a_message_not_an_error(lead_client, known, schools, query):
    response = lead_client.get(url(known), query)
    assert response.status_code == 200
    assert "The dates were not recognised" in response.content.decode()
    assert response.context["report"].totals.lessons == 4  # the last twelve months


def test_without_a_published_rse_course_the_cse_requirement_course_trains(
    lead_client, known, schools
):
    schools["rse"].unpublish()
    response = lead_client.get(url(known))
    report = response.context["report"]
    assert report.training.fallback and report.training.courses == [known.course]
    trained = {row.organisation.name: row.trained for row in report.schools}
    assert trained == {"Cedar School": 0, "Elm School": 1, "Dale School": 0}
    assert "as no course for RSE practitioners is published yet" in response.content.decode()


def test_a_school_teacher_who_has_left_is_not_counted(lead_client, known, schools):
    membership = schools["dale_staff"][0].memberships.get()
    membership.state = "ended"
    membership.left_at = timezone.now()
    membership.save()
    dale = lead_client.get(url(known)).context["report"].schools[-1]
    assert (dale.staff, dale.trained) == (2, 1)


def test_someone_at_two_schools_counts_at_each_and_once_in_the_totals(lead_client, known, schools):
    trained = schools["dale_staff"][0]  # completed the RSE course
    MembershipFactory(user=trained, organisation=schools["elm"])
    report = lead_client.get(url(known)).context["report"]
    by_name = {row.organisation.name: row for row in report.schools}
    assert (by_name["Elm School"].staff, by_name["Elm School"].trained) == (2, 1)
    assert (by_name["Dale School"].staff, by_name["Dale School"].trained) == (3, 2)
    assert (report.staff, report.trained) == (4, 2)


def test_csv_export_reads_back(lead_client, known, schools):
    reauthenticate(lead_client, PASSWORD)
    response = lead_client.get(url(known, "schools.csv"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:8] == [
        "School",
        "Active staff",
        "Trained RSE practitioners",
        "Lessons delivered",
        "Pupils reached",
        "Key stages",
        "Topics",
        "Needs attention",
    ]
    assert rows[1][:8] == [
        "Cedar School",
        "0",
        "0",
        "0",
        "0",
        "",
        "",
        "No RSE lessons logged in this period; No trained RSE practitioners",
    ]
    assert rows[3][:7] == [
        "Dale School",
        "3",
        "2",
        "3",
        "86",
        "Key stage 3; Key stage 4",
        "Consent; Online safety and sharing images; Grooming",
    ]
    assert rows[4][:5] == ["All schools", "4", "2", "4", "111"]
    assert rows[4][7] == "2 of 3 schools"
    entry = ModelLogEntry.objects.filter(action="reports.export").latest("pk")
    assert entry.data["what"] == "Schools and RSE reach"


def test_xlsx_export_reads_back(lead_client, known, schools):
    reauthenticate(lead_client, PASSWORD)
    response = lead_client.get(url(known, "schools.xlsx"), {"start": ago(500), "end": ago(25)})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "School"
    elm = next(row for row in rows if row[0] == "Elm School")
    assert elm[1:5] == [1, 0, 2, 45]
    assert rows[-1][8:] == [ago(500).isoformat(), ago(25).isoformat()]


def test_export_needs_recent_reauthentication(lead_client, known, schools):
    response = lead_client.get(url(known, "schools.csv"))
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


def test_an_unknown_format_is_404(lead_client, known, schools):
    reauthenticate(lead_client, PASSWORD)
    assert lead_client.get(url(known, "schools.pdf")).status_code == 404


def people_without_access(known, schools):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    with_totp(editor)
    other_lead = PartnershipLeadFactory(partnership=Partnership.objects.create(name="Westshire"))
    learner = MembershipFactory(organisation=known.birch).user
    return {
        "manager": known.ash_manager,
        "learner": learner,
        "teacher": schools["dale_staff"][2],
        "editor": editor,
        "other lead": with_totp(other_lead.user),
    }


@pytest.mark.parametrize("suffix", ["schools/", "schools.csv", "schools.xlsx"])
def test_only_the_partnerships_leads_may_see_it(client, known, schools, suffix):
    for who, user in people_without_access(known, schools).items():
        client.force_login(user)
        assert client.get(url(known, suffix)).status_code == 404, who


def test_an_unknown_partnership_is_404(lead_client, known):
    assert lead_client.get("/reports/partnerships/999999/schools/").status_code == 404


def add_schools(known, plan, count):
    for n in range(count):
        school = SchoolFactory(partnership=known.partnership, name=f"Extra School {n}")
        completed(teacher_at(school), known.course)
        teacher_at(school)
        DeliveryFactory(plan=plan, organisation=school, delivered_on=ago(2))
        DeliveryFactory(plan=plan, organisation=school, delivered_on=ago(3))


@pytest.mark.parametrize("count", [2, 20])
def test_the_same_queries_at_two_and_twenty_schools(
    lead_client, known, schools, count, django_assert_max_num_queries
):
    add_schools(known, schools["ks3"], count)
    with django_assert_max_num_queries(14):
        response = lead_client.get(url(known))
    assert len(response.context["report"].schools) == 3 + count
