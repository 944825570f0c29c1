"""A knowledge check's questions as plain values, read from its StreamField.

A question's ``key`` is its StreamField block id and an option's ``key`` its
ListBlock item id: uuids Wagtail keeps when an editor edits or reorders them.
A myth-or-fact question has two fixed options, ``myth`` and ``fact``. Everything
else in the app (layouts, scoring, responses, statistics) works on these keys.
"""

from dataclasses import dataclass
from functools import cached_property

from wagtail.rich_text import RichText

from courses.models import LessonPage
from quizzes.blocks import MYTH_FACT

MULTIPLE_KINDS = {"multiple", "scenario"}
KIND_LABELS = {
    "single": "Single choice",
    "multiple": "Multiple response",
    "myth_fact": "Myth or fact",
    "scenario": "Scenario",
}


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    text: str
    explanation: str
    options: tuple[Option, ...]
    scenario: object = None  # RichText, for scenario questions
    topic: str = ""  # the slug of one of the check's topics
    principle: str = ""  # shown after a wrong answer; never says which option is right
    lesson: object = None  # the LessonPage that teaches it, if it still exists
    not_with: str = ""  # exclusion group: one question per group in any draw
    sector: str = ""

    @property
    def takes_several(self) -> bool:
        """Multiple response and scenario questions: choose every correct option."""
        return self.kind in MULTIPLE_KINDS

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @cached_property
    def option_keys(self) -> frozenset[str]:
        return frozenset(option.key for option in self.options)

    @cached_property
    def correct_keys(self) -> frozenset[str]:
        return frozenset(option.key for option in self.options if option.correct)

    def option(self, key: str) -> Option | None:
        return next((option for option in self.options if option.key == key), None)


@dataclass(frozen=True)
class ShownQuestion:
    """One question of an attempt's form, as the learner sees it."""

    number: int
    question: Question
    options: list[Option]  # in the attempt's order; correctness is never rendered
    selected: frozenset[str] = frozenset()
    missing: bool = False


def _options(kind: str, value: dict) -> tuple[Option, ...]:
    if kind == "myth_fact":
        return tuple(
            Option(key=key, text=label, correct=value.get("answer") == key)
            for key, label in MYTH_FACT
        )
    return tuple(
        Option(
            key=item["id"],
            text=item["value"]["text"],
            correct=bool(item["value"].get("correct")),
            feedback=item["value"].get("feedback") or "",
        )
        for item in value.get("options") or []
    )


def _question(raw: dict, lessons: dict) -> Question:
    value = raw["value"]
    scenario = value.get("scenario")
    return Question(
        key=raw["id"],
        kind=raw["type"],
        text=value["text"],
        explanation=value["explanation"],
        options=_options(raw["type"], value),
        scenario=RichText(scenario) if scenario else None,
        topic=value.get("topic") or "",
        principle=value.get("principle") or "",
        lesson=lessons.get(value.get("lesson")),
        not_with=(value.get("not_with") or "").strip(),
        sector=value.get("sector") or "",
    )


def questions_of(stream) -> dict[str, Question]:
    """The questions in ``stream`` (a knowledge check's ``questions``), by key, in
    the editor's order. Read from the stored data, with one query for the lessons
    the questions link to (none if they link to none); a lesson that is not
    published counts as none."""
    raw = list(stream.raw_data)
    ids = {item["value"].get("lesson") for item in raw} - {None, ""}
    lessons = LessonPage.objects.live().in_bulk(ids) if ids else {}
    return {question.key: question for question in (_question(item, lessons) for item in raw)}
