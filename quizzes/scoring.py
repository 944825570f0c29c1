"""Scoring on the server: pure functions over option keys and counts.

An answer is right when exactly the correct options are chosen. For a single
choice or myth-or-fact question that is the one correct option; for a multiple
response or scenario question it is every correct option and no wrong one, so a
partial selection is wrong. An attempt passes when its percentage is at least the
pass mark; the comparison is made in whole numbers, so exactly the mark passes.
"""

from collections.abc import Iterable
from dataclasses import dataclass


def answer_is_correct(*, correct: frozenset[str], chosen: frozenset[str]) -> bool:
    """True when ``chosen`` is exactly the set of ``correct`` option keys."""
    return bool(correct) and chosen == correct


def percent(*, correct: int, total: int) -> int:
    """The score as a whole percentage, rounded down so it never shows a pass
    that the exact comparison would refuse (79.9% shows as 79%)."""
    return 100 * correct // total if total else 0


def passes(*, correct: int, total: int, pass_mark: int) -> bool:
    """``correct / total >= pass_mark / 100``, without fractions."""
    return total > 0 and 100 * correct >= pass_mark * total


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    pass_mark: int

    @property
    def percent(self) -> int:
        return percent(correct=self.correct, total=self.total)

    @property
    def passed(self) -> bool:
        return passes(correct=self.correct, total=self.total, pass_mark=self.pass_mark)


def score(*, marks: Iterable[bool], pass_mark: int) -> Score:
    """The score of an attempt whose answers were marked right or wrong."""
    marks = list(marks)
    return Score(correct=sum(marks), total=len(marks), pass_mark=pass_mark)
