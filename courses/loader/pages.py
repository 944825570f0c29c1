"""Writing a course's source into the page tree, and leaving editors' work alone.

A page is found by its ``source_key``. It is created if missing, skipped if its
``source_hash`` matches the file, and otherwise refreshed and published only
if it is still exactly as the loader left it (``kits.content.sync``).
"""

import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from courses.blocks import LessonBodyBlock
from courses.loader.body import body_data, rich_text
from courses.loader.source import ContentError, SourceFile, read_course
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, PrintablePage
from kits.content.sync import LoadReport, load_outcome, publish

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"
INDEX = {
    "title": "Training",
    "slug": "training",
    "intro": "<p>Courses for everyone who works with children and young people.</p>",
}


def _place(page: Page, *, parent: Page, after: Page | None) -> None:
    """Add a new page after its predecessor in the source, or first under ``parent``."""
    if after is not None and after.get_parent().pk == parent.pk:
        after.add_sibling(pos="right", instance=page)
    elif (first := parent.get_first_child()) is not None:
        first.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)


def sync_page(model, key, source: SourceFile, fields, *, parent, after, report) -> Page:
    """``fields`` is a function: converting the source is skipped when nothing changed."""
    page = model.objects.filter(source_key=key).first()
    outcome = load_outcome(page, digest=source.hash)
    report.record(outcome, key)
    if outcome in ("unchanged", "kept"):
        return page
    created = outcome == "created"
    page = page or model(source_key=key)
    for name, value in {**fields(), "source_hash": source.hash}.items():
        setattr(page, name, value)
    try:
        if created:
            _place(page, parent=parent, after=after)
        publish(page)
    except ValidationError as error:
        raise ContentError(f"{source.path}: {error}") from error
    return page


def _lesson_fields(source: SourceFile) -> dict:
    where = str(source.path)
    block = LessonBodyBlock()
    body = block.normalize(with_printables(body_data(source.body, where), where))
    try:
        block.clean(body)
    except ValidationError as error:
        raise ContentError(f"{where}: {error}") from error
    meta = source.meta
    return {
        "title": meta["title"],
        "slug": meta["slug"],
        "summary": meta.get("summary", ""),
        "body": body,
    }


def with_printables(data: list[tuple[str, object]], where: str) -> list[tuple[str, object]]:
    """``data`` with each printable link's source key replaced by its page."""
    keys = [value["printable_key"] for kind, value in data if kind == "printable"]
    if not keys:
        return data
    pages = {page.source_key: page for page in PrintablePage.objects.filter(source_key__in=keys)}
    missing = sorted(set(keys) - set(pages))
    if missing:
        raise ContentError(
            f"{where}: no printable {', '.join(missing)} (courses/content/printables/)"
        )
    return [
        (kind, {"printable": pages[value["printable_key"]], "text": value["text"]})
        if kind == "printable"
        else (kind, value)
        for kind, value in data
    ]


def _outcomes(meta) -> list:
    return [("outcome", str(outcome).strip()) for outcome in meta.get("outcomes") or []]


STATEMENT_IDS = uuid.UUID("0b0e6d1e-52a4-4f0e-9a51-6e1f1c7d2a11")


def _confidence(meta, where) -> list[dict]:
    """The optional ``confidence`` statements, each with an id derived from its
    text, so that reloading keeps the ratings matched to their statement."""
    statements = meta.get("confidence") or []
    if not isinstance(statements, list) or not all(isinstance(s, str) for s in statements):
        raise ContentError(f"{where}: confidence must be a list of statements")
    texts = [" ".join(text.split()) for text in statements]
    return [
        {"type": "statement", "id": str(uuid.uuid5(STATEMENT_IDS, text)), "value": text}
        for text in texts
    ]


def index_page(model, home: Page, *, key: str, fields: dict) -> Page:
    """The one page of ``model`` (a list such as /training/), made under the home
    page if missing."""
    index = model.objects.first()
    if index is None:
        index = model(source_key=key, **fields)
        home.add_child(instance=index)
        publish(index)
    return index


def course_index(home: Page) -> CourseIndexPage:
    """The one course index, at /training/."""
    return index_page(CourseIndexPage, home, key="training", fields=INDEX)


def _link_home_page(home, index) -> None:
    # The home page's "Take the training" goes to the index, unless an editor has
    # chosen another page or has a draft of the home page in hand.
    if home.training_page_id is None and not home.has_unpublished_changes:
        home.training_page = index
        publish(home)


@transaction.atomic
def load_course(*, folder: Path, home: Page) -> LoadReport:
    """Create or refresh the course in ``folder`` under the course index."""
    report = LoadReport()
    source = read_course(folder)
    index = course_index(home)
    _link_home_page(home, index)
    meta = source.file.meta
    course = sync_page(
        CoursePage,
        meta["slug"],
        source.file,
        lambda meta=meta: {
            "title": meta["title"],
            "slug": meta["slug"],
            "summary": meta["summary"].strip(),
            "audience": meta["audience"].strip(),
            "estimated_minutes": int(meta["estimated_minutes"]),
            "outcomes": _outcomes(meta),
            "content_note": (meta.get("content_note") or "").strip(),
            "validity_months": meta.get("validity_months") or None,
            "issues_certificate": bool(meta.get("issues_certificate", True)),
            "trains_rse_practitioners": bool(meta.get("trains_rse_practitioners", False)),
            "confidence_statements": _confidence(meta, source.file.path),
        },
        parent=index,
        after=None,
        report=report,
    )
    previous_module = None
    for module_source in source.modules:
        meta = module_source.file.meta
        module_key = f"{source.file.meta['slug']}/{meta['slug']}"
        module = sync_page(
            ModulePage,
            module_key,
            module_source.file,
            lambda meta=meta: {
                "title": meta["title"],
                "slug": meta["slug"],
                "introduction": rich_text(meta["introduction"]),
                "outcomes": _outcomes(meta),
                "content_note": (meta.get("content_note") or "").strip(),
            },
            parent=course,
            after=previous_module,
            report=report,
        )
        previous_lesson = None
        for lesson_source in module_source.lessons:
            previous_lesson = sync_page(
                LessonPage,
                f"{module_key}/{lesson_source.meta['slug']}",
                lesson_source,
                lambda lesson_source=lesson_source: _lesson_fields(lesson_source),
                parent=module,
                after=previous_lesson,
                report=report,
            )
        previous_module = module
    return report
