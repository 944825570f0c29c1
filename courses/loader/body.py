"""Markdown to Wagtail content: rich text, and a lesson body as StreamField data.

Prose goes through the loader kit's Markdown conversion with the lesson's
features (``kits.content.markdown``). ``## `` and ``### `` lines become heading blocks;
```` ```block ```` fences hold YAML for the structured blocks.
"""

import re

from courses.blocks import TEXT_FEATURES
from kits.content.markdown import markdown_to_rich_text
from kits.content.source import ContentError, parse_block

HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*$")


def rich_text(source: str) -> str:
    """Markdown to Wagtail's database rich text, keeping only the lesson features."""
    return markdown_to_rich_text(source, features=TEXT_FEATURES)


def _markdown(value) -> str:
    return str(value or "").strip()


def _plain(value) -> str:
    """Plain text with the source's line wrapping undone; blank lines still part
    paragraphs."""
    paragraphs = re.split(r"\n\s*\n", str(value or "").strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _structured(data: dict, where: str) -> tuple[str, dict]:
    kind = data.get("type")
    if kind == "callout":
        return "callout", {
            "style": data.get("style", "key-fact"),
            "heading": _plain(data.get("heading")),
            "text": rich_text(_markdown(data.get("text"))),
        }
    if kind == "quote":
        return "quote", {
            "text": _plain(data.get("text")),
            "attribution": _plain(data.get("attribution")),
        }
    if kind == "checklist":
        return "checklist", {
            "heading": _plain(data.get("heading")),
            "intro": _plain(data.get("intro")),
            "items": [_plain(item) for item in data.get("items") or []],
        }
    if kind == "myth-fact":
        return "myth_fact", {
            "myth": _plain(data.get("myth")),
            "fact": rich_text(_markdown(data.get("fact"))),
        }
    if kind == "case-study":
        return "case_study", {
            "title": _plain(data.get("title")),
            "scenario": rich_text(_markdown(data.get("scenario"))),
            "prompts": [_plain(prompt) for prompt in data.get("prompts") or []],
            "good_response": rich_text(_markdown(data.get("good_response"))),
        }
    if kind == "signposting":
        return "signposting", {
            "heading": _plain(data.get("heading")),
            "intro": _plain(data.get("intro")),
        }
    if kind == "partnership-text":
        return "partnership_text", {
            "heading": _plain(data.get("heading")),
            "text": _plain(data.get("text")) or "rse_law_summary",
        }
    if kind == "flowchart":
        return "flowchart", {
            "heading": _plain(data.get("heading")),
            "steps": [_step(step, where) for step in data.get("steps") or []],
        }
    if kind == "emergency":
        return "emergency", None
    if kind == "printable":
        # Resolved to the printable's page when the lesson is written (pages.py):
        # reading a body never touches the database.
        return "printable", {
            "printable_key": f"printables/{_plain(data.get('key'))}",
            "text": _plain(data.get("text")),
        }
    raise ContentError(f"{where}: unknown block type {kind!r}")


def _step(step, where: str) -> dict:
    if not isinstance(step, dict) or not step.get("text"):
        raise ContentError(f"{where}: every flowchart step needs its text")
    return {
        "kind": step.get("kind", "action"),
        "text": _plain(step.get("text")),
        "if_yes": _plain(step.get("if_yes")),
        "detail": _plain(step.get("detail")),
    }


def body_data(source: str, where: str) -> list[tuple[str, object]]:
    """A lesson's Markdown body as (block type, value) pairs, in order."""
    data: list[tuple[str, object]] = []
    prose: list[str] = []

    def flush():
        text = "\n".join(prose).strip()
        prose.clear()
        if text:
            data.append(("text", rich_text(text)))

    lines = iter(source.splitlines())
    for line in lines:
        heading = HEADING.match(line)
        if line.strip() == "```block":
            flush()
            fenced = []
            for inner in lines:
                if inner.strip() == "```":
                    break
                fenced.append(inner)
            else:
                raise ContentError(f"{where}: a ```block fence is not closed")
            data.append(_structured(parse_block("\n".join(fenced), where), where))
        elif heading:
            flush()
            level = "h2" if len(heading.group(1)) == 2 else "h3"
            data.append(("heading", {"text": heading.group(2), "level": level}))
        else:
            prose.append(line)
    flush()
    return data
