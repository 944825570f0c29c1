"""Item analysis on a known set of attempts: attempts, first-attempt share right,
options chosen, the misconception, discrimination and flags, narrowed to
partnerships, organisations, a sector and a period as the reports need; in the
same queries for any number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.services import enrolment_start
from organisations.models import Sector
from quizzes.item_analysis import ItemStatistic, item_analysis
from quizzes.models import Attempt
from quizzes.services import attempt_start, attempt_submit
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.quizzes.factories import KnowledgeCheckFactory, many, single, submitted

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


def learner_takes(quiz, course, *, organisation, wrong=0, submit=True):
    membership = MembershipFactory(organisation=organisation)
    enrolment = enrolment_start(user=membership.user, course=course)
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    if submit:
        submitted(attempt, wrong=wrong)
    return attempt


@pytest.fixture
def organisations(db):
    north = OrganisationFactory(name="North Health", sector=Sector.HEALTH)
    return (
        north,
        OrganisationFactory(
            name="North Police", partnership=north.partnership, sector=Sector.POLICE
        ),
        OrganisationFactory(name="South Health", sector=Sector.HEALTH),
    )


def figures(items):
    return [(i.attempts, i.first_correct, i.percent_first_correct) for i in items]


def test_each_question_counts_answers_and_right_answers(quiz, tree, organisations):
    north, police, south = organisations
    learner_takes(quiz, tree.course, organisation=north)  # all right
    learner_takes(quiz, tree.course, organisation=police, wrong=1)  # first wrong
    learner_takes(quiz, tree.course, organisation=south, wrong=2)  # first two wrong
    learner_takes(quiz, tree.course, organisation=south, submit=False)  # not counted
    items = item_analysis(quiz=quiz)
    assert [i.number for i in items] == [1, 2, 3, 4]
    assert [i.question.key for i in items] == list(quiz.question_map())
    assert figures(items) == [(3, 1, 33), (3, 2, 67), (3, 3, 100), (3, 3, 100)]
    assert [i.first_people for i in items] == [3, 3, 3, 3]


def test_analysis_narrows_to_partnerships_organisations_sectors_and_dates(
    quiz, tree, organisations
):
    north, police, south = organisations
    learner_takes(quiz, tree.course, organisation=north)
    learner_takes(quiz, tree.course, organisation=police, wrong=1)
    learner_takes(quiz, tree.course, organisation=south, wrong=2)
    by_partnership = item_analysis(quiz=quiz, partnership_ids=[north.partnership_id])
    assert figures(by_partnership)[0] == (2, 1, 50)
    by_organisation = item_analysis(quiz=quiz, organisation_ids=[south.pk])
    assert figures(by_organisation)[:2] == [(1, 0, 0), (1, 0, 0)]
    health = item_analysis(quiz=quiz, sector=Sector.HEALTH)
    assert figures(health)[:2] == [(2, 1, 50), (2, 1, 50)]
    north_police = item_analysis(
        quiz=quiz, partnership_ids=[north.partnership_id], sector=Sector.POLICE
    )
    assert figures(north_police)[0] == (1, 0, 0)
    today = timezone.localdate()
    assert figures(item_analysis(quiz=quiz, submitted_from=today))[0][0] == 3
    tomorrow = today + datetime.timedelta(days=1)
    assert figures(item_analysis(quiz=quiz, submitted_from=tomorrow))[0] == (0, 0, None)
    assert figures(item_analysis(quiz=quiz, submitted_to=today))[0][0] == 3


def test_a_learner_in_two_organisations_counts_once(quiz, tree, organisations):
    north, police, _ = organisations
    attempt = learner_takes(quiz, tree.course, organisation=north)
    MembershipFactory(user=attempt.enrolment.user, organisation=police)
    items = item_analysis(quiz=quiz, partnership_ids=[north.partnership_id])
    assert figures(items)[0] == (1, 1, 100)


def test_an_attempt_after_one_before_the_period_is_not_a_first_attempt(check, tree, organisations):
    enrolment = enrolment_start(
        user=MembershipFactory(organisation=organisations[0]).user, course=tree.course
    )
    earlier = submitted(attempt_start(enrolment=enrolment, quiz=check), wrong=2).attempt
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    Attempt.objects.filter(pk=earlier.pk).update(
        started_at=three_days_ago, submitted_at=three_days_ago
    )
    submitted(attempt_start(enrolment=enrolment, quiz=check), wrong=0)
    one, _ = item_analysis(quiz=check, submitted_from=timezone.localdate())
    assert (one.attempts, one.first_attempts, one.percent_first_correct) == (1, 0, None)


def test_the_misconception_is_the_wrong_option_most_chosen_at_first_attempts(check, tree):
    question = next(iter(check.question_map().values()))
    right, money, stranger = question.options

    def takes(*choices):
        enrolment = enrolment_start(user=UserFactory(), course=tree.course)
        for choice in choices:
            attempt = attempt_start(enrolment=enrolment, quiz=check)
            chosen = {key: sorted(q.correct_keys) for key, q in check.question_map().items()}
            chosen[question.key] = [choice.key]
            attempt_submit(attempt=attempt, answers=chosen)

    takes(stranger, right)  # the second go is not a first attempt
    takes(stranger)
    takes(money, stranger, stranger)
    takes(right)
    one, two = item_analysis(quiz=check)
    assert one.first_attempts == 4 and one.attempts == 7
    assert one.misconception == (stranger, 2, 50)
    assert two.misconception is None  # everyone right first time


def test_a_tied_misconception_is_the_earlier_option(check, tree):
    question = next(iter(check.question_map().values()))
    _, money, stranger = question.options
    for choice in (stranger, money):
        attempt = attempt_start(
            enrolment=enrolment_start(user=UserFactory(), course=tree.course), quiz=check
        )
        chosen = {key: sorted(q.correct_keys) for key, q in check.question_map().items()}
        chosen[question.key] = [choice.key]
        attempt_submit(attempt=attempt, answers=chosen)
    assert item_analysis(quiz=check)[0].misconception == (money, 1, 50)


def test_filtered_analysis_takes_the_same_queries_however_many_questions(
    tree, organisations, django_assert_num_queries
):
    for module, size in zip(tree.modules, (3, 12), strict=True):
        quiz = KnowledgeCheckFactory(module=module, questions=many(size))
        learner_takes(quiz, tree.course, organisation=organisations[0], wrong=1)
        questions = quiz.question_map()
        with django_assert_num_queries(1):
            items = item_analysis(
                quiz=quiz,
                organisation_ids=[organisations[0].pk],
                sector=Sector.HEALTH,
                questions=questions,
            )
        assert len(items) == size
