import factory
import wagtail_factories
from wagtail.rich_text import RichText

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage
from tests.accounts.factories import UserFactory


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Training"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "What the course covers."
    audience = "Everyone who works with children."
    estimated_minutes = 60
    validity_months = 24
    issues_certificate = True


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    introduction = "<p>What this module is about.</p>"


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What this lesson is about."
    body = factory.LazyFunction(lambda: [("text", RichText("<p>Lesson text.</p>"))])


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
