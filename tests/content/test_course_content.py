"""Checks on the course and lesson-plan source files against the subject brief.

They read the Markdown and YAML directly (no database), so they run in about a
second. The brief is ``shared/domain.md``, which sits beside the project root
(``../shared/`` in a clean clone); tests that need it skip when it is missing.

A *quoted example* is text a lesson quotes in order to correct it: the ``myth``
field of a ``myth-fact`` block, or words inside quotation marks ("..." or
“...”). Blaming phrases are allowed there and nowhere else.
"""

import re
from functools import cache
from pathlib import Path

import pytest
import textstat
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ROOT.parent / "shared" / "domain.md"
COURSES = ROOT / "courses" / "content"
PLANS = ROOT / "resources" / "content" / "lesson-plans"
QUIZZES = ROOT / "quizzes" / "content"

# Knowledge checks for the newer courses wait for the new question format.
COURSES_WITH_CHECKS = ["cse-awareness"]
PLAIN_LANGUAGE_COURSES = ["licensed-businesses"]
PLAIN_LANGUAGE_MINIMUM = 60

BLAMING_PHRASES = [
    "putting themselves at risk",
    "putting herself at risk",
    "putting himself at risk",
    "put themselves at risk",
    "put herself at risk",
    "put himself at risk",
    "child prostitute",
    "promiscuous",
    "chose to",
    "consented to her abuse",
    "consented to his abuse",
    "consented to their abuse",
    "lifestyle choice",
    "sleeping around",
    "asking for it",
]
# Older wordings of the emergency instruction that must not come back.
EMERGENCY_VARIANTS = [
    "contact the police straight away",
    "call the police straight away",
    "contact the police immediately",
    "emergency procedure",
    "tell the dsl at once",
    "tell the designated safeguarding lead at once",
    "tell someone in charge",
    "act at once",
]
MENTIONS_EMERGENCY = re.compile(
    r"immediate danger|emergenc|\b999\b|in danger (now|right now)", re.IGNORECASE
)
FIGURE = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per cent)|\b\d{1,3}(?:,\d{3})+\b")
SOURCE_TITLES = ("Interim Report", "If only someone had listened", "Research Digest")
IMAGE_TOPICS = {"online-safety", "consent"}
SHARING_IMAGES = re.compile(
    r"\b(shar|sen[dt]|post|forward)\w*\b[^.]{0,40}\b(images?|photos?|pictures?)\b"
    r"|\b(images?|photos?|pictures?)\b[^.]{0,40}\b(shar|sen[dt]|post|forward)",
    re.IGNORECASE,
)
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


# Reading the sources -------------------------------------------------------


@cache
def read(path: Path) -> tuple[dict, str]:
    """A source file's front matter and Markdown body."""
    text = path.read_text(encoding="utf-8")
    front, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(front) or {}, body


def blocks(body: str) -> list[dict]:
    return [yaml.safe_load(fenced) for fenced in re.findall(r"```block\n(.*?)\n```", body, re.S)]


def prose(body: str) -> list[str]:
    """The body's Markdown paragraphs outside the fenced blocks."""
    outside = re.sub(r"```block\n.*?\n```", "\n\n", body, flags=re.S)
    return [part for part in re.split(r"\n\s*\n", outside) if part.strip()]


def strings(value, field="") -> list[tuple[str, str]]:
    """Every string in a YAML value, with the name of the field it sits in."""
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, dict):
        return [pair for key, item in value.items() for pair in strings(item, str(key))]
    if isinstance(value, list):
        return [pair for item in value for pair in strings(item, field)]
    return []


def units(path: Path) -> list[tuple[str, str]]:
    """The file's text as (field, text) pieces: front matter values, prose
    paragraphs, and each block as one piece per field (so a citation at the end
    of a callout covers the figures in it)."""
    meta, body = read(path)
    pieces = [pair for pair in strings(meta) if pair[0] not in ("slug", "type", "style")]
    pieces += [("prose", paragraph) for paragraph in prose(body)]
    for block in blocks(body):
        fields = [pair for pair in strings(block) if pair[0] not in ("type", "style")]
        pieces += fields
        pieces.append(("block", " ".join(text for _, text in fields)))
    return pieces


def flat(text: str) -> str:
    """Text as a reader sees it: Markdown emphasis gone, whitespace collapsed."""
    return " ".join(text.replace("**", "").replace("*", "").split())


def lessons(course: str | None = None) -> list[Path]:
    folders = [COURSES / course] if course else course_folders()
    return [
        path
        for folder in folders
        for path in sorted(folder.glob("*/*.md"))
        if path.name != "module.md"
    ]


def course_folders() -> list[Path]:
    return sorted(path.parent for path in COURSES.glob("*/course.md"))


def modules(course: Path) -> list[Path]:
    return sorted(course.glob("*/module.md"))


def plans() -> list[Path]:
    return sorted(PLANS.glob("*.md"))


def all_sources() -> list[Path]:
    course_files = [path for folder in course_folders() for path in sorted(folder.rglob("*.md"))]
    return course_files + plans()


def name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@cache
def domain() -> str:
    if not DOMAIN.exists():
        pytest.skip(f"the subject brief is not at {DOMAIN} (shared/ beside the project root)")
    return DOMAIN.read_text(encoding="utf-8")


def emergency_instruction() -> str:
    """The one emergency instruction, in domain.md's words."""
    section = domain().split("## One emergency instruction, everywhere", 1)[1]
    paragraph = flat(section.strip().split("\n\n", 1)[0])
    return paragraph.split(" Use these words consistently", 1)[0]


# Figures -------------------------------------------------------------------


def test_every_figure_in_the_content_appears_in_the_brief():
    brief = domain()
    unknown = [
        f"{name(path)}: {figure}"
        for path in all_sources()
        for _, text in units(path)
        for figure in FIGURE.findall(flat(text))
        if figure.replace(" per cent", "%") not in brief
    ]
    assert not unknown, "figures not in domain.md:\n" + "\n".join(sorted(set(unknown)))


def test_every_figure_is_cited_by_its_source_title():
    uncited = [
        f"{name(path)}: {flat(text)[:80]}"
        for path in all_sources()
        for field, text in units(path)
        if field in ("prose", "block") and FIGURE.search(flat(text))
        if not any(title in text for title in SOURCE_TITLES)
    ]
    assert not uncited, "figures without a source title:\n" + "\n".join(uncited)


def test_the_phase_one_figures_are_cited_to_the_interim_report():
    wrong = [
        f"{name(path)}: {flat(text)[:80]}"
        for path in all_sources()
        for field, text in units(path)
        if field in ("prose", "block") and re.search(r"2,409|16,500", text)
        if "Interim Report" not in text
    ]
    reason = "2,409 and 16,500 come from the Interim Report (November 2012):\n"
    assert not wrong, reason + "\n".join(wrong)


# Language ------------------------------------------------------------------


def test_no_blaming_phrase_outside_a_quoted_example():
    found = [
        f"{name(path)} ({field}): {phrase!r}"
        for path in all_sources()
        for field, text in units(path)
        if field not in ("myth", "block")
        for phrase in BLAMING_PHRASES
        if phrase in QUOTED.sub("", flat(text)).lower()
    ]
    assert not found, "blaming language outside a quoted example:\n" + "\n".join(found)


# Structure -----------------------------------------------------------------


@pytest.mark.parametrize("course", course_folders(), ids=lambda path: path.name)
def test_every_module_has_an_introduction_content_note_and_outcomes(course):
    assert modules(course), f"{course.name} has no modules"
    for path in modules(course):
        meta, _ = read(path)
        for field in ("title", "slug", "introduction", "content_note"):
            assert str(meta.get(field) or "").strip(), f"{name(path)}: no {field}"
        outcomes = meta.get("outcomes") or []
        assert outcomes and all(str(item).strip() for item in outcomes), f"{name(path)}: outcomes"


@pytest.mark.parametrize("course", course_folders(), ids=lambda path: path.name)
def test_every_course_and_lesson_has_its_front_matter(course):
    meta, _ = read(course / "course.md")
    for field in ("title", "slug", "summary", "audience", "content_note", "outcomes"):
        assert meta.get(field), f"{course.name}/course.md: no {field}"
    assert isinstance(meta.get("estimated_minutes"), int)
    for path in lessons(course.name):
        lesson, _ = read(path)
        for field in ("title", "slug", "summary"):
            assert str(lesson.get(field) or "").strip(), f"{name(path)}: no {field}"


@pytest.mark.parametrize("course", COURSES_WITH_CHECKS)
def test_every_module_has_a_knowledge_check(course):
    for path in modules(COURSES / course):
        check = QUIZZES / course / f"{path.parent.name}.yaml"
        assert check.exists(), f"{name(path)} has no knowledge check at {name(check)}"
        data = yaml.safe_load(check.read_text(encoding="utf-8"))
        assert data["module"] == read(path)[0]["slug"], f"{name(check)} names another module"
        assert data.get("questions"), f"{name(check)} has no questions"


def test_lesson_plan_steps_fill_the_stated_duration_with_the_discussion_inside():
    for path in plans():
        meta, body = read(path)
        steps = [block for block in blocks(body) if block["type"] == "step"]
        total = sum(step["minutes"] for step in steps)
        assert total == meta["duration_minutes"], f"{name(path)}: steps take {total} minutes"
        if any(block["type"] == "discussion" for block in blocks(body)):
            assert any(step["title"].startswith("Discussion") for step in steps), (
                f"{name(path)}: the discussion has no timed step"
            )


def test_every_plan_that_touches_on_images_says_never_view_or_forward_them():
    """Plans on consent or online safety, or whose activities talk about sending
    or sharing pictures, are where a pupil may disclose an image."""
    for path in plans():
        meta, body = read(path)
        if IMAGE_TOPICS & set(meta["topics"]) or SHARING_IMAGES.search(body):
            notes = flat(meta["safeguarding_notes"]).lower()
            assert "never view" in notes and "forward" in notes, (
                f"{name(path)}: the safeguarding notes must say never to view or forward images"
            )


# Plain language ------------------------------------------------------------


def readable_text(path: Path) -> str:
    """A lesson's words as sentences: headings, list items, prompts and block
    fields each end with a full stop; Markdown and YAML syntax are dropped."""
    _, body = read(path)
    pieces = [line for paragraph in prose(body) for line in paragraph.splitlines()]
    for block in blocks(body):
        pieces += [text for field, text in strings(block) if field not in ("type", "style")]
    sentences = []
    for piece in pieces:
        for line in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", piece):
            line = re.sub(r"^\s*(?:#+|[-*]|\d+\.)\s+", "", line)
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", flat(line))
            if line:
                sentences.append(line if line[-1] in ".?!:" else line + ".")
    return " ".join(sentences)


@pytest.mark.parametrize(
    "path",
    [path for course in PLAIN_LANGUAGE_COURSES for path in lessons(course)],
    ids=lambda path: path.stem,
)
def test_plain_language_lessons_are_easy_to_read(path):
    score = textstat.flesch_reading_ease(readable_text(path))
    assert score >= PLAIN_LANGUAGE_MINIMUM, f"{name(path)}: Flesch reading ease {score:.0f}"


# The emergency instruction -------------------------------------------------


def test_the_brief_has_the_emergency_instruction():
    assert emergency_instruction().startswith("If a child is in immediate danger, call the police")


def test_every_lesson_or_plan_that_mentions_an_emergency_gives_the_one_instruction():
    instruction = emergency_instruction()
    missing = [
        name(path)
        for path in lessons() + plans()
        if MENTIONS_EMERGENCY.search(path.read_text(encoding="utf-8"))
        if not any(instruction in flat(text) for _, text in units(path))
    ]
    assert not missing, "mentions an emergency without the instruction:\n" + "\n".join(missing)


@pytest.mark.parametrize("path", plans(), ids=lambda path: path.stem)
def test_every_plan_gives_the_teacher_the_one_instruction(path):
    meta, _ = read(path)
    assert emergency_instruction() in flat(meta["safeguarding_notes"])


@pytest.mark.parametrize("course", course_folders(), ids=lambda path: path.name)
def test_every_course_gives_the_one_instruction(course):
    instruction = emergency_instruction()
    assert any(
        instruction in flat(text) for path in lessons(course.name) for _, text in units(path)
    )


def test_no_other_version_of_the_emergency_instruction_remains():
    found = [
        f"{name(path)}: {variant!r}"
        for path in all_sources()
        for variant in EMERGENCY_VARIANTS
        if variant in flat(path.read_text(encoding="utf-8")).lower()
    ]
    assert not found, "old wordings of the emergency instruction:\n" + "\n".join(found)
