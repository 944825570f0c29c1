import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage
from lms.models import HomePage


def course_index() -> CourseIndexPage:
    """The training section under a fresh home page (made from scratch if a
    transactional test has flushed Wagtail's initial tree)."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", lead="Training."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home.add_child(instance=CourseIndexPage(title="Training", slug="training"))


def course_page(index: CourseIndexPage, **fields) -> CoursePage:
    fields = {
        "title": "Child sexual exploitation: spotting the signs",
        "slug": "cse-awareness",
        "summary": "Recognise and respond to child sexual exploitation.",
        "audience": "Everyone who works with children and families.",
        "estimated_minutes": 45,
        "validity_months": 12,
        **fields,
    }
    return index.add_child(instance=CoursePage(**fields))


def module_with_lesson(course: CoursePage) -> LessonPage:
    module = course.add_child(
        instance=ModulePage(title="Spotting the signs", slug="signs", introduction="<p>Signs.</p>")
    )
    return module.add_child(
        instance=LessonPage(
            title="What exploitation looks like",
            slug="what-it-looks-like",
            body=[("text", "<p>Exploitation can look like a relationship.</p>")],
        )
    )


def completed_enrolment(*, user, course: CoursePage, completed_at=None) -> Enrolment:
    """A finished enrolment, as courses.services leaves it."""
    completed_at = completed_at or timezone.now()
    return Enrolment.objects.create(
        user=user,
        course=course,
        started_at=completed_at - datetime.timedelta(hours=1),
        completed_at=completed_at,
    )
