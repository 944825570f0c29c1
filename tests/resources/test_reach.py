import datetime

import pytest

from resources.models import KeyStage
from resources.selectors.reach import Reach, reach_by_key_stage, reach_by_topic, reach_totals
from tests.organisations.factories import PartnershipFactory
from tests.resources.factories import DeliveryFactory, LessonPlanPageFactory, SchoolFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)


@pytest.fixture
def partnership(library):
    """A known data set: two schools delivering in the period, one not, lessons
    either side of it, and another partnership's school."""
    area = PartnershipFactory()
    s1, s2 = SchoolFactory(partnership=area), SchoolFactory(partnership=area)
    SchoolFactory(partnership=area)  # delivers nothing
    elsewhere = SchoolFactory()
    p1 = LessonPlanPageFactory(
        parent=library, key_stage=KeyStage.KS3, topics=["consent", "peer-pressure"]
    )
    p2 = LessonPlanPageFactory(
        parent=library,
        key_stage=KeyStage.KS4,
        year_from=10,
        year_to=11,
        topics=["gangs-and-groups"],
    )
    p3 = LessonPlanPageFactory(
        parent=library,
        key_stage=KeyStage.KS2,
        year_from=5,
        year_to=6,
        topics=["getting-help", "healthy-relationships", "consent"],
    )

    def taught(school, plan, day, pupils, year_group):
        DeliveryFactory(
            organisation=school, plan=plan, delivered_on=day, pupils=pupils, year_group=year_group
        )

    taught(s1, p1, datetime.date(2025, 1, 10), 30, 9)
    taught(s1, p1, datetime.date(2025, 2, 10), 25, 8)
    taught(s1, p2, END, 20, 10)  # the last day counts
    taught(s2, p3, START, 28, 6)  # the first day counts
    taught(s2, p1, datetime.date(2025, 2, 20), 32, 9)
    taught(s1, p1, START - datetime.timedelta(days=1), 99, 9)  # before the period
    taught(s2, p2, END + datetime.timedelta(days=1), 99, 10)  # after it
    taught(elsewhere, p1, datetime.date(2025, 2, 1), 77, 9)  # another partnership
    return area


def test_totals(partnership):
    assert reach_totals(partnership=partnership, start=START, end=END) == Reach(
        schools=2, lessons=5, pupils=135
    )


def test_by_key_stage_adds_up_to_the_totals(partnership):
    by_stage = reach_by_key_stage(partnership=partnership, start=START, end=END)
    assert by_stage == {
        "ks2": Reach(schools=1, lessons=1, pupils=28),
        "ks3": Reach(schools=2, lessons=3, pupils=87),
        "ks4": Reach(schools=1, lessons=1, pupils=20),
        "ks5": Reach(),
    }
    assert sum(r.lessons for r in by_stage.values()) == 5
    assert sum(r.pupils for r in by_stage.values()) == 135


def test_by_topic_counts_a_lesson_under_each_of_its_topics(partnership):
    by_topic = reach_by_topic(partnership=partnership, start=START, end=END)
    assert by_topic == {
        "consent": Reach(schools=2, lessons=4, pupils=115),
        "peer-pressure": Reach(schools=2, lessons=3, pupils=87),
        "gangs-and-groups": Reach(schools=1, lessons=1, pupils=20),
        "getting-help": Reach(schools=1, lessons=1, pupils=28),
        "healthy-relationships": Reach(schools=1, lessons=1, pupils=28),
        "online-safety": Reach(),
        "grooming": Reach(),
    }
    # Overlapping by design: the topics' lessons exceed the 5 lessons taught.
    assert sum(r.lessons for r in by_topic.values()) == 10


def test_an_empty_period_reaches_no_one(partnership):
    day = datetime.date(2030, 1, 1)
    assert reach_totals(partnership=partnership, start=day, end=day) == Reach()
    assert set(reach_by_topic(partnership=partnership, start=day, end=day).values()) == {Reach()}


def test_each_selector_is_one_query(partnership, django_assert_num_queries):
    for selector in (reach_totals, reach_by_key_stage, reach_by_topic):
        with django_assert_num_queries(1):
            selector(partnership=partnership, start=START, end=END)
