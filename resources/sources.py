"""Read a lesson plan source file (docs/content-format.md, "Lesson plans") into
the values of a LessonPlanPage. Reading never touches the database."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from kits.content.markdown import markdown_to_rich_text
from kits.content.source import ContentError, parse_block, read_front_matter
from resources.blocks import RICH_TEXT_FEATURES
from resources.models.taxonomy import KeyStage, LessonFormat, TopicChoice, key_stage_years

# Part of every source hash: bump it when the mapping below changes, so the
# next load rewrites the pages the old mapping made.
FORMAT_VERSION = "2"

BLOCK = re.compile(r"^```block\n(?P<yaml>.*?)\n```[ \t]*$", re.S | re.M)
REQUIRED = [
    "title",
    "slug",
    "summary",
    "key_stage",
    "year_groups",
    "topics",
    "format",
    "duration_minutes",
    "learning_objectives",
    "safeguarding_notes",
]
BLOCK_FIELDS = {
    "step": ("title", "minutes", "instructions"),
    "discussion": ("title", "questions"),
    "worksheet": ("title", "instructions", "items"),
}


def _problem(path: Path, message: str) -> ContentError:
    return ContentError(f"{path.name}: {message}")


@dataclass
class LessonPlanSource:
    path: Path
    digest: str
    fields: dict = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    module_keys: list[str] = field(default_factory=list)  # course module source keys


def rich_text(markdown: str | None) -> str:
    """Markdown as Wagtail rich text, limited to the lesson-plan features."""
    return markdown_to_rich_text(markdown, features=RICH_TEXT_FEATURES)


def _items(values, label: str) -> list[dict]:
    return [{"type": label, "value": str(value).strip()} for value in values or []]


def _block(path: Path, data) -> dict:
    kind = data.get("type") if isinstance(data, dict) else None
    if kind not in BLOCK_FIELDS:
        raise _problem(path, f"unknown block type {kind!r}")
    missing = [name for name in BLOCK_FIELDS[kind] if data.get(name) in (None, "", [])]
    if missing:
        raise _problem(path, f"{kind} block lacks {', '.join(missing)}")
    title = str(data["title"]).strip()
    if kind == "step":
        value = {
            "title": title,
            "minutes": int(data["minutes"]),
            "instructions": rich_text(data["instructions"]),
        }
    elif kind == "discussion":
        value = {
            "title": title,
            "questions": [str(q).strip() for q in data["questions"]],
            "notes": rich_text(data.get("notes")),
        }
    else:
        value = {
            "title": title,
            "instructions": str(data["instructions"]).strip(),
            "items": [str(item).strip() for item in data["items"]],
        }
    return {"type": kind, "value": value}


def _activities(path: Path, body: str) -> list[dict]:
    """Blocks in order, with the Markdown prose between them kept as teacher notes."""
    activities, position = [], 0
    for match in BLOCK.finditer(body):
        prose = body[position : match.start()]
        if prose.strip():
            activities.append({"type": "notes", "value": rich_text(prose)})
        activities.append(_block(path, parse_block(match["yaml"], path.name)))
        position = match.end()
    if body[position:].strip():
        activities.append({"type": "notes", "value": rich_text(body[position:])})
    return activities


def _years(path: Path, meta: dict) -> tuple[int, int]:
    years = sorted({int(year) for year in meta["year_groups"]})
    allowed = key_stage_years(meta["key_stage"])
    if not years or any(year not in allowed for year in years):
        raise _problem(path, f"year_groups {years} are not all in {meta['key_stage']}")
    if years != list(range(years[0], years[-1] + 1)):
        raise _problem(path, f"year_groups {years} must be consecutive")
    return years[0], years[-1]


def _check_choices(path: Path, meta: dict) -> None:
    if meta["key_stage"] not in KeyStage.values:
        raise _problem(path, f"unknown key_stage {meta['key_stage']!r}")
    if meta["format"] not in LessonFormat.values:
        raise _problem(path, f"unknown format {meta['format']!r}")
    unknown = set(meta["topics"]) - set(TopicChoice.values)
    if unknown or not meta["topics"]:
        raise _problem(path, f"unknown or missing topics {sorted(unknown)}")


def lesson_plan_source_read(path: Path) -> LessonPlanSource:
    """Parse and check one source file; raise ``ContentError`` saying what is wrong."""
    try:
        return _read(path)
    except ContentError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise _problem(path, f"unexpected value: {error!r}") from error


def _read(path: Path) -> LessonPlanSource:
    source = read_front_matter(path, version=FORMAT_VERSION)
    meta = source.meta
    missing = [name for name in REQUIRED if meta.get(name) in (None, "", [])]
    if missing:
        raise _problem(path, f"missing {', '.join(missing)}")
    _check_choices(path, meta)
    year_from, year_to = _years(path, meta)
    return LessonPlanSource(
        path=path,
        digest=source.hash,
        topics=list(dict.fromkeys(meta["topics"])),
        module_keys=[str(key).strip() for key in meta.get("related_modules") or []],
        fields={
            "title": str(meta["title"]).strip(),
            "slug": str(meta["slug"]).strip(),
            "summary": str(meta["summary"]).strip(),
            "key_stage": meta["key_stage"],
            "year_from": year_from,
            "year_to": year_to,
            "lesson_format": meta["format"],
            "duration_minutes": int(meta["duration_minutes"]),
            "learning_objectives": _items(meta["learning_objectives"], "item"),
            "ground_rules": _items(meta.get("ground_rules"), "item"),
            "differentiation": rich_text(meta.get("differentiation")),
            "safeguarding_notes": rich_text(meta["safeguarding_notes"]),
            "activities": _activities(path, source.body),
        },
    )
