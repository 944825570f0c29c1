"""Knowledge and impact on the known data set, with a knowledge check of two
questions taken at the first attempt by five Birch Police staff and four Ash
Health staff:

| question            | Birch (police, 5)              | Ash (health, 4)   | all 9            |
|---------------------|--------------------------------|-------------------|------------------|
| 1. defining feature | 2 right, 2 "money", 1 stranger | 4 right           | 67%, money 22%   |
| 2. only girls: myth | 5 right                        | 3 right, 1 "fact" | 89%, "Fact" 11%  |

Health is suppressed ("Fewer than 5") until a fifth Ash person answers. Attempts
by someone with no membership, by a leaver and by another partnership's staff
never count. Confidence: Birch rate 2 before and 4 after, Ash 3 and 5.
"""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import ConfidenceRating, LessonPage, ModulePage, Stage
from courses.services import enrolment_start
from organisations.models import Membership, Partnership
from quizzes.services import attempt_start, attempt_submit
from tests.accounts.factories import PASSWORD, UserFactory, with_totp
from tests.accounts.mfa import reauthenticate
from tests.certificates.factories import course_page
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipLeadFactory,
)
from tests.quizzes.factories import KnowledgeCheckFactory, myth_fact, single, taught, topics
from tests.resources.factories import SchoolFactory, teacher_at

pytestmark = pytest.mark.django_db

STATEMENT = "I can recognise the warning signs of CSE."


class Check:
    def __init__(self, known):
        index = known.course.get_parent()
        self.course = course_page(
            index,
            title="Knowing the signs",
            slug="knowing-the-signs",
            confidence_statements=[("statement", STATEMENT)],
        )
        module = self.course.add_child(
            instance=ModulePage(title="Signs", slug="signs", introduction="<p>Signs.</p>")
        )
        self.lessons = [
            module.add_child(instance=LessonPage(title=title, slug=slug, body=[]))
            for title, slug in (("What exploitation is", "what"), ("Who is at risk", "who"))
        ]
        self.quiz = KnowledgeCheckFactory(
            module=module,
            title="Check: the signs",
            topics=topics("a", "b"),
            questions=[
                taught(single(), topic="a", lesson=self.lessons[0]),
                taught(myth_fact(), topic="b", lesson=self.lessons[1]),
            ],
        )
        self.one, self.two = self.quiz.question_map().values()
        self.right, self.money, self.stranger = self.one.options
        self.statement_key = self.course.confidence_statements[0].id

    def takes(self, user, first, second, *, before=None, after=None):
        """``user``'s first attempt, choosing ``first`` for question one and
        "myth" or "fact" for question two; and confidence ratings if given."""
        enrolment = enrolment_start(user=user, course=self.course)
        attempt = attempt_start(enrolment=enrolment, quiz=self.quiz)
        attempt_submit(attempt=attempt, answers={self.one.key: [first.key], self.two.key: [second]})
        for stage, rating in ((Stage.BEFORE, before), (Stage.AFTER, after)):
            if rating:
                ConfidenceRating.objects.create(
                    enrolment=enrolment,
                    stage=stage,
                    statement_key=self.statement_key,
                    statement=STATEMENT,
                    rating=rating,
                )


@pytest.fixture
def check(known):
    check = Check(known)
    r, m, s = check.right, check.money, check.stranger
    for person, first in zip(known.birch_people, (r, r, m, m, s), strict=True):
        check.takes(person, first, "myth", before=2, after=4)
    for person, second in zip(known.ash_people[1:5], ("myth", "myth", "myth", "fact"), strict=True):
        check.takes(person, r, second, before=3, after=5)
    # Never counted: no membership, a leaver, another partnership's staff.
    check.takes(UserFactory(), m, "fact")
    leaver = Membership.objects.get(organisation=known.ash, state="ended").user
    check.takes(leaver, m, "fact")
    check.takes(MembershipFactory(organisation=OrganisationFactory()).user, m, "fact")
    return check


def url(known, suffix="knowledge/"):
    return f"/reports/partnerships/{known.partnership.pk}/{suffix}"


def figures(questions):
    return [
        (
            q.first_attempts,
            q.percent_correct,
            q.misconception and (q.misconception[0].text, q.misconception[2]),
        )
        for q in questions
    ]


def test_first_attempt_figures_and_misconceptions_overall(lead_client, known, check):
    response = lead_client.get(url(known))
    assert response.status_code == 200
    report = response.context["report"]
    assert report.quiz == check.quiz
    assert figures(report.questions) == [
        (9, 67, ("Money is paid to the child", 22)),
        (9, 89, ("Fact", 11)),
    ]
    body = response.content.decode()
    assert "Money is paid to the child (22%)" in body and "Fact (11%)" in body


def test_by_sector_with_fewer_than_five_suppressed(lead_client, known, check):
    report = lead_client.get(url(known)).context["report"]
    sectors = {entry.label: entry.questions for entry in report.sectors}
    assert list(sectors) == ["Police", "Health", "Education"]
    assert figures(sectors["Police"]) == [
        (5, 40, ("Money is paid to the child", 40)),
        (5, 100, None),
    ]
    assert all(q.suppressed for q in sectors["Health"] + sectors["Education"])
    assert figures(sectors["Health"]) == [(None, None, None), (None, None, None)]
    body = lead_client.get(url(known)).content.decode()
    health = body.split('id="sector-health"')[1].split("</table>")[0]
    assert health.count("Fewer than 5") == 6 and "%" not in health


def test_a_fifth_person_lifts_the_suppression(lead_client, known, check):
    check.takes(known.ash_people[5], check.right, "myth")
    report = lead_client.get(url(known)).context["report"]
    health = next(entry for entry in report.sectors if entry.label == "Health")
    assert figures(health.questions) == [(5, 100, None), (5, 80, ("Fact", 20))]


def test_the_questions_most_missed_link_to_their_lessons(lead_client, known, check):
    response = lead_client.get(url(known))
    missed = response.context["report"].most_missed
    assert [q.item.number for q in missed] == [1, 2]  # 67% before 89%
    body = response.content.decode()
    listed = body.split('id="most-missed"')[1].split("</ol>")[0]
    assert listed.index("67% right") < listed.index("89% right")
    assert f'href="{check.lessons[0].url}"' in listed
    assert "What exploitation is" in listed and "Who is at risk" in listed


def test_the_sector_and_period_filters(lead_client, known, check):
    police = lead_client.get(url(known), {"sector": "police"}).context["report"]
    assert figures(police.questions)[0] == (5, 40, ("Money is paid to the child", 40))
    assert [entry.label for entry in police.sectors] == ["Police"]
    yesterday = (timezone.localdate() - timezone.timedelta(days=1)).isoformat()
    response = lead_client.get(url(known), {"start": yesterday, "end": yesterday})
    report = response.context["report"]
    assert all(q.suppressed for q in report.questions) and report.most_missed == []
    assert "each question needs at least 5 people" in response.content.decode()


@pytest.mark.parametrize(
    "query", [{"check": "999999"}, {"sector": "pirates"}, {"start": "soon"}, {"check": "x"}]
)
def test_bad_filters_give_a_message_not_an_error(lead_client, known, check, query):
    response = lead_client.get(url(known), query)
    assert response.status_code == 200
    assert "Some filters were not recognised" in response.content.decode()
    assert figures(response.context["report"].questions)[0][0] == 9


def test_confidence_before_and_after_by_statement_and_sector(lead_client, known, check):
    response = lead_client.get(url(known))
    report = response.context["report"]
    (overall,) = report.confidence
    assert (overall.people_before, overall.mean_before) == (9, 2.44)
    assert (overall.people_after, overall.mean_after, overall.change) == (9, 4.44, 2.0)
    by_sector = dict(report.confidence_by_sector)
    (police,) = by_sector["Police"]
    assert (police.mean_before, police.mean_after, police.change) == (2.0, 4.0, 2.0)
    (health,) = by_sector["Health"]
    assert (health.people_before, health.mean_before, health.change) == (None, None, None)
    body = response.content.decode()
    assert STATEMENT in body and "4.44" in body
    # A table for all sectors, then one per sector, each under its caption.
    expected = ["confidence", *(f"confidence-{n}" for n in range(1, len(by_sector) + 1))]
    assert re.findall(r'id="(confidence[-0-9]*)"', body) == expected
    sector_tables = [t.split("</table>")[0] for t in body.split('id="confidence-')[1:]]
    (health_table,) = [t for t in sector_tables if ">Health</caption>" in t]
    assert "Fewer than 5" in health_table and STATEMENT in health_table


def test_csv_export_reads_back_with_suppressed_cells(lead_client, known, check):
    reauthenticate(lead_client, PASSWORD)
    response = lead_client.get(url(known, "knowledge.csv"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Sector",
        "Number",
        "Question",
        "Topic",
        "Lesson",
        "First attempts",
        "First-attempt correct (%)",
        "Misconception",
        "Misconception share (%)",
    ]
    assert rows[1] == [
        "All sectors",
        "1",
        "What is the defining feature of CSE?",
        "Topic a",
        "What exploitation is",
        "9",
        "67",
        "Money is paid to the child",
        "22",
    ]
    assert rows[2][5:] == ["9", "89", "Fact", "11"]
    assert rows[3][:2] == ["Police", "1"] and rows[3][5:] == [
        "5",
        "40",
        "Money is paid to the child",
        "40",
    ]
    assert rows[4][5:] == ["5", "100", "", ""]
    assert rows[5][0] == "Health" and rows[5][5:] == ["Fewer than 5"] * 4
    assert len(rows) == 1 + 2 * 4  # all, police, health, education


def test_xlsx_export_reads_back_for_one_sector(lead_client, known, check):
    reauthenticate(lead_client, PASSWORD)
    response = lead_client.get(url(known, "knowledge.xlsx"), {"sector": "health"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = [list(r) for r in openpyxl.load_workbook(io.BytesIO(content)).active.values]
    assert len(rows) == 3
    assert rows[1][:2] == ["Health", 1] and rows[1][5:] == ["Fewer than 5"] * 4


def test_export_needs_recent_reauthentication(lead_client, known, check):
    response = lead_client.get(url(known, "knowledge.csv"))
    assert response.status_code == 302 and "reauthenticate" in response["Location"]


def people_without_access(known):
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    with_totp(editor)
    other_lead = PartnershipLeadFactory(partnership=Partnership.objects.create(name="Westshire"))
    return {
        "manager": known.ash_manager,
        "learner": known.birch_people[1],
        "teacher": teacher_at(SchoolFactory(partnership=known.partnership)),
        "editor": editor,
        "other lead": with_totp(other_lead.user),
    }


@pytest.mark.parametrize("suffix", ["knowledge/", "knowledge.csv", "knowledge.xlsx"])
def test_only_the_partnerships_leads_may_see_it(client, known, check, suffix):
    for who, user in people_without_access(known).items():
        client.force_login(user)
        assert client.get(url(known, suffix)).status_code == 404, who


def test_an_unknown_partnership_is_404(lead_client, known):
    assert lead_client.get("/reports/partnerships/999999/knowledge/").status_code == 404


def test_with_no_check_published_the_page_says_so(lead_client, known):
    response = lead_client.get(url(known))
    assert response.status_code == 200
    assert "No knowledge check is published yet." in response.content.decode()


@pytest.mark.parametrize("extra", [0, 20])
def test_the_same_queries_for_few_and_many_attempts(
    lead_client, known, check, extra, django_assert_max_num_queries
):
    for _ in range(extra):
        person = MembershipFactory(organisation=known.birch).user
        check.takes(person, check.money, "fact", before=1, after=3)
    with django_assert_max_num_queries(26):
        response = lead_client.get(url(known))
    assert response.context["report"].questions[0].first_attempts == 9 + extra


def test_the_evidence_pack_reports_what_people_still_get_wrong(lead_client, known, check):
    import re

    from tests.certificates.pdfs import pdf_text

    response = lead_client.get(url(known, "evidence-pack/"), {"download": "1"})
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", pdf_text(response.content))
    assert "Knowledge and impact" in text
    assert "Check: the signs (Knowing the signs)" in text
    assert "67%" in text and "Money is paid to the child (22%)" in text
    assert "89%" in text and "Fact (11%)" in text
    # Nine people rated both before and after: the means are shown.
    assert "Confidence before and after: Knowing the signs" in text
    assert STATEMENT in text
    assert "2.44 4.44 9 2.0" in text  # (5 × 2 + 4 × 3) / 9 before, (5 × 4 + 4 × 5) / 9 after
