"""Checking answers against the attempt's layout, including a check an editor
changed while the attempt was open."""

import pytest

from quizzes.answers import AnswersIncomplete, AnswersRejected, checked_answers
from quizzes.questions import Option, Question


def question(key: str, kind: str, *options: tuple[str, bool]) -> Question:
    choices = tuple(Option(option, option.upper(), right) for option, right in options)
    return Question(key, kind, f"Question {key}?", "Why", choices)


QUESTIONS = {
    "q1": question("q1", "single", ("a", True), ("b", False)),
    "q2": question("q2", "multiple", ("c", True), ("d", True)),
}
LAYOUT = [{"question": "q2", "options": ["d", "c"]}, {"question": "q1", "options": ["b", "a"]}]


def test_answers_come_back_in_the_attempts_order():
    chosen = checked_answers(layout=LAYOUT, questions=QUESTIONS, answers={"q1": ["a"], "q2": ["c"]})
    assert list(chosen) == ["q2", "q1"] and chosen["q2"] == frozenset({"c"})


def test_a_question_removed_since_the_attempt_started_is_neither_asked_nor_scored():
    questions = {"q1": QUESTIONS["q1"]}
    chosen = checked_answers(layout=LAYOUT, questions=questions, answers={"q1": ["a"], "q2": ["c"]})
    assert chosen == {"q1": frozenset({"a"})}


def test_a_question_added_since_the_attempt_started_is_not_in_it():
    added = {**QUESTIONS, "q3": question("q3", "myth_fact", ("myth", True), ("fact", False))}
    with pytest.raises(AnswersRejected, match="not in this attempt"):
        checked_answers(layout=LAYOUT, questions=added, answers={"q3": ["myth"]})


def test_every_question_needs_an_answer():
    with pytest.raises(AnswersIncomplete) as error:
        checked_answers(layout=LAYOUT, questions=QUESTIONS, answers={"q1": ["a"], "q2": []})
    assert error.value.missing == ["q2"] and error.value.chosen["q1"] == frozenset({"a"})
