"""Reading one knowledge check's YAML into the fields of a KnowledgeCheck.

Reading never touches the database. Question and option ids are derived from
their text (uuid5), so loading the same file again gives the same identities
and every response recorded against them stays matched to its question.
"""

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from courses.loader.pages import CONTENT_ROOT as COURSES_ROOT
from courses.loader.source import read_source_file
from kits.content.markdown import markdown_to_rich_text
from kits.content.source import ContentError, read_yaml
from quizzes.bank import BankEntry, bank_problems
from quizzes.blocks import SCENARIO_FEATURES, SCENARIO_SECTORS, QuestionsBlock, options_problems
from quizzes.models import QuestionOrder

# Part of every hash: bump it when the conversion changes, so that checks nobody
# has edited are converted again on the next load.
LOADER_VERSION = "2"
IDS = uuid.UUID("3f7346ff-2fa9-4bdd-b268-69a7bc7377fe")
TYPES = {
    "single": "single",
    "multiple": "multiple",
    "myth-fact": "myth_fact",
    "scenario": "scenario",
}


SECTORS = [value for value, _ in SCENARIO_SECTORS]


@dataclass
class QuizSource:
    """A check read from its file. Each question's ``lesson`` is still the lesson's
    slug; the sync step swaps it for the page."""

    path: Path
    module: str
    hash: str
    fields: dict


def _id(*parts: str) -> str:
    return str(uuid.uuid5(IDS, "\n".join(parts)))


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _rich_text(source: str) -> str:
    return markdown_to_rich_text(source, features=SCENARIO_FEATURES)


def _options(question: dict, question_id: str, where: str) -> list[dict]:
    options = question.get("options") or []
    if not isinstance(options, list) or not all(isinstance(o, dict) for o in options):
        raise ContentError(f"{where}: options must be a list of mappings")
    for option in options:
        if not _text(option.get("text")) or not isinstance(option.get("correct"), bool):
            raise ContentError(f"{where}: every option needs text and correct: true or false")
    problems = options_problems(
        [{"text": _text(o["text"]), "correct": o["correct"]} for o in options],
        exactly_one=question["type"] == "single",
    )
    if problems:
        raise ContentError(f"{where}: {' '.join(problems)}")
    return [
        {
            "type": "item",
            "id": _id(question_id, _text(option["text"])),
            "value": {
                "text": _text(option["text"]),
                "correct": option["correct"],
                "feedback": _text(option.get("feedback")),
            },
        }
        for option in options
    ]


@dataclass(frozen=True)
class Teaching:
    """What the questions may refer to: the check's topic slugs and the slugs of
    its module's lessons."""

    topics: Collection[str]
    lessons: Collection[str]


def _teaching(question: dict, kind: str, teaching: Teaching, where: str) -> dict:
    """A question's topic, lesson, principle, exclusion group and sector."""
    topic, lesson = _text(question.get("topic")), _text(question.get("lesson"))
    if topic not in teaching.topics:
        raise ContentError(f"{where}: topic must be one of {', '.join(teaching.topics)}")
    if lesson not in teaching.lessons:
        raise ContentError(
            f"{where}: lesson must be the slug of a lesson in this module "
            f"({', '.join(sorted(teaching.lessons))})"
        )
    principle = _text(question.get("principle"))
    if not principle:
        raise ContentError(f"{where}: a question needs its principle")
    value = {
        "topic": topic,
        "lesson": lesson,
        "principle": principle,
        "not_with": _text(question.get("not_with")),
    }
    sector = _text(question.get("sector"))
    if sector and (kind != "scenario" or sector not in SECTORS):
        raise ContentError(f"{where}: sector is for scenarios, one of {', '.join(SECTORS)}")
    if kind == "scenario":
        value["sector"] = sector
    return value


def _question(question: dict, *, quiz_key: str, teaching: Teaching, where: str) -> dict:
    kind = TYPES.get(question.get("type"))
    if kind is None:
        raise ContentError(f"{where}: type must be one of {', '.join(TYPES)}")
    text, explanation = _text(question.get("text")), _text(question.get("explanation"))
    if not text or not explanation:
        raise ContentError(f"{where}: a question needs text and an explanation")
    # Scenarios often share their question ("Which of these are warning signs?").
    question_id = _id(quiz_key, _text(question.get("scenario")), text)
    value = {"text": text, "explanation": explanation, **_teaching(question, kind, teaching, where)}
    if kind == "myth_fact":
        if question.get("answer") not in ("myth", "fact"):
            raise ContentError(f"{where}: answer must be myth or fact")
        value["answer"] = question["answer"]
    else:
        value["options"] = _options(question, question_id, where)
    if kind == "scenario":
        if not _text(question.get("scenario")):
            raise ContentError(f"{where}: a scenario question needs its scenario")
        value["scenario"] = _rich_text(question["scenario"])
    block = QuestionsBlock.base_blocks[kind]
    try:
        # The lesson is still a slug here; the page is checked when it is found.
        block.clean(block.to_python({**value, "lesson": None}))
    except ValidationError as error:
        raise ContentError(f"{where}: {error}") from error
    return {"type": kind, "id": question_id, "value": value}


def _topics(data: dict, path: Path) -> list[dict]:
    topics = data.get("topics")
    if not isinstance(topics, list) or not topics:
        raise ContentError(f"{path}: topics must be a non-empty list of slug and label")
    stream = []
    for topic in topics:
        slug = _text(topic.get("slug")) if isinstance(topic, dict) else ""
        label = _text(topic.get("label")) if isinstance(topic, dict) else ""
        if not slug or not label:
            raise ContentError(f"{path}: every topic needs a slug and a label")
        stream.append(
            {
                "type": "topic",
                "id": _id(str(path.name), "topic", slug),
                "value": {"slug": slug, "label": label},
            }
        )
    if len({topic["value"]["slug"] for topic in stream}) != len(stream):
        raise ContentError(f"{path}: two topics have the same slug")
    return stream


def _retry(data: dict, path: Path) -> dict:
    draw, wait = data.get("draw"), data.get("retry_wait_minutes", 0) or 0
    if not isinstance(draw, int) or isinstance(draw, bool) or draw < 1:
        raise ContentError(f"{path}: draw must be a whole number of at least 1")
    if not isinstance(wait, int) or isinstance(wait, bool) or wait < 0:
        raise ContentError(f"{path}: retry_wait_minutes must be a whole number of minutes")
    reread = data.get("reread_before_retry", False)
    if not isinstance(reread, bool):
        raise ContentError(f"{path}: reread_before_retry must be true or false")
    return {"draw": draw, "retry_wait_minutes": wait, "reread_before_retry": reread}


def _lesson_slugs(course_slug: str, path: Path) -> set[str]:
    """The lessons in the module folder the check's file is named after."""
    folder = COURSES_ROOT / course_slug / path.stem
    if not folder.is_dir():
        raise ContentError(f"{path}: no module folder {path.stem!r} in the course's content")
    return {
        str(read_source_file(lesson).meta.get("slug", ""))
        for lesson in sorted(folder.glob("*.md"))
        if lesson.name != "module.md"
    }


def _settings(data: dict, path: Path) -> dict:
    pass_mark, max_attempts = data.get("pass_mark", 80), data.get("max_attempts")
    if not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        raise ContentError(f"{path}: pass_mark must be a whole number from 1 to 100")
    if max_attempts is not None and (not isinstance(max_attempts, int) or max_attempts < 1):
        raise ContentError(f"{path}: max_attempts must be blank or a whole number of at least 1")
    order = data.get("question_order", QuestionOrder.FIXED)
    if order not in QuestionOrder.values:
        raise ContentError(f"{path}: question_order must be fixed or random")
    return {
        "pass_mark": pass_mark,
        "question_order": order,
        "shuffle_options": bool(data.get("shuffle_options", True)),
        "max_attempts": max_attempts,
    }


def read_quiz(
    path: Path, *, course_slug: str, lesson_slugs: Collection[str] | None = None
) -> QuizSource:
    """The check in ``path``, validated and converted; raises ContentError.

    Questions' lessons must be among ``lesson_slugs``: by default the lessons in
    the course's module folder of the same name as the file."""
    source = read_yaml(path, version=LOADER_VERSION)
    data = source.meta
    if not data.get("module") or not data.get("title"):
        raise ContentError(f"{path}: module and title are required")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise ContentError(f"{path}: questions must be a non-empty list")
    quiz_key = f"{course_slug}/{data['module']}"
    topics = _topics(data, path)
    if lesson_slugs is None:
        lesson_slugs = _lesson_slugs(course_slug, path)
    teaching = Teaching(topics=[t["value"]["slug"] for t in topics], lessons=set(lesson_slugs))
    stream = [
        _question(
            question if isinstance(question, dict) else {},
            quiz_key=quiz_key,
            teaching=teaching,
            where=f"{path}, question {n}",
        )
        for n, question in enumerate(questions, start=1)
    ]
    if len({question["id"] for question in stream}) != len(stream):
        raise ContentError(f"{path}: two questions are the same")
    retry = _retry(data, path)
    bank = [BankEntry(q["id"], q["value"]["topic"], q["value"]["not_with"]) for q in stream]
    problems = bank_problems(questions=bank, draw=retry["draw"], topics=teaching.topics)
    if problems:
        raise ContentError(f"{path}: {' '.join(problems)}")
    fields = {
        "title": _text(data["title"]),
        "topics": topics,
        "questions": stream,
        **_settings(data, path),
        **retry,
    }
    return QuizSource(path=path, module=str(data["module"]), hash=source.hash, fields=fields)
