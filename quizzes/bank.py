"""A check's questions as a bank: drawing an attempt's questions, and the rules a
bank must meet before it is published.

Each attempt asks ``draw`` questions from the bank, at least one on every topic
and never two from the same ``not_with`` group. The bank must hold at least
one and a half times the draw, so two attempts rarely ask the same questions.
"""

import math
import random
from collections.abc import Sequence
from typing import NamedTuple

from quizzes.questions import Question

BANK_FACTOR = 1.5


class BankEntry(NamedTuple):
    """The little the bank's rules need of a question (a Question also has these)."""

    key: str
    topic: str
    not_with: str


def bank_size_needed(draw: int) -> int:
    return math.ceil(BANK_FACTOR * draw)


def _group(question: Question) -> str | None:
    return question.not_with or None


def _cover(topics: list[str], pool: list[Question], used: set[str]) -> list[Question] | None:
    """One question per topic, none sharing a group, found by depth-first search so
    that groups never make a coverable bank fail. ``pool`` is already shuffled."""
    if not topics:
        return []
    topic, rest = topics[0], topics[1:]
    for question in pool:
        group = _group(question)
        if question.topic != topic or (group and group in used):
            continue
        found = _cover(rest, pool, used | ({group} if group else set()))
        if found is not None:
            return [question, *found]
    return None


def draw_questions(
    *, questions: Sequence[Question], draw: int, topics: Sequence[str], rng: random.Random
) -> list[Question]:
    """``draw`` questions from ``questions``, in the bank's order: one on each of
    ``topics`` first (where the bank allows), then at random from the rest, with at
    most one question from each ``not_with`` group."""
    pool = list(questions)
    rng.shuffle(pool)
    topic_order = [topic for topic in topics if any(q.topic == topic for q in pool)]
    rng.shuffle(topic_order)
    chosen = _cover(topic_order, pool, set()) or []
    keys = [question.key for question in chosen]
    used = {_group(q) for q in chosen} - {None}
    for question in pool:
        if len(keys) >= draw:
            break
        group = _group(question)
        if question.key in keys or (group and group in used):
            continue
        keys.append(question.key)
        if group:
            used.add(group)
    keys = set(keys[:draw])
    return [question for question in questions if question.key in keys]


def bank_problems(
    *, questions: Sequence[Question | BankEntry], draw: int, topics: Sequence[str]
) -> list[str]:
    """Why a bank cannot be published, in words for its editor; empty when it can."""
    problems = []
    needed = bank_size_needed(draw)
    if len(questions) < needed:
        problems.append(
            f"The bank has {len(questions)} question{'s' if len(questions) != 1 else ''}: "
            f"a draw of {draw} needs at least {needed}. Add questions or draw fewer."
        )
    if not topics:
        problems.append("Add at least one topic: the module outcomes the check tests.")
    if draw < len(topics):
        problems.append(
            f"A draw of {draw} cannot ask about all {len(topics)} topics. Draw at least "
            f"{len(topics)} questions."
        )
    unknown = sorted({q.topic for q in questions if q.topic not in topics})
    if unknown and topics:
        names = ", ".join(f"'{topic}'" for topic in unknown)
        problems.append(f"Some questions name a topic the check does not have: {names}.")
    empty = [topic for topic in topics if not any(q.topic == topic for q in questions)]
    if empty:
        problems.append(
            f"No question tests the topic{'s' if len(empty) > 1 else ''} {', '.join(empty)}."
        )
    elif topics and _cover(list(topics), list(questions), set()) is None:
        problems.append("The 'not with' groups leave no way to ask one question on every topic.")
    free = sum(1 for q in questions if not q.not_with) + len({q.not_with for q in questions} - {""})
    if free < draw:
        problems.append(
            f"The 'not with' groups leave only {free} questions that can be asked together: "
            f"fewer than the draw of {draw}."
        )
    return problems
