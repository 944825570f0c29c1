"""Reading one knowledge check's YAML into the fields of a KnowledgeCheck.

Reading never touches the database. Question and option ids are derived from
their text (uuid5), so loading the same file again gives the same identities
and every response recorded against them stays matched to its question.
"""

import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError

from kits.content.markdown import markdown_to_rich_text
from kits.content.source import ContentError, read_yaml
from quizzes.blocks import SCENARIO_FEATURES, QuestionsBlock, options_problems
from quizzes.models import QuestionOrder

# Part of every hash: bump it when the conversion changes, so that checks nobody
# has edited are converted again on the next load.
LOADER_VERSION = "1"
IDS = uuid.UUID("3f7346ff-2fa9-4bdd-b268-69a7bc7377fe")
TYPES = {
    "single": "single",
    "multiple": "multiple",
    "myth-fact": "myth_fact",
    "scenario": "scenario",
}


@dataclass
class QuizSource:
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


def _question(question: dict, *, quiz_key: str, where: str) -> dict:
    kind = TYPES.get(question.get("type"))
    if kind is None:
        raise ContentError(f"{where}: type must be one of {', '.join(TYPES)}")
    text, explanation = _text(question.get("text")), _text(question.get("explanation"))
    if not text or not explanation:
        raise ContentError(f"{where}: a question needs text and an explanation")
    # Scenarios often share their question ("Which of these are warning signs?").
    question_id = _id(quiz_key, _text(question.get("scenario")), text)
    value = {"text": text, "explanation": explanation}
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
        block.clean(block.to_python(value))
    except ValidationError as error:
        raise ContentError(f"{where}: {error}") from error
    return {"type": kind, "id": question_id, "value": value}


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


def read_quiz(path: Path, *, course_slug: str) -> QuizSource:
    """The check in ``path``, validated and converted; raises ContentError."""
    source = read_yaml(path, version=LOADER_VERSION)
    data = source.meta
    if not data.get("module") or not data.get("title"):
        raise ContentError(f"{path}: module and title are required")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise ContentError(f"{path}: questions must be a non-empty list")
    quiz_key = f"{course_slug}/{data['module']}"
    stream = [
        _question(
            question if isinstance(question, dict) else {},
            quiz_key=quiz_key,
            where=f"{path}, question {n}",
        )
        for n, question in enumerate(questions, start=1)
    ]
    if len({question["id"] for question in stream}) != len(stream):
        raise ContentError(f"{path}: two questions are the same")
    fields = {"title": _text(data["title"]), "questions": stream, **_settings(data, path)}
    return QuizSource(path=path, module=str(data["module"]), hash=source.hash, fields=fields)
