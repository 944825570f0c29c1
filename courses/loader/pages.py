"""Writing a course's source into the page tree, and leaving editors' work alone.

A page is found by its ``source_key``. It is created if missing, skipped if its
``source_hash`` matches the file, and otherwise refreshed and published only
if it is still exactly as the loader left it (see ``edited_since_load``).
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from courses.blocks import LessonBodyBlock
from courses.loader.body import body_data, rich_text
from courses.loader.source import ContentError, SourceFile, read_course
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"
INDEX = {
    "title": "Training",
    "slug": "training",
    "intro": "<p>Courses for everyone who works with children and young people.</p>",
}


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)
    kept: list[str] = field(default_factory=list)

    def summary(self) -> str:
        order = ("created", "updated", "unchanged", "kept")
        return ", ".join(f"{self.counts[name]} {name}" for name in order)


def edited_since_load(page: Page) -> bool:
    """True when someone may have changed the page since the loader published it.

    The loader saves its revisions with no user. Any revision by a person (an
    edit, a draft, a revert, a workflow submission), unpublishing, or a lock
    means the page now belongs to the editors and the loader leaves it alone.
    """
    if not page.live or page.has_unpublished_changes or page.locked:
        return True
    revision = page.latest_revision
    return revision is None or revision.user_id is not None or page.live_revision_id != revision.pk


def _publish(page: Page) -> None:
    page.save_revision(log_action=True).publish(log_action=True)


def _place(page: Page, *, parent: Page, after: Page | None) -> None:
    """Add a new page after its predecessor in the source, or first under ``parent``."""
    if after is not None and after.get_parent().pk == parent.pk:
        after.add_sibling(pos="right", instance=page)
    elif (first := parent.get_first_child()) is not None:
        first.add_sibling(pos="left", instance=page)
    else:
        parent.add_child(instance=page)


def _sync(model, key, source: SourceFile, fields, *, parent, after, report) -> Page:
    """``fields`` is a function: converting the source is skipped when nothing changed."""
    page = model.objects.filter(source_key=key).first()
    if page is not None and page.source_hash == source.hash:
        report.counts["unchanged"] += 1
        return page
    if page is not None and edited_since_load(page):
        report.counts["kept"] += 1
        report.kept.append(key)
        return page
    created = page is None
    page = page or model(source_key=key)
    for name, value in {**fields(), "source_hash": source.hash}.items():
        setattr(page, name, value)
    try:
        if created:
            _place(page, parent=parent, after=after)
        _publish(page)
    except ValidationError as error:
        raise ContentError(f"{source.path}: {error}") from error
    report.counts["created" if created else "updated"] += 1
    return page


def _lesson_fields(source: SourceFile) -> dict:
    where = str(source.path)
    block = LessonBodyBlock()
    body = block.normalize(body_data(source.body, where))
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


def course_index(home: Page) -> CourseIndexPage:
    """The one course index, made under the home page (at /training/) if missing."""
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(source_key="training", **INDEX)
        home.add_child(instance=index)
        _publish(index)
    return index


def _link_home_page(home, index) -> None:
    # The home page's "Take the training" goes to the index, unless an editor has
    # chosen another page or has a draft of the home page in hand.
    if home.training_page_id is None and not home.has_unpublished_changes:
        home.training_page = index
        _publish(home)


@transaction.atomic
def load_course(*, folder: Path, home: Page) -> LoadReport:
    """Create or refresh the course in ``folder`` under the course index."""
    report = LoadReport()
    source = read_course(folder)
    index = course_index(home)
    _link_home_page(home, index)
    meta = source.file.meta
    course = _sync(
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
        module = _sync(
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
            previous_lesson = _sync(
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
