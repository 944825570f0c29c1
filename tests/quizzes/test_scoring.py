"""Scoring is a pure function of the chosen and correct option keys."""

import pytest

from quizzes.scoring import answer_is_correct, passes, percent, score

RIGHT = frozenset({"a", "b"})


@pytest.mark.parametrize(
    ("chosen", "right"),
    [
        ({"a", "b"}, True),  # every correct option
        ({"a"}, False),  # a partial selection
        ({"a", "b", "c"}, False),  # every correct option and a wrong one
        ({"c"}, False),  # only a wrong one
        (set(), False),  # nothing
    ],
)
def test_multiple_response_and_scenario_need_every_right_option_and_no_wrong_one(chosen, right):
    assert answer_is_correct(correct=RIGHT, chosen=frozenset(chosen)) is right


@pytest.mark.parametrize(
    ("chosen", "right"), [({"a"}, True), ({"b"}, False), ({"a", "b"}, False), (set(), False)]
)
def test_single_choice_needs_the_one_right_option(chosen, right):
    assert answer_is_correct(correct=frozenset({"a"}), chosen=frozenset(chosen)) is right


@pytest.mark.parametrize(
    ("answer", "chosen", "right"),
    [("myth", "myth", True), ("myth", "fact", False), ("fact", "fact", True)],
)
def test_myth_or_fact(answer, chosen, right):
    assert answer_is_correct(correct=frozenset({answer}), chosen=frozenset({chosen})) is right


def test_a_question_with_no_right_option_can_never_be_answered_correctly():
    assert answer_is_correct(correct=frozenset(), chosen=frozenset()) is False


@pytest.mark.parametrize(
    ("correct", "total", "pass_mark", "passed"),
    [
        (8, 10, 80, True),  # exactly the pass mark passes
        (7, 10, 80, False),
        (4, 5, 80, True),
        (3, 4, 75, True),
        (2, 3, 67, False),  # 66.67% is below 67%
        (2, 3, 66, True),
        (10, 10, 100, True),
        (9, 10, 100, False),
        (0, 0, 1, False),  # nothing answered never passes
    ],
)
def test_passing_is_at_or_above_the_pass_mark(correct, total, pass_mark, passed):
    assert passes(correct=correct, total=total, pass_mark=pass_mark) is passed
    assert (
        score(marks=[True] * correct + [False] * (total - correct), pass_mark=pass_mark).passed
        is passed
    )


def test_the_percentage_is_rounded_down_so_it_never_shows_a_pass_that_is_not_one():
    assert percent(correct=2, total=3) == 66
    assert percent(correct=79_999, total=100_000) == 79
    assert not passes(correct=79_999, total=100_000, pass_mark=80)
    assert percent(correct=0, total=0) == 0


def test_a_score_counts_the_right_answers():
    result = score(marks=[True, False, True, True], pass_mark=75)
    assert (result.correct, result.total, result.percent, result.passed) == (3, 4, 75, True)
