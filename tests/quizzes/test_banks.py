"""Question banks: each attempt draws afresh, covers every topic, keeps exclusion
groups apart; a bank too small for its draw cannot be published or loaded."""

import random

import pytest

from quizzes.bank import BankEntry, bank_problems, draw_questions
from quizzes.services import attempt_start
from tests.quizzes.factories import KnowledgeCheckFactory, bank, submitted, topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def banked(tree):
    """A bank of 9 questions on topics a, b and c, drawing 6 in a random order."""
    return KnowledgeCheckFactory(
        module=tree.modules[0],
        questions=bank(9, lessons=tree.lessons[:2]),
        topics=topics("a", "b", "c"),
        draw=6,
        question_order="random",
    )


def drawn(attempt) -> list[str]:
    return [entry["question"] for entry in attempt.layout]


def test_two_attempts_draw_different_questions_and_each_covers_every_topic(enrolment, banked):
    questions = banked.question_map()
    first = attempt_start(enrolment=enrolment, quiz=banked, rng=random.Random(1))
    submitted(first, wrong=6)
    second = attempt_start(enrolment=enrolment, quiz=banked, rng=random.Random(2))
    assert second.pk != first.pk
    assert len(drawn(first)) == len(drawn(second)) == 6
    assert set(drawn(first)) != set(drawn(second))
    for attempt in (first, second):
        assert {questions[key].topic for key in drawn(attempt)} == {"a", "b", "c"}
        assert len(set(drawn(attempt))) == 6 and set(drawn(attempt)) <= set(questions)
    # The attempt keeps exactly what it showed, however the bank changes later.
    first.refresh_from_db()
    assert len(first.responses.all()) == 6


def entries(spec: str) -> list[BankEntry]:
    """'a a b c:g c:g' -> questions on topics a, a, b, c, c; the last two in group g."""
    return [
        BankEntry(key=str(n), topic=item.partition(":")[0], not_with=item.partition(":")[2])
        for n, item in enumerate(spec.split())
    ]


def test_draws_cover_every_topic_and_never_ask_two_of_a_group():
    questions = entries("a:g a b:g b c c c:h c:h d:h")
    for seed in range(300):
        chosen = draw_questions(
            questions=questions, draw=5, topics=["a", "b", "c", "d"], rng=random.Random(seed)
        )
        assert len(chosen) == 5
        assert {q.topic for q in chosen} == {"a", "b", "c", "d"}
        groups = [q.not_with for q in chosen if q.not_with]
        assert len(groups) == len(set(groups))


def test_draws_keep_the_banks_order_until_the_layout_shuffles_them():
    questions = entries("a b c a b c a b c")
    chosen = draw_questions(
        questions=questions, draw=6, topics=["a", "b", "c"], rng=random.Random(3)
    )
    assert [q.key for q in chosen] == sorted((q.key for q in chosen), key=int)


@pytest.mark.parametrize(
    ("spec", "draw", "topic_slugs", "message"),
    [
        (
            "a b c a b c a b",
            6,
            ["a", "b", "c"],
            "The bank has 8 questions: a draw of 6 needs at least 9",
        ),
        ("a b a b a b a b a", 6, ["a", "b", "c"], "No question tests the topic c"),
        ("a b c d a b c d", 3, ["a", "b", "c", "d"], "A draw of 3 cannot ask about all 4 topics"),
        ("a b c a b c a b c", 6, [], "Add at least one topic"),
        ("a b c a b x a b c", 6, ["a", "b", "c"], "name a topic the check does not have: 'x'"),
        ("a:g b:g c a b c a b c", 6, ["a", "b", "c"], ""),
        ("a:g a:g b c a:g b c b:g", 6, ["a", "b", "c"], "leave only 5 questions"),
        (
            "a:g b:g c a:g b:g c c c c",
            3,
            ["a", "b", "c"],
            "no way to ask one question on every topic",
        ),
    ],
)
def test_bank_rules_say_what_is_wrong(spec, draw, topic_slugs, message):
    problems = " ".join(bank_problems(questions=entries(spec), draw=draw, topics=topic_slugs))
    if message:
        assert message in problems
    else:
        assert problems == ""


def test_a_bank_of_one_and_a_half_times_the_draw_is_enough():
    assert (
        bank_problems(questions=entries("a b c a b c a b c"), draw=6, topics=["a", "b", "c"]) == []
    )
    assert bank_problems(questions=entries("a b a b a b a b"), draw=5, topics=["a", "b"]) == []
    assert bank_problems(questions=entries("a b a b a b a"), draw=5, topics=["a", "b"])
