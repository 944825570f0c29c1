"""The course page tree, printable tools and the learner's records."""

from courses.models.pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.models.printables import PrintableIndexPage, PrintablePage
from courses.models.progress import Enrolment, LessonProgress

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PrintableIndexPage",
    "PrintablePage",
]
