"""Item analysis on a known set of attempts: attempts, first-attempt share right,
options chosen, discrimination and flags; in the same queries for any number."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrolment_start
from quizzes.item_analysis import ItemStatistic, item_analysis
from quizzes.services import attempt_start
from tests.accounts.factories import UserFactory
from tests.quizzes.factories import KnowledgeCheckFactory, single, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def check(tree):
    """Two single-choice questions; both must be right to pass."""
    return KnowledgeCheckFactory(
        module=tree.modules[0], pass_mark=100, questions=[single("One?"), single("Two?")]
    )


def learner(check, course, *wrongs):
    """A new learner's attempts, each with the first ``wrong`` questions wrong."""
    enrolment = enrolment_start(user=UserFactory(), course=course)
    for wrong in wrongs:
        submitted(attempt_start(enrolment=enrolment, quiz=check), wrong=wrong)


def test_item_statistics_on_a_known_set(check, tree):
    learner(check, tree.course, 2, 0)  # fails both, then passes
    learner(check, tree.course, 0)  # passes at once
    learner(check, tree.course, 1)  # first wrong, second right: fails
    attempt_start(enrolment=enrolment_start(user=UserFactory(), course=tree.course), quiz=check)
    one, two = item_analysis(quiz=check)
    assert (one.number, one.attempts, one.first_attempts, one.first_correct) == (1, 4, 3, 1)
    assert one.percent_first_correct == 33 and one.discrimination == 1.0
    right, money, stranger = one.options
    assert (right[1:], money[1:], stranger[1:]) == ((2, 50), (2, 50), (0, 0))
    assert right[0].correct and money[0].text == "Money is paid to the child"
    assert (two.attempts, two.first_attempts, two.first_correct) == (4, 3, 2)
    assert two.percent_first_correct == 67 and two.discrimination == 0.5
    assert one.flag is None and two.flag is None  # too few attempts to judge


def test_no_discrimination_until_there_are_passes_and_fails(check, tree):
    learner(check, tree.course, 0)
    assert [item.discrimination for item in item_analysis(quiz=check)] == [None, None]


@pytest.mark.parametrize(
    ("first_attempts", "first_correct", "flag"),
    [
        (20, 19, "Almost everyone gets this right"),
        (20, 18, None),
        (20, 3, "Almost everyone gets this wrong"),
        (20, 4, None),
        (19, 19, None),
    ],
)
def test_flags_need_twenty_first_attempts(check, first_attempts, first_correct, flag):
    question = next(iter(check.question_map().values()))
    item = ItemStatistic(
        number=1,
        question=question,
        topic="",
        attempts=first_attempts,
        first_attempts=first_attempts,
        first_correct=first_correct,
    )
    assert item.flag == flag


def test_the_same_queries_for_few_and_many_attempts(check, tree, django_assert_num_queries):
    learner(check, tree.course, 1)
    with CaptureQueriesContext(connection) as few:
        item_analysis(quiz=check)
    for _ in range(6):
        learner(check, tree.course, 2, 1, 0)
    with django_assert_num_queries(len(few)):
        items = item_analysis(quiz=check)
    assert items[0].attempts == 19


def test_the_admin_shows_item_analysis_beside_the_check(check, tree, client, password):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from tests.accounts.mfa import activate_totp

    learner(check, tree.course, 1)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    activate_totp(client, password)
    url = reverse(check.snippet_viewset.get_url_name("edit"), args=[check.pk])
    html = client.get(url).content.decode()
    assert "Item analysis of each question" in html
    assert "0% (0 of 1)" in html and "100% (1 of 1)" in html
    assert "Money is paid to the child: 1 (100%)" in html
