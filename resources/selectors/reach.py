"""How many lessons were taught and pupils reached, for the schools report.

The reach selectors take a partnership the caller has already been allowed to
see (``organisations.access.partnerships_led_by``); they do no scoping of their own.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce

from organisations.models import Partnership
from resources.models import Delivery, KeyStage, TopicChoice


@dataclass(frozen=True)
class Reach:
    schools: int = 0
    lessons: int = 0
    pupils: int = 0


REACH = {
    "schools": Count("organisation", distinct=True),
    "lessons": Count("pk"),
    "pupils": Coalesce(Sum("pupils"), 0),
}


def deliveries_in_period(*, partnership: Partnership, start: date, end: date) -> QuerySet:
    """Lessons taught at the partnership's schools from ``start`` to ``end`` inclusive."""
    return Delivery.objects.filter(
        organisation__partnership=partnership, delivered_on__gte=start, delivered_on__lte=end
    )


def reach_totals(*, partnership: Partnership, start: date, end: date) -> Reach:
    """Schools delivering, lessons delivered and pupils reached in the period.

    "Pupils reached" is the sum of each lesson's class size: a class taught two
    lessons counts twice, because the log records lessons, not named pupils.
    """
    return Reach(
        **deliveries_in_period(partnership=partnership, start=start, end=end).aggregate(**REACH)
    )


def reach_by_key_stage(*, partnership: Partnership, start: date, end: date) -> dict[str, Reach]:
    """Reach split by the key stage of the plan taught, every key stage present.

    Each lesson counts under exactly one key stage, so lessons and pupils add up
    to ``reach_totals``; schools do not, as one school can teach several stages.
    """
    rows = (
        deliveries_in_period(partnership=partnership, start=start, end=end)
        .values("plan__key_stage")
        .annotate(**REACH)
        .order_by()
    )
    reach = {key_stage: Reach() for key_stage in KeyStage.values}
    for row in rows:
        key_stage = row.pop("plan__key_stage")
        reach[key_stage] = Reach(**row)
    return reach


def reach_by_topic(*, partnership: Partnership, start: date, end: date) -> dict[str, Reach]:
    """Reach split by topic, every topic present.

    A lesson counts once under each topic its plan covers: "pupils reached by
    topic" is the pupils in lessons that covered the topic. A plan with three
    topics adds its pupils to all three, so the topics' figures overlap and must
    not be summed; use ``reach_totals`` for totals.
    """
    rows = (
        deliveries_in_period(partnership=partnership, start=start, end=end)
        .values("plan__topics__slug")
        .annotate(**REACH)
        .order_by()
    )
    reach = {topic: Reach() for topic in TopicChoice.values}
    for row in rows:
        topic = row.pop("plan__topics__slug")
        if topic in reach:  # None for a plan with no topics
            reach[topic] = Reach(**row)
    return reach


@dataclass(frozen=True)
class SchoolReach:
    lessons: int = 0
    pupils: int = 0
    key_stages: tuple[str, ...] = ()  # KeyStage values taught, in KeyStage order
    topics: tuple[str, ...] = ()  # TopicChoice values covered, in TopicChoice order


def reach_by_school(*, partnership: Partnership, start: date, end: date) -> dict[int, SchoolReach]:
    """Reach of each school that taught in the period, {organisation id: reach}.
    A school with no lessons is absent. Two queries however many schools.

    Lessons and pupils add up to ``reach_totals``; the key stages and topics are
    those any of the school's lessons covered.
    """
    deliveries = deliveries_in_period(partnership=partnership, start=start, end=end)
    by_stage = (
        deliveries.values("organisation_id", "plan__key_stage")
        .annotate(lessons=Count("pk"), pupils=Coalesce(Sum("pupils"), 0))
        .order_by()
    )
    covered = deliveries.values_list("organisation_id", "plan__topics__slug").distinct().order_by()
    lessons, pupils, stages, topics = {}, {}, {}, {}
    for row in by_stage:
        school = row["organisation_id"]
        lessons[school] = lessons.get(school, 0) + row["lessons"]
        pupils[school] = pupils.get(school, 0) + row["pupils"]
        stages.setdefault(school, set()).add(row["plan__key_stage"])
    for school, topic in covered:
        if topic:  # None for a plan with no topics
            topics.setdefault(school, set()).add(topic)
    return {
        school: SchoolReach(
            lessons=lessons[school],
            pupils=pupils[school],
            key_stages=tuple(k for k in KeyStage.values if k in stages[school]),
            topics=tuple(t for t in TopicChoice.values if t in topics.get(school, ())),
        )
        for school in lessons
    }
