"""What the My learning page shows: the learner's required training first, then
courses in progress, every completion with its date, and the refreshers due.

Required training comes from the apps to the right (compliance) through the
``courses_required_training`` hook: each handler takes ``user=`` and returns
items with ``course``, ``due_on``, ``tag``, ``tag_class`` and ``record_url``,
most urgent first, in a constant number of queries.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from wagtail import hooks

from courses.models import Enrolment, LessonProgress
from courses.outline import course_outlines
from courses.refreshers import refresher_due_on, refresher_is_due
from courses.requirements import module_requirements_many
from courses.selectors import CourseProgress, course_progress

REQUIRED_TRAINING_HOOK = "courses_required_training"


def required_training(*, user) -> list:
    """What the learner is required to take, from every registered handler."""
    return [
        item for handler in hooks.get_hooks(REQUIRED_TRAINING_HOOK) for item in handler(user=user)
    ]


@dataclass
class CurrentCourse:
    enrolment: Enrolment
    progress: CourseProgress


@dataclass
class CompletedCourse:
    enrolment: Enrolment
    refresher_due_on: date | None
    refresher_due: bool
    is_latest: bool

    @property
    def refresher_overdue(self) -> bool:
        return self.refresher_due_on is not None and self.refresher_due_on < timezone.localdate()


def my_learning_overview(*, user) -> dict:
    """The learner's open enrolments with progress, every completion with its date,
    and the refreshers that are due (or due within the notice period)."""
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("course").order_by("-started_at")
    )
    open_enrolments = [e for e in enrolments if e.is_open]
    outlines = course_outlines([e.course for e in open_enrolments])
    done = defaultdict(set)
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__in=open_enrolments
    ).values_list("enrolment_id", "lesson_id"):
        done[enrolment_id].add(lesson_id)
    # Every course's modules' requirements in one go, not a query per course.
    module_ids = {m.page.pk for outline in outlines.values() for m in outline.modules}
    extras = module_requirements_many(enrolments=open_enrolments, module_ids=module_ids)
    current = [
        CurrentCourse(
            enrolment=e,
            progress=course_progress(
                outline=outlines[e.course_id],
                enrolment=e,
                done_ids=done[e.pk],
                extras=extras[e.pk],
            ),
        )
        for e in open_enrolments
    ]
    open_course_ids = {e.course_id for e in open_enrolments}
    completed, latest_seen = [], set()
    for e in sorted(
        (e for e in enrolments if not e.is_open), key=lambda e: e.completed_at, reverse=True
    ):
        is_latest = e.course_id not in latest_seen
        latest_seen.add(e.course_id)
        due_on = refresher_due_on(
            completed_at=e.completed_at, validity_months=e.course.validity_months
        )
        due = is_latest and e.course_id not in open_course_ids and refresher_is_due(due_on)
        completed.append(CompletedCourse(e, due_on, due, is_latest))
    return {
        "required": required_training(user=user),
        "current": current,
        "completed": completed,
        "refreshers_due": [c for c in completed if c.refresher_due],
    }
