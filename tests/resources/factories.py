import datetime
import uuid

import factory
import wagtail_factories

from organisations.models import Sector
from resources.models import Delivery, KeyStage, LessonFormat, LessonPlanPage, ParentLink, Topic
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory


def topics(*slugs: str) -> list[Topic]:
    Topic.objects.ensure_all()
    return list(Topic.objects.filter(slug__in=slugs))


def _activities(n):
    return [
        {
            "type": "step",
            "value": {
                "title": "Ground rules",
                "minutes": 5,
                "instructions": "<p>Agree the ground rules.</p>",
            },
        },
        {
            "type": "discussion",
            "value": {
                "title": "Why can saying no feel hard?",
                "questions": ["What could a friend do?"],
                "notes": "<p>Draw out that fear makes no hard to say.</p>",
            },
        },
        {
            "type": "worksheet",
            "value": {
                "title": f"Worksheet {n}",
                "instructions": "Decide whether each is consent.",
                "items": ["Kai says no and his friend says OK."],
            },
        },
    ]


class LessonPlanPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPlanPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Lesson plan {n}")
    slug = factory.Sequence(lambda n: f"lesson-plan-{n}")
    summary = "Pupils learn what real consent looks like."
    key_stage = KeyStage.KS3
    year_from = 8
    year_to = 9
    lesson_format = LessonFormat.SCENARIOS
    duration_minutes = 50
    learning_objectives = factory.LazyFunction(
        lambda: [{"type": "item", "value": "Explain that consent can be taken back at any time."}]
    )
    ground_rules = factory.LazyFunction(lambda: [{"type": "item", "value": "No personal stories."}])
    activities = factory.Sequence(_activities)
    differentiation = "<p>Support: use everyday examples first.</p>"
    safeguarding_notes = "<p>If a pupil discloses, listen calmly and tell the DSL.</p>"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        self.topics = topics(*(extracted or ["consent"]))
        if create:
            self.save()


class SchoolFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"School {n}")
    sector = Sector.EDUCATION


def teacher_at(school, *, manager: bool = False, **user_fields):
    """A user who teaches at ``school`` (a manager there if asked)."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=school, is_manager=manager, job_role="Teacher")
    return user


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    plan = factory.SubFactory(LessonPlanPageFactory)
    organisation = factory.SubFactory(SchoolFactory)
    teacher = factory.SubFactory(UserFactory)
    year_group = 9
    class_name = "9B"
    delivered_on = factory.LazyFunction(lambda: datetime.date(2025, 3, 3))
    pupils = 28
    submission_token = factory.LazyFunction(uuid.uuid4)


class ParentLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParentLink

    plan = factory.SubFactory(LessonPlanPageFactory)
    organisation = factory.SubFactory(SchoolFactory)
