"""Reads for the library, the delivery log and reports.

The reach selectors take a partnership the caller has already been allowed to
see (``organisations.access.partnerships_led_by``); they do no scoping of their own.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import QueryDict
from wagtail.models import Page

from organisations.access import user_is_teacher
from organisations.models import Organisation, Partnership
from resources.access import deliveries_editable_by, schools_managed_by
from resources.filters import LibraryFilters
from resources.models import Delivery, KeyStage, LessonPlanPage, ResourceIndexPage, TopicChoice


def library_context(*, index: ResourceIndexPage, query: QueryDict, user) -> dict:
    """The filter form and the matching plans: a fixed number of queries however
    many plans match."""
    filters = LibraryFilters.from_query(query)
    plans = list(
        LessonPlanPage.objects.live()
        .child_of(index)
        .matching(filters)
        .prefetch_related("topics")
        .order_by("key_stage", "year_from", "title")
    )
    return {
        "filters": filters,
        "filter_groups": filters.groups(),
        "plans": plans,
        "can_log": user_is_teacher(user),
    }


def related_module_pages(slugs: list[str]) -> list[Page]:
    """Live training pages whose slugs the plan names, in the plan's order.

    Looked up by slug so resources need not import courses; a slug with no
    live page yet is left out.
    """
    if not slugs:
        return []
    found = {}
    for page in (
        Page.objects.live()
        .filter(slug__in=slugs)
        .exclude(content_type__app_label="resources")
        .order_by("path")
    ):
        found.setdefault(page.slug, page)
    return [found[slug] for slug in slugs if slug in found]


def lesson_plan_context(*, plan: LessonPlanPage, user) -> dict:
    """Everything a plan's page shows besides its own fields."""
    return {
        "topics": list(plan.topics.all()),
        "documents": list(plan.documents.all().select_related("document")),
        "related_modules": related_module_pages([block.value for block in plan.related_modules]),
        "can_log": user_is_teacher(user),
        "share_schools": list(schools_managed_by(user)),
        "timed_activities": plan.timed_activities(),
    }


# What the log's tables show: never a plan's StreamFields, which are large.
LOG_COLUMNS = [
    "id",
    "delivered_on",
    "year_group",
    "class_name",
    "pupils",
    "organisation__name",
    "plan__title",
    "plan__key_stage",
]


def deliveries_of_teacher(*, user) -> QuerySet[Delivery]:
    """The entries ``user`` logged, newest first."""
    return deliveries_editable_by(user).select_related("plan", "organisation").only(*LOG_COLUMNS)


def deliveries_of_school(*, school: Organisation) -> QuerySet[Delivery]:
    """Every entry of a school the caller may see, newest first."""
    return (
        Delivery.objects.filter(organisation=school)
        .select_related("plan", "organisation", "teacher")
        .only(*LOG_COLUMNS, "teacher__full_name")
    )


EXPORT_COLUMNS = [
    "delivered_on",
    "organisation__name",
    "plan__title",
    "plan__key_stage",
    "year_group",
    "class_name",
    "pupils",
    "teacher__full_name",
    "notes",
    "created_at",
]


def delivery_export_rows(*, school: Organisation):
    """The school's log as plain tuples in ``EXPORT_COLUMNS`` order, read in
    chunks so memory stays flat however long the log is."""
    return (
        Delivery.objects.filter(organisation=school)
        .order_by("delivered_on", "pk")
        .values_list(*EXPORT_COLUMNS)
        .iterator(chunk_size=2000)
    )


def delivery_likely_duplicates(
    *,
    teacher,
    plan: LessonPlanPage,
    year_group: int,
    class_name: str,
    delivered_on: date,
    exclude_pk: int | None = None,
) -> QuerySet[Delivery]:
    """Entries by the same teacher for the same plan, class and date."""
    duplicates = Delivery.objects.filter(
        teacher=teacher,
        plan=plan,
        year_group=year_group,
        class_name__iexact=class_name.strip(),
        delivered_on=delivered_on,
    )
    return duplicates.exclude(pk=exclude_pk) if exclude_pk else duplicates


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
