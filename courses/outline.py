"""The live structure of a course: its modules and their lessons, in tree order.

A lesson counts (it is listed, and required to complete the course) while it and
its module are both live. Rows are plain ``Page`` objects with only the fields a
list or a link needs, fetched in one query however long the course is.
"""

from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

ROW_FIELDS = ("id", "title", "slug", "path", "depth", "url_path", "live", "locale_id")


@dataclass
class OutlineModule:
    page: Page
    lessons: list[Page] = field(default_factory=list)


@dataclass
class CourseOutline:
    course: Page
    modules: list[OutlineModule]

    @cached_property
    def lessons(self) -> list[Page]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @cached_property
    def lesson_ids(self) -> set[int]:
        return {lesson.pk for lesson in self.lessons}

    def module_of(self, lesson_id: int) -> OutlineModule | None:
        return next(
            (m for m in self.modules if any(lesson.pk == lesson_id for lesson in m.lessons)),
            None,
        )

    def module(self, module_id: int) -> OutlineModule | None:
        return next((m for m in self.modules if m.page.pk == module_id), None)

    def neighbours(self, lesson_id: int) -> tuple[Page | None, Page | None]:
        """The lessons before and after ``lesson_id`` in the whole course."""
        ids = [lesson.pk for lesson in self.lessons]
        if lesson_id not in ids:
            return None, None
        at = ids.index(lesson_id)
        before = self.lessons[at - 1] if at > 0 else None
        after = self.lessons[at + 1] if at + 1 < len(ids) else None
        return before, after

    def next_in_module(self, lesson_id: int) -> Page | None:
        module = self.module_of(lesson_id)
        if module is None:
            return None
        ids = [lesson.pk for lesson in module.lessons]
        at = ids.index(lesson_id)
        return module.lessons[at + 1] if at + 1 < len(ids) else None


def _below(course) -> Q:
    return Q(path__startswith=course.path, depth__in=(course.depth + 1, course.depth + 2))


def _build(course, rows) -> CourseOutline:
    modules: dict[str, OutlineModule] = {}
    for row in rows:
        if not row.live or not row.path.startswith(course.path):
            continue
        if row.depth == course.depth + 1:
            modules[row.path] = OutlineModule(page=row)
        elif row.depth == course.depth + 2 and row.path[: -Page.steplen] in modules:
            modules[row.path[: -Page.steplen]].lessons.append(row)
    return CourseOutline(course=course, modules=list(modules.values()))


def course_outlines(courses) -> dict[int, CourseOutline]:
    """The outline of each of ``courses``, keyed by course id, in one query."""
    courses = list(courses)
    if not courses:
        return {}
    rows = list(
        Page.objects.live()
        .filter(reduce(or_, (_below(course) for course in courses)))
        .order_by("path")
        .only(*ROW_FIELDS)
    )
    return {course.pk: _build(course, rows) for course in courses}


def course_outline(course) -> CourseOutline:
    return course_outlines([course])[course.pk]


def lesson_outline(lesson, annotations=None) -> tuple[list[Page], CourseOutline]:
    """The lesson's ancestors from the home page down, and its course's outline.

    One query: the ancestors' paths are prefixes of the lesson's own path. Each row
    also carries ``annotations``, a function of the course's path returning
    expressions (the learner's state: see ``courses.selectors``).
    """
    ancestor_paths = [lesson.path[: Page.steplen * depth] for depth in range(2, lesson.depth)]
    course_path = lesson.path[: Page.steplen * (lesson.depth - 2)]
    course_depth = lesson.depth - 2
    rows = list(
        Page.objects.filter(
            Q(path__in=ancestor_paths)
            | Q(path__startswith=course_path, depth__gt=course_depth, live=True)
        )
        .annotate(**(annotations(course_path) if annotations else {}))
        .order_by("path")
        .only(*ROW_FIELDS)
    )
    ancestors = [row for row in rows if row.path in ancestor_paths]
    course = next(row for row in ancestors if row.path == course_path)
    return ancestors, _build(course, rows)
