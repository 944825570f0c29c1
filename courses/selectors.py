"""What the course screens show a learner of their own progress.

Every function here reads; each answers in a constant number of queries however
long the course is. Writes live in ``courses.services``.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import cached_property

from django.db.models import Exists, F, OuterRef, Subquery
from django.http import Http404
from django.template.defaultfilters import pluralize
from wagtail.models import Page

from courses.models import Enrolment, LessonProgress
from courses.outline import CourseOutline, course_outline, lesson_outline
from courses.refreshers import refresher_due_on, refresher_is_due
from courses.requirements import ModuleRequirement, module_requirements


class Status(Enum):
    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"

    @property
    def tag_class(self) -> str:
        return {
            Status.NOT_STARTED: "govuk-tag--blue",
            Status.IN_PROGRESS: "govuk-tag--light-blue",
            Status.COMPLETED: "govuk-tag--green",
        }[self]


def to_go(*, lessons: int, extras: list[ModuleRequirement], of_one_module: bool) -> str:
    """What is left, in words: "2 lessons and the knowledge check to go"."""
    parts = [f"{lessons} lesson{pluralize(lessons)}"] if lessons else []
    nouns = sorted({extra.noun for extra in extras})
    for noun in nouns:
        count = sum(extra.noun == noun for extra in extras)
        parts.append(
            f"the {noun}" if count == 1 and of_one_module else f"{count} {noun}{pluralize(count)}"
        )
    if not parts:
        return ""
    return (
        " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]
    ) + " to go"


def _status(done: int, total: int) -> Status:
    if total and done >= total:
        return Status.COMPLETED
    return Status.IN_PROGRESS if done else Status.NOT_STARTED


@dataclass
class LessonItem:
    page: Page
    done: bool

    @property
    def status(self) -> Status:
        return Status.COMPLETED if self.done else Status.NOT_STARTED


@dataclass
class ModuleProgress:
    page: Page
    lessons: list[LessonItem]
    extras: list[ModuleRequirement]

    @property
    def total(self) -> int:
        return len(self.lessons) + len(self.extras)

    @property
    def done_count(self) -> int:
        return sum(item.done for item in [*self.lessons, *self.extras])

    @property
    def status(self) -> Status:
        return _status(self.done_count, self.total)

    @property
    def next_lesson(self) -> Page | None:
        return next((item.page for item in self.lessons if not item.done), None)

    @property
    def extra_items(self) -> list[tuple[ModuleRequirement, Status]]:
        return [(extra, _status(int(extra.done), 1)) for extra in self.extras]

    @property
    def next_extra(self) -> ModuleRequirement | None:
        """The first requirement not yet met, once every lesson is done."""
        if self.next_lesson is not None:
            return None
        return next((extra for extra in self.extras if not extra.done), None)

    @property
    def to_go(self) -> str:
        lessons = sum(not item.done for item in self.lessons)
        extras = [extra for extra in self.extras if not extra.done]
        return to_go(lessons=lessons, extras=extras, of_one_module=True)

    @property
    def summary(self) -> str:
        parts = [f"{len(self.lessons)} lesson{pluralize(len(self.lessons))}"]
        if self.extras:
            parts.append(f"{len(self.extras)} check{pluralize(len(self.extras))}")
        return ", ".join(parts)


@dataclass
class CourseProgress:
    """Where ``enrolment`` (None: not enrolled) stands against the live course."""

    outline: CourseOutline
    enrolment: Enrolment | None
    modules: list[ModuleProgress]

    @cached_property
    def total(self) -> int:
        return sum(module.total for module in self.modules)

    @cached_property
    def done_count(self) -> int:
        return sum(module.done_count for module in self.modules)

    @property
    def unit(self) -> str:
        """What the items are, for 'You have completed 3 of 16 lessons'."""
        return "lessons" if all(not m.extras for m in self.modules) else "lessons and checks"

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def all_done(self) -> bool:
        return self.total > 0 and self.done_count >= self.total

    @property
    def status(self) -> Status:
        if self.enrolment is not None and not self.enrolment.is_open:
            return Status.COMPLETED
        return _status(self.done_count, self.total)

    @property
    def next_lesson(self) -> Page | None:
        """Where to continue: the first lesson not yet done, in course order."""
        return next((m.next_lesson for m in self.modules if m.next_lesson), None)

    @property
    def next_extra(self) -> ModuleRequirement | None:
        """A requirement (such as a knowledge check) to do before the next lesson:
        the first module with something left has only that left."""
        module = next((m for m in self.modules if m.done_count < m.total), None)
        return module.next_extra if module else None

    @property
    def to_go(self) -> str:
        lessons = sum(not item.done for m in self.modules for item in m.lessons)
        extras = [extra for m in self.modules for extra in m.extras if not extra.done]
        return to_go(lessons=lessons, extras=extras, of_one_module=False)

    def module(self, module_id: int) -> ModuleProgress | None:
        return next((m for m in self.modules if m.page.pk == module_id), None)


def course_progress(
    *,
    outline: CourseOutline,
    enrolment: Enrolment | None,
    done_ids: set[int] | None = None,
    extras: dict | None = None,
) -> CourseProgress:
    """Match the enrolment's records (``done_ids`` and the modules' ``extras``
    requirements, if already fetched) against the course as it is now.

    Modules with nothing to do are left out. Records of lessons that are no longer
    live stay in the database but do not count.
    """
    if enrolment is None:
        done_ids = set()
    elif done_ids is None:
        done_ids = set(
            LessonProgress.objects.filter(
                enrolment=enrolment, lesson_id__in=outline.lesson_ids
            ).values_list("lesson_id", flat=True)
        )
    if extras is None:
        extras = module_requirements(
            enrolment=enrolment, module_ids=[m.page.pk for m in outline.modules]
        )
    modules = [
        ModuleProgress(
            page=module.page,
            lessons=[LessonItem(page=row, done=row.pk in done_ids) for row in module.lessons],
            extras=extras.get(module.page.pk, []),
        )
        for module in outline.modules
    ]
    return CourseProgress(
        outline=outline, enrolment=enrolment, modules=[m for m in modules if m.total]
    )


def enrolment_is_finished(*, enrolment: Enrolment) -> bool:
    """True when every required item of the live course is done in ``enrolment``."""
    outline = course_outline(enrolment.course)
    return course_progress(outline=outline, enrolment=enrolment).all_done


def _latest_enrolments(user, course_id: int | None):
    """The learner's open enrolment on the course first, then the latest finished."""
    if not user.is_authenticated:
        return Enrolment.objects.none()
    enrolments = Enrolment.objects.filter(user=user)
    if course_id is not None:
        enrolments = enrolments.filter(course_id=course_id)
    return enrolments.order_by(F("completed_at").desc(nulls_first=True), "-started_at")


def _refresher(enrolment: Enrolment | None, validity_months: int | None) -> dict:
    if enrolment is None or enrolment.is_open:
        return {"refresher_due_on": None, "refresher_due": False}
    due_on = refresher_due_on(completed_at=enrolment.completed_at, validity_months=validity_months)
    return {"refresher_due_on": due_on, "refresher_due": refresher_is_due(due_on)}


def course_page_context(*, course, user) -> dict:
    """The course page: the task list of modules, progress and what to do next."""
    enrolment = _latest_enrolments(user, course.pk).first()
    progress = course_progress(outline=course_outline(course), enrolment=enrolment)
    return {
        "enrolment": enrolment,
        "progress": progress,
        # Offered once the course is complete, until the learner answers.
        "confidence_after_due": enrolment is not None
        and not enrolment.is_open
        and bool(course.confidence_statements)
        and not enrolment.confidence_ratings.filter(stage="after").exists(),
        # A finished enrolment stands; content added since then waits for the refresher.
        "changed_since_completion": enrolment is not None
        and not enrolment.is_open
        and not progress.all_done,
        **_refresher(enrolment, course.validity_months),
    }


def module_page_context(*, module, course, user) -> dict:
    """The module page: its lessons and other requirements, with their statuses."""
    enrolment = _latest_enrolments(user, course.pk).first()
    progress = course_progress(outline=course_outline(course), enrolment=enrolment)
    return {
        "course": course,
        "enrolment": enrolment,
        "module_progress": progress.module(module.pk),
        "next_lesson": progress.next_lesson,
    }


@dataclass(frozen=True)
class EnrolmentState:
    """The little a lesson page needs to know of the learner's enrolment."""

    pk: int
    completed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.completed_at is None


def _learner_state(user):
    """Annotations for the outline rows: the learner's latest enrolment on the course
    and whether each lesson is done in it, so the lesson page needs no extra query."""

    def annotations(course_path: str) -> dict:
        latest = _latest_enrolments(user, None).filter(course__path=course_path)
        latest_pk = Subquery(latest.values("pk")[:1])
        return {
            "learner_enrolment": latest_pk,
            "learner_completed_at": Subquery(latest.values("completed_at")[:1]),
            "learner_done": Exists(
                LessonProgress.objects.filter(enrolment_id=latest_pk, lesson_id=OuterRef("pk"))
            ),
        }

    return annotations if user.is_authenticated else None


def lesson_page_context(*, lesson, user, is_preview: bool = False) -> dict:
    """The lesson page: where it sits in the course, and whether it is done.

    One query whatever the lesson's length: the outline, with the ancestors for the
    breadcrumbs and the learner's state on every row.
    """
    ancestors, outline = lesson_outline(lesson, annotations=_learner_state(user))
    module = outline.module_of(lesson.pk)
    if module is None and not is_preview:
        raise Http404("The lesson's module is not published.")
    course = outline.course
    enrolment = None
    if getattr(course, "learner_enrolment", None):
        enrolment = EnrolmentState(course.learner_enrolment, course.learner_completed_at)
    this_row = next((row for row in outline.lessons if row.pk == lesson.pk), None)
    previous, following = outline.neighbours(lesson.pk)
    lessons_in_module = [row.pk for row in module.lessons] if module else []
    return {
        "breadcrumbs": ancestors,
        "course": course,
        "module": module.page if module else None,
        "lesson_number": lessons_in_module.index(lesson.pk) + 1 if module else None,
        "module_lesson_count": len(lessons_in_module),
        "enrolment": enrolment,
        "lesson_done": bool(enrolment and getattr(this_row, "learner_done", False)),
        "previous_lesson": previous,
        "next_lesson": following,
    }
