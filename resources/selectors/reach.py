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
