"""Starting attempts: one open at a time, laid out once by the server, and no more
than the check allows."""

import random

import pytest

from courses.services import lesson_complete
from quizzes.models import Attempt, QuestionOrder
from quizzes.services import AttemptRefused, attempt_start
from tests.quizzes.factories import KnowledgeCheckFactory, many, submitted

pytestmark = pytest.mark.django_db


def test_starting_twice_continues_the_open_attempt(enrolment, quiz):
    first = attempt_start(enrolment=enrolment, quiz=quiz)
    assert attempt_start(enrolment=enrolment, quiz=quiz) == first
    assert Attempt.objects.count() == 1


def test_the_layout_is_every_question_with_its_options(enrolment, quiz):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    questions = quiz.question_map()
    assert [entry["question"] for entry in attempt.layout] == list(questions)
    for entry in attempt.layout:
        assert entry["options"] == [o.key for o in questions[entry["question"]].options]
    assert attempt.pass_mark == 80 and not attempt.is_submitted


def test_random_order_and_shuffled_options_are_chosen_by_the_server_and_kept(enrolment, tree):
    quiz = KnowledgeCheckFactory(
        module=tree.modules[1],
        questions=many(12),
        question_order=QuestionOrder.RANDOM,
        shuffle_options=True,
    )
    attempt = attempt_start(enrolment=enrolment, quiz=quiz, rng=random.Random(4))
    questions = quiz.question_map()
    order = [entry["question"] for entry in attempt.layout]
    assert sorted(order) == sorted(questions) and order != list(questions)
    shuffled = [
        e for e in attempt.layout if e["options"] != list(questions[e["question"]].option_keys)
    ]
    assert shuffled
    myth_facts = [e for e in attempt.layout if questions[e["question"]].kind == "myth_fact"]
    assert all(entry["options"] == ["myth", "fact"] for entry in myth_facts)
    attempt.refresh_from_db()
    assert [entry["question"] for entry in attempt.layout] == order


def test_a_failed_attempt_can_be_retried_until_the_maximum_is_used(enrolment, tree):
    quiz = KnowledgeCheckFactory(module=tree.modules[0], max_attempts=2)
    for _ in range(2):
        result = submitted(attempt_start(enrolment=enrolment, quiz=quiz), wrong=4)
        assert result.attempt.passed is False
    with pytest.raises(AttemptRefused, match="used all 2 of your attempts"):
        attempt_start(enrolment=enrolment, quiz=quiz)
    assert Attempt.objects.filter(quiz=quiz).count() == 2


def test_a_passed_check_takes_no_more_attempts(enrolment, quiz):
    submitted(attempt_start(enrolment=enrolment, quiz=quiz))
    with pytest.raises(AttemptRefused, match="already passed"):
        attempt_start(enrolment=enrolment, quiz=quiz)


def test_a_finished_enrolment_takes_no_attempts(enrolment, quiz, tree):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    submitted(attempt)
    for lesson in tree.lessons:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert not enrolment.is_open
    with pytest.raises(AttemptRefused, match="completed this course"):
        attempt_start(enrolment=enrolment, quiz=quiz)


def test_scores_and_responses_are_recorded_once(enrolment, quiz):
    attempt = attempt_start(enrolment=enrolment, quiz=quiz)
    first = submitted(attempt, wrong=1)
    assert first.scored_now
    assert (first.attempt.score, first.attempt.out_of, first.attempt.percent) == (3, 4, 75)
    assert first.attempt.passed is False  # 75% is below the pass mark of 80%
    again = submitted(attempt)
    assert not again.scored_now and again.attempt.score == 3
    assert attempt.responses.count() == 4
    assert attempt.responses.filter(correct=True).count() == 3
