"""The content loader: idempotent, and never overwrites an editor's work."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from courses.loader.pages import CONTENT_ROOT, load_course
from courses.loader.printables import load_printables
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from kits.content.source import ContentError
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

LESSON = """---
title: {title}
slug: {slug}
summary: One sentence.
---

Opening paragraph with **bold** text.

## A section

- one
- two

```block
type: callout
style: warning
heading: Take care
text: |
  Some *emphasis*, and a second
  line that is joined up.

  - a list item
  - another
```

```block
type: quote
text: |
  Nobody listened to me,
  not once.
attribution: "A young person, 14 (illustrative)"
```
"""


def write_course(root: Path, lessons=("first", "second")) -> Path:
    folder = root / "tiny-course"
    (folder / "01-only-module").mkdir(parents=True)
    (folder / "course.md").write_text(
        "---\ntitle: Tiny course\nslug: tiny-course\nsummary: Small.\naudience: Everyone.\n"
        "estimated_minutes: 10\noutcomes:\n  - Know things\nvalidity_months:\n"
        "issues_certificate: false\n---\n"
    )
    (folder / "01-only-module" / "module.md").write_text(
        "---\ntitle: Only module\nslug: only-module\nintroduction: |\n  An *introduction*.\n---\n"
    )
    for n, slug in enumerate(lessons, start=1):
        (folder / "01-only-module" / f"{n:02d}-{slug}.md").write_text(
            LESSON.format(title=slug.title(), slug=slug)
        )
    return folder


def test_the_cse_course_loads_and_publishes_every_page(home):
    call_command("load_course_content")
    course = CoursePage.objects.get(slug="cse-awareness")
    assert course.live and course.validity_months == 24 and course.issues_certificate
    assert ModulePage.objects.child_of(course).live().count() == 5
    lessons = LessonPage.objects.descendant_of(course).live()
    assert lessons.count() == 17
    assert all(lesson.live_revision_id and not lesson.has_unpublished_changes for lesson in lessons)
    home.refresh_from_db()
    assert home.training_page_id == CourseIndexPage.objects.get().pk


def test_loading_twice_changes_nothing(home):
    load_printables(home=home)  # lessons link to them
    first = load_course(folder=CONTENT_ROOT / "cse-awareness", home=home)
    revisions = Revision.objects.count()
    second = load_course(folder=CONTENT_ROOT / "cse-awareness", home=home)
    assert first.counts["created"] == 23  # the course, 5 modules, 17 lessons
    assert second.counts == {"unchanged": 23}
    assert Revision.objects.count() == revisions


def test_a_lesson_becomes_heading_text_and_structured_blocks(home, tmp_path):
    load_course(folder=write_course(tmp_path), home=home)
    lesson = LessonPage.objects.get(slug="first")
    assert [block.block_type for block in lesson.body] == [
        "text",
        "heading",
        "text",
        "callout",
        "quote",
    ]
    assert "<b>bold</b>" in lesson.body[0].value.source
    assert "<ul>" in lesson.body[2].value.source
    callout = lesson.body[3].value
    assert callout["style"] == "warning" and "<i>emphasis</i>" in callout["text"].source
    assert "second line that is joined up" in callout["text"].source
    assert "<ul>" in callout["text"].source and "a list item</li>" in callout["text"].source
    assert lesson.body[4].value["text"] == "Nobody listened to me, not once."


def test_a_changed_file_refreshes_a_page_nobody_edited(home, tmp_path):
    folder = write_course(tmp_path)
    load_course(folder=folder, home=home)
    path = folder / "01-only-module" / "01-first.md"
    path.write_text(path.read_text().replace("title: First", "title: First, revised"))
    report = load_course(folder=folder, home=home)
    assert report.counts == {"updated": 1, "unchanged": 3}
    assert LessonPage.objects.get(slug="first").title == "First, revised"


def test_a_page_an_editor_changed_is_kept(home, tmp_path):
    folder = write_course(tmp_path)
    load_course(folder=folder, home=home)
    editor = UserFactory(is_superuser=True)
    lesson = LessonPage.objects.get(slug="first")
    lesson.title = "Edited in the admin"
    lesson.save_revision(user=editor).publish(user=editor)
    path = folder / "01-only-module" / "01-first.md"
    path.write_text(path.read_text().replace("Opening paragraph", "New opening"))
    report = load_course(folder=folder, home=home)
    assert report.kept == ["tiny-course/only-module/first"]
    lesson.refresh_from_db()
    assert lesson.title == "Edited in the admin"
    assert "New opening" not in str(lesson.body[0].value)


def test_an_editors_draft_and_an_unpublished_page_are_kept(home, tmp_path):
    folder = write_course(tmp_path)
    load_course(folder=folder, home=home)
    draft = LessonPage.objects.get(slug="first")
    draft.title = "Draft"
    draft.save_revision(user=UserFactory())
    LessonPage.objects.get(slug="second").unpublish()
    for path in (folder / "01-only-module").glob("0*.md"):
        path.write_text(path.read_text() + "\nMore text.\n")
    report = load_course(folder=folder, home=home)
    assert report.counts["kept"] == 2
    assert not LessonPage.objects.get(slug="second").live


def test_a_renamed_slug_is_still_found_not_duplicated(home, tmp_path):
    folder = write_course(tmp_path)
    load_course(folder=folder, home=home)
    lesson = LessonPage.objects.get(slug="first")
    lesson.slug = "renamed"
    editor = UserFactory(is_superuser=True)
    lesson.save_revision(user=editor).publish(user=editor)
    load_course(folder=folder, home=home)
    assert LessonPage.objects.count() == 2


def test_a_new_source_lesson_goes_in_its_place(home, tmp_path):
    folder = write_course(tmp_path, lessons=("first", "third"))
    load_course(folder=folder, home=home)
    module_dir = folder / "01-only-module"
    (module_dir / "02-third.md").rename(module_dir / "03-third.md")
    (folder / "01-only-module" / "02-second.md").write_text(
        LESSON.format(title="Second", slug="second")
    )
    load_course(folder=folder, home=home)
    module = ModulePage.objects.get(slug="only-module")
    assert [page.slug for page in module.get_children()] == ["first", "second", "third"]


def test_a_format_problem_names_the_file(home, tmp_path):
    folder = write_course(tmp_path)
    path = folder / "01-only-module" / "01-first.md"
    path.write_text(path.read_text() + "\n```block\ntype: poster\n```\n")
    with pytest.raises(ContentError, match="01-first.md: unknown block type 'poster'"):
        load_course(folder=folder, home=home)
    assert not CoursePage.objects.exists()


def test_the_command_needs_a_home_page(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="seed_demo"):
        call_command("load_course_content")


def test_the_real_content_parses(tmp_path):
    """A quick check that runs without the database: every file is well formed."""
    from courses.loader.body import body_data
    from courses.loader.source import read_course

    shutil.copytree(CONTENT_ROOT / "cse-awareness", tmp_path / "c")
    course = read_course(tmp_path / "c")
    for module in course.modules:
        for lesson in module.lessons:
            assert body_data(lesson.body, str(lesson.path))
