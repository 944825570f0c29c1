"""What the library and a lesson plan's page show."""

from django.http import QueryDict
from wagtail.models import Page

from organisations.access import user_is_teacher
from resources.access import schools_managed_by
from resources.filters import LibraryFilters
from resources.models import LessonPlanPage, ResourceIndexPage


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


def related_module_pages(plan: LessonPlanPage) -> list[Page]:
    """The live training modules the plan names, in the plan's order (the
    chooser fetches them in one query; a deleted or unpublished one is left out)."""
    return [block.value for block in plan.related_modules if block.value and block.value.live]


def lesson_plan_context(*, plan: LessonPlanPage, user) -> dict:
    """Everything a plan's page shows besides its own fields."""
    return {
        "topics": list(plan.topics.all()),
        "documents": list(plan.documents.all().select_related("document")),
        "related_modules": related_module_pages(plan),
        "can_log": user_is_teacher(user),
        "share_schools": list(schools_managed_by(user)),
        "timed_activities": plan.timed_activities(),
    }
