"""The course page tree, the learner's records and the signposting setting."""

from courses.models.confidence import ConfidenceRating, Stage
from courses.models.pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.models.progress import Enrolment, LessonProgress
from courses.models.signposting import SignpostingSettings

__all__ = [
    "ConfidenceRating",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "SignpostingSettings",
    "Stage",
]
