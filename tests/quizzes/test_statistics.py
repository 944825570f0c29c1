"""Question statistics: per question, how many submitted attempts answered it and
how many got it right, filtered as reports will need. One query."""

import datetime

import pytest
from django.utils import timezone

from courses.services import enrolment_start
from quizzes.services import attempt_start
from quizzes.statistics import question_statistics
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.quizzes.factories import KnowledgeCheckFactory, many, submitted

pytestmark = pytest.mark.django_db


def learner_takes(quiz, course, *, organisation, wrong=0, submit=True):
    membership = MembershipFactory(organisation=organisation)
    enrolment = enrolment_start(user=membership.user, course=course)
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    if submit:
        submitted(attempt, wrong=wrong)
    return attempt


@pytest.fixture
def organisations(db):
    north = OrganisationFactory(name="North Health")
    return (
        north,
        OrganisationFactory(name="North Police", partnership=north.partnership),
        (OrganisationFactory(name="South Health")),
    )


def figures(stats):
    return [(s.answered, s.correct, s.percent_correct) for s in stats]


def test_each_question_counts_answers_and_right_answers(quiz, tree, organisations):
    north, police, south = organisations
    learner_takes(quiz, tree.course, organisation=north)  # all right
    learner_takes(quiz, tree.course, organisation=police, wrong=1)  # first wrong
    learner_takes(quiz, tree.course, organisation=south, wrong=2)  # first two wrong
    learner_takes(quiz, tree.course, organisation=south, submit=False)  # not counted
    stats = question_statistics(quiz=quiz)
    assert [s.number for s in stats] == [1, 2, 3, 4]
    assert [s.question.key for s in stats] == list(quiz.question_map())
    assert figures(stats) == [(3, 1, 33), (3, 2, 67), (3, 3, 100), (3, 3, 100)]


def test_statistics_narrow_to_partnerships_organisations_and_dates(quiz, tree, organisations):
    north, police, south = organisations
    learner_takes(quiz, tree.course, organisation=north)
    learner_takes(quiz, tree.course, organisation=police, wrong=1)
    learner_takes(quiz, tree.course, organisation=south, wrong=2)
    by_partnership = question_statistics(quiz=quiz, partnership_ids=[north.partnership_id])
    assert figures(by_partnership)[0] == (2, 1, 50)
    by_organisation = question_statistics(quiz=quiz, organisation_ids=[south.pk])
    assert figures(by_organisation)[:2] == [(1, 0, 0), (1, 0, 0)]
    today = timezone.localdate()
    assert figures(question_statistics(quiz=quiz, submitted_from=today))[0][0] == 3
    tomorrow = today + datetime.timedelta(days=1)
    empty = question_statistics(quiz=quiz, submitted_from=tomorrow)
    assert figures(empty)[0] == (0, 0, None)
    assert figures(question_statistics(quiz=quiz, submitted_to=today))[0][0] == 3


def test_a_learner_in_two_organisations_counts_once(quiz, tree, organisations):
    north, police, _ = organisations
    attempt = learner_takes(quiz, tree.course, organisation=north)
    MembershipFactory(user=attempt.enrolment.user, organisation=police)
    stats = question_statistics(quiz=quiz, partnership_ids=[north.partnership_id])
    assert figures(stats)[0] == (1, 1, 100)


def test_statistics_take_one_query_however_many_questions(
    tree, organisations, django_assert_num_queries
):
    for module, size in zip(tree.modules, (3, 12), strict=True):
        quiz = KnowledgeCheckFactory(module=module, questions=many(size))
        learner_takes(quiz, tree.course, organisation=organisations[0], wrong=1)
        with django_assert_num_queries(1):
            stats = question_statistics(quiz=quiz, organisation_ids=[organisations[0].pk])
        assert len(stats) == size
