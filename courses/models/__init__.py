"""The course page tree and the learner's records."""

from courses.models.pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.models.progress import Enrolment, LessonProgress

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
]
