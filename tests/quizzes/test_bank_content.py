"""The knowledge-check question banks meet the item-writing rules.

These tests read the YAML sources under quizzes/content/ directly, without the
database or the loader, so every check of every course is held to the same
rules: banks large enough to draw from, every question tagged with a topic, a
lesson and a principle, right answers that cannot be guessed from their length
or place, balanced multiple-answer and myth-or-fact items, exclusion groups that
mean something, and scenarios from every sector group.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
QUIZ_ROOT = ROOT / "quizzes" / "content"
COURSE_ROOT = ROOT / "courses" / "content"

MIN_QUESTIONS = 15
DRAW_FACTOR = 1.5
QUESTION_TYPES = {"single", "multiple", "myth-fact", "scenario"}
SECTORS = {"police", "health", "social_care", "education", "voluntary", "licensed"}
# Share of single-answer questions in a course whose right option may be the longest,
# and (so that "never the longest" does not become the tell) the shortest.
MAX_RIGHT_IS_LONGEST = 0.35
MAX_RIGHT_IS_SHORTEST = 0.35
# Share of single-answer questions in a course whose right option may sit in one position.
MAX_SAME_POSITION = 0.40
# Multiple-answer questions with fewer right than wrong options, against the reverse.
MAX_MULTIPLE_IMBALANCE = 2
# Myths against facts, as a share of a course's myth-or-fact items.
MAX_MYTH_FACT_IMBALANCE = 0.20
# Words that give a myth-or-fact statement away.
GIVE_AWAY_WORDS = ("only", "never", "always", "cannot", "all", "must")
GIVE_AWAY = re.compile(r"\b(" + "|".join(GIVE_AWAY_WORDS) + r")\b", re.IGNORECASE)

CHECK_FILES = sorted(QUIZ_ROOT.glob("*/*.yaml"))
COURSES = sorted({path.parent.name for path in CHECK_FILES})


def check_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---", text, re.DOTALL)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def module_folder(path: Path) -> Path:
    return COURSE_ROOT / path.parent.name / path.stem


def lesson_slugs(path: Path) -> set[str]:
    lessons = sorted(module_folder(path).glob("*.md"))
    return {front_matter(lesson).get("slug") for lesson in lessons if lesson.name != "module.md"}


def questions(path: Path) -> list[dict]:
    return load(path).get("questions") or []


def course_questions(course: str) -> list[tuple[str, dict]]:
    """Every question of a course, with a label naming its check and place."""
    found = []
    for path in CHECK_FILES:
        if path.parent.name == course:
            for number, question in enumerate(questions(path), start=1):
                found.append((f"{check_id(path)} question {number}", question))
    return found


def flat(text: str) -> str:
    return " ".join(str(text).split())


def right_count(question: dict) -> int:
    return sum(1 for option in question.get("options") or [] if option.get("correct") is True)


def is_single_answer(question: dict) -> bool:
    kind = question.get("type")
    return kind == "single" or (kind == "scenario" and right_count(question) == 1)


def is_multiple_answer(question: dict) -> bool:
    kind = question.get("type")
    return kind == "multiple" or (kind == "scenario" and right_count(question) > 1)


def right_position(question: dict) -> int:
    """The 1-based place of the right option in the source file."""
    for place, option in enumerate(question["options"], start=1):
        if option.get("correct") is True:
            return place
    raise AssertionError(f"no right option in {question.get('text')!r}")


def option_lengths(question: dict) -> tuple[list[int], list[int]]:
    """The lengths, in characters, of the right options and of the wrong ones."""
    right = [len(flat(o["text"])) for o in question["options"] if o.get("correct") is True]
    wrong = [len(flat(o["text"])) for o in question["options"] if o.get("correct") is not True]
    return right, wrong


def right_is_longest(question: dict) -> bool:
    """True when no wrong option is longer than the right one (ties count)."""
    right, wrong = option_lengths(question)
    return not wrong or max(right) >= max(wrong)


def right_is_shortest(question: dict) -> bool:
    """True when no wrong option is shorter than the right one (ties count)."""
    right, wrong = option_lengths(question)
    return not wrong or min(right) <= min(wrong)


def can_cover(topics: list[str], slots: dict[str, set[str]]) -> bool:
    """Whether each topic can have a slot of its own (a question, or an exclusion
    group that gives at most one question to a draw): a bipartite matching."""
    owner: dict[str, str] = {}

    def place(topic: str, seen: set[str]) -> bool:
        for slot, covers in slots.items():
            if topic in covers and slot not in seen:
                seen.add(slot)
                if slot not in owner or place(owner[slot], seen):
                    owner[slot] = topic
                    return True
        return False

    return all(place(topic, set()) for topic in topics)


files = pytest.mark.parametrize("path", CHECK_FILES, ids=check_id)
courses = pytest.mark.parametrize("course", COURSES)


def test_there_are_checks_to_test():
    assert CHECK_FILES, f"no knowledge checks found under {QUIZ_ROOT.relative_to(ROOT)}"


@files
def test_the_check_belongs_to_a_module_folder(path):
    module = module_folder(path) / "module.md"
    assert module.exists(), f"{check_id(path)}: no module.md in the course folder of that name"
    assert load(path).get("module") == front_matter(module).get("slug")


@files
def test_the_bank_holds_at_least_15_questions_and_half_as_many_again_as_the_draw(path):
    check = load(path)
    draw = check.get("draw")
    assert isinstance(draw, int) and draw > 0, f"{check_id(path)}: draw must be a whole number"
    count = len(questions(path))
    needed = max(MIN_QUESTIONS, math.ceil(DRAW_FACTOR * draw))
    assert count >= needed, f"{check_id(path)}: {count} questions, needs {needed} for draw {draw}"


@files
def test_every_topic_is_used_and_the_draw_can_cover_them(path):
    check = load(path)
    topics = [topic["slug"] for topic in check.get("topics") or []]
    assert topics, f"{check_id(path)}: no topics"
    assert len(topics) == len(set(topics)), f"{check_id(path)}: a topic slug is repeated"
    assert all(topic.get("label") for topic in check["topics"]), "every topic needs a label"
    assert check["draw"] >= len(topics), f"{check_id(path)}: draw is smaller than the topics"
    used = Counter(question.get("topic") for question in questions(path))
    unused = [topic for topic in topics if not used[topic]]
    assert not unused, f"{check_id(path)}: topics with no question: {unused}"


@files
def test_every_question_has_a_topic_a_lesson_and_a_principle(path):
    topics = {topic["slug"] for topic in load(path).get("topics") or []}
    lessons = lesson_slugs(path)
    problems = []
    for number, question in enumerate(questions(path), start=1):
        if question.get("topic") not in topics:
            problems.append(f"question {number}: topic {question.get('topic')!r} is not a topic")
        if question.get("lesson") not in lessons:
            problems.append(f"question {number}: lesson {question.get('lesson')!r} not in module")
        principle = question.get("principle")
        if not isinstance(principle, str) or not principle.strip():
            problems.append(f"question {number}: no principle")
    assert not problems, f"{check_id(path)}: " + "; ".join(problems)


@files
def test_every_question_has_a_known_type_and_a_right_answer(path):
    problems = []
    texts = []
    for number, question in enumerate(questions(path), start=1):
        kind = question.get("type")
        texts.append(flat(question.get("text", "")))
        if kind not in QUESTION_TYPES:
            problems.append(f"question {number}: unknown type {kind!r}")
        elif kind == "myth-fact":
            if question.get("answer") not in ("myth", "fact"):
                problems.append(f"question {number}: answer must be myth or fact")
        else:
            options = question.get("options") or []
            right = right_count(question)
            option_texts = [flat(option.get("text", "")) for option in options]
            if len(options) < 2 or not all(option_texts):
                problems.append(f"question {number}: needs at least two options, each with text")
            elif len(set(option_texts)) != len(option_texts):
                problems.append(f"question {number}: two options have the same text")
            if right == 0:
                problems.append(f"question {number}: no right option")
            if right == len(options):
                problems.append(f"question {number}: every option is right")
            if kind == "single" and right != 1:
                problems.append(f"question {number}: a single question has {right} right options")
        if not flat(question.get("text", "")) or not flat(question.get("explanation", "")):
            problems.append(f"question {number}: needs text and an explanation")
        if kind == "scenario" and not flat(question.get("scenario", "")):
            problems.append(f"question {number}: a scenario question needs its scenario")
        if "sector" in question and (kind != "scenario" or question["sector"] not in SECTORS):
            problems.append(f"question {number}: sector {question['sector']!r} is not allowed")
    if len(set(texts)) != len(texts):
        problems.append("two questions have the same text, so they would share an identity")
    assert not problems, f"{check_id(path)}: " + "; ".join(problems)


@files
def test_each_exclusion_group_names_at_least_two_questions(path):
    groups = Counter(q["not_with"] for q in questions(path) if q.get("not_with"))
    lonely = sorted(group for group, members in groups.items() if members < 2)
    assert not lonely, f"{check_id(path)}: not_with groups with one question: {lonely}"


@files
def test_the_exclusion_groups_leave_room_for_a_full_draw_over_every_topic(path):
    check = load(path)
    slots: dict[str, set[str]] = {}
    for number, question in enumerate(questions(path), start=1):
        slot = question.get("not_with") or f"question {number}"
        slots.setdefault(slot, set()).add(question.get("topic"))
    topics = [topic["slug"] for topic in check.get("topics") or []]
    assert len(slots) >= check["draw"], (
        f"{check_id(path)}: only {len(slots)} questions can share a draw of {check['draw']}"
    )
    assert can_cover(topics, slots), (
        f"{check_id(path)}: the exclusion groups stop one draw covering every topic"
    )


@courses
def test_the_right_option_is_rarely_the_longest(course):
    single = [(where, q) for where, q in course_questions(course) if is_single_answer(q)]
    longest = [where for where, q in single if right_is_longest(q)]
    assert single, f"{course}: no single-answer questions"
    share = len(longest) / len(single)
    assert share <= MAX_RIGHT_IS_LONGEST, (
        f"{course}: the right option is the longest in {len(longest)} of {len(single)} "
        f"single-answer questions ({share:.0%}): {longest}"
    )


@courses
def test_the_right_option_is_rarely_the_shortest(course):
    single = [(where, q) for where, q in course_questions(course) if is_single_answer(q)]
    shortest = [where for where, q in single if right_is_shortest(q)]
    assert single, f"{course}: no single-answer questions"
    share = len(shortest) / len(single)
    assert share <= MAX_RIGHT_IS_SHORTEST, (
        f"{course}: the right option is the shortest in {len(shortest)} of {len(single)} "
        f"single-answer questions ({share:.0%}): {shortest}"
    )


@courses
def test_right_options_are_spread_across_positions(course):
    single = [q for _, q in course_questions(course) if is_single_answer(q)]
    positions = Counter(right_position(q) for q in single)
    place, most = positions.most_common(1)[0]
    assert set(positions) != {1}, f"{course}: the right option is always first"
    assert most / len(single) <= MAX_SAME_POSITION, (
        f"{course}: the right option is in place {place} in {most} of {len(single)} "
        f"single-answer questions: {dict(sorted(positions.items()))}"
    )


@courses
def test_multiple_answer_questions_are_balanced_between_few_and_many_right(course):
    multiple = [(where, q) for where, q in course_questions(course) if is_multiple_answer(q)]
    all_right = [where for where, q in multiple if right_count(q) == len(q["options"])]
    assert not all_right, f"{course}: every option is right in {all_right}"
    fewer = sum(1 for _, q in multiple if right_count(q) < len(q["options"]) - right_count(q))
    more = sum(1 for _, q in multiple if right_count(q) > len(q["options"]) - right_count(q))
    assert abs(fewer - more) <= MAX_MULTIPLE_IMBALANCE, (
        f"{course}: {fewer} multiple-answer questions have fewer right than wrong options "
        f"and {more} have more"
    )


@courses
def test_myths_and_facts_are_balanced(course):
    answers = Counter(q["answer"] for _, q in course_questions(course) if q["type"] == "myth-fact")
    total = answers["myth"] + answers["fact"]
    difference = abs(answers["myth"] - answers["fact"])
    assert difference <= MAX_MYTH_FACT_IMBALANCE * total, (
        f"{course}: {answers['myth']} myths and {answers['fact']} facts"
    )


@courses
def test_myth_fact_statements_hold_no_give_away_words(course):
    found = [
        f"{where}: {GIVE_AWAY.findall(flat(q['text']))}"
        for where, q in course_questions(course)
        if q["type"] == "myth-fact" and GIVE_AWAY.search(flat(q["text"]))
    ]
    assert not found, f"{course}: give-away words in myth-or-fact statements: {found}"


# Courses written for one audience set scenarios in that audience's work; every
# other course (the main course, the refresher) covers every sector group.
AUDIENCE_SECTORS = {
    "licensed-businesses": {"licensed"},
    "delivering-rse-safely": {"education"},
}


@courses
def test_scenarios_cover_every_sector_group_the_course_is_for(course):
    sectors = {q.get("sector") for _, q in course_questions(course) if q["type"] == "scenario"}
    missing = sorted(AUDIENCE_SECTORS.get(course, SECTORS) - sectors)
    assert not missing, f"{course}: no scenario question for {missing}"
